/* popen_pclose.c: popen runs `/bin/sh -c command` with a pipe on its stdout ("r") or stdin ("w");
   pclose closes the pipe and returns the command's wait status. The modes' errors, "e"'s
   close-on-exec flag, a command the shell cannot find (127, dash's message on stderr) and fclose on
   a popen stream, which in glibc waits for the command just as pclose does. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void show_status(const char *what, int st)
{
  if (st == -1)
    printf("%s: -1 %s\n", what, strerror(errno));
  else
    printf("%s: exited %d, status %d\n", what, WIFEXITED(st), WEXITSTATUS(st));
}

int main(void)
{
  char line[128];

  FILE *f = popen("echo one two", "r");
  while (fgets(line, sizeof line, f))
    printf("read: %s", line);
  printf("stdin of our own is still fd 0, the stream's fd is above 2: %d\n", fileno(f) > 2);
  show_status("pclose(echo)", pclose(f));

  printf("cat's output follows\n");
  fflush(stdout);
  FILE *w = popen("cat", "w");
  fprintf(w, "written to cat's stdin\n");
  show_status("pclose(cat)", pclose(w));

  show_status("pclose(false)", pclose(popen("false", "r")));
  show_status("pclose(exit 7)", pclose(popen("exit 7", "w")));
  fflush(stdout);
  show_status("pclose(no such command)", pclose(popen("no-such-command", "r")));
  show_status("fclose(exit 3)", fclose(popen("exit 3", "r")));

  FILE *e = popen("true", "re");
  printf("\"re\": FD_CLOEXEC %d\n", fcntl(fileno(e), F_GETFD));
  pclose(e);
  FILE *r = popen("true", "r");
  printf("\"r\": FD_CLOEXEC %d\n", fcntl(fileno(r), F_GETFD));
  pclose(r);

  const char *modes[] = { "rw", "x", "" };
  for (int i = 0; i < 3; i++) {
    errno = 0;
    FILE *bad = popen("true", modes[i]);
    printf("mode \"%s\": %s %s\n", modes[i], bad == NULL ? "NULL" : "a stream", strerror(errno));
  }
  return 0;
}
