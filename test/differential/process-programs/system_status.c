// system() runs a command line with /bin/sh -c and returns its status as waitpid gives it: echo's output
// comes before the parent's next line (flushed before each call), false gives exit status 1, an unknown
// command 127 with the shell's "not found" on stderr, and system(NULL) says a shell is there.
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

static void run(const char *command)
{
    int status = system(command);
    printf("system(\"%s\"): WIFEXITED %d, WEXITSTATUS %d\n", command, WIFEXITED(status), WEXITSTATUS(status));
    // The command writes straight to the shared stdout: what this process printed must be out first.
    fflush(stdout);
}

int main(void) {
    printf("system(NULL) != 0: %d\n", system(NULL) != 0);
    fflush(stdout);
    run("echo hello");
    run("echo  two\twords   apart ");
    run("true");
    run("false");
    run("exit 3");
    run("nosuchcmd");
    run("./nosuchcmd arg");
    run("");
    printf("system(\"false\") == 256: %d\n", system("false") == 256);
    return 0;
}
