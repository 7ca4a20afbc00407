/* /bin/sh: Forkscope's shell runs one command, in one of two ways.
     sh PROG ARGS...       the user's program: fork, exec PROG in the child, wait for it and exit with
                           its status, or 128 + N when signal N killed it, as a shell running `./prog` does.
     sh -c "NAME ARGS..."  system()'s way: the words of the string, split on blanks, with dash's quotes
                           and backslashes (no variables, no operators), exec'd in place as dash does
                           for a lone command; NAME is a path if it has a '/', else /bin's program
                           of that name. `exit [N]` is the one built-in. A command that cannot be
                           run gets dash's message and status: 127 "not found", 126 for any other
                           reason. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_WORDS 64
#define MAX_PATH 256

/* The words of `line` with their quotes removed, as dash reads a simple command: blanks separate
   words; inside '...' every character is itself; inside "..." a backslash escapes only $ ` " \ and a
   newline, and is kept before anything else; an unquoted backslash makes the next character itself. A
   backslash before a newline removes both (a continued line). Writes the words into `out` (no longer
   than `line`); returns how many there are, or TOO_MANY_WORDS, or UNTERMINATED. */
#define TOO_MANY_WORDS -1
#define UNTERMINATED -2
static int split_words(const char *line, char *out, char **words)
{
  int n = 0;
  const char *p = line;
  char *o = out;

  for (;;) {
    while (*p == ' ' || *p == '\t' || (p[0] == '\\' && p[1] == '\n'))
      p += *p == '\\' ? 2 : 1;
    if (*p == '\0')
      break;
    if (n == MAX_WORDS)
      return TOO_MANY_WORDS;
    words[n++] = o;
    while (*p != '\0' && *p != ' ' && *p != '\t') {
      if (*p == '\'') {
        for (p++; *p != '\''; p++) {
          if (*p == '\0')
            return UNTERMINATED;
          *o++ = *p;
        }
        p++;
      } else if (*p == '"') {
        for (p++; *p != '"'; p++) {
          if (*p == '\0')
            return UNTERMINATED;
          if (p[0] == '\\' && p[1] == '\n') {
            p++; /* a continued line: both go */
            continue;
          }
          if (*p == '\\' && p[1] != '\0' && strchr("$`\"\\", p[1]) != NULL)
            p++;
          *o++ = *p;
        }
        p++;
      } else if (*p == '\\' && p[1] != '\0') {
        if (p[1] != '\n')
          *o++ = p[1];
        p += 2;
      } else {
        *o++ = *p++;
      }
    }
    *o++ = '\0';
  }
  words[n] = NULL;
  return n;
}

/* `sh -c LINE`: runs the command LINE names in this process; returns only with an exit status. */
static int run_command_line(const char *line)
{
  char buf[1024];
  char *words[MAX_WORDS + 1];
  char path[MAX_PATH];
  int n;

  if (strlen(line) >= sizeof(buf)) {
    fprintf(stderr, "sh: 1: command too long\n");
    return 2;
  }
  n = split_words(line, buf, words);
  if (n == UNTERMINATED) {
    fprintf(stderr, "sh: 1: Syntax error: Unterminated quoted string\n");
    return 2;
  }
  if (n == TOO_MANY_WORDS) {
    fprintf(stderr, "sh: 1: too many words\n");
    return 2;
  }
  if (n == 0)
    return 0;
  if (strcmp(words[0], "exit") == 0)
    return n > 1 ? atoi(words[1]) & 0xff : 0;
  /* execvp's lookup without a PATH to search: a name with a slash is a path, any other is /bin's. */
  if (strchr(words[0], '/') != NULL)
    snprintf(path, sizeof(path), "%s", words[0]);
  else
    snprintf(path, sizeof(path), "/bin/%s", words[0]);
  execv(path, words);
  if (errno == ENOENT) {
    fprintf(stderr, "sh: 1: %s: not found\n", words[0]);
    return 127;
  }
  fprintf(stderr, "sh: 1: %s: %s\n", words[0], strerror(errno));
  return 126;
}

/* `sh PROG ARGS...`: runs PROG as a child and waits for it. */
static int run_program(char **argv)
{
  pid_t pid;
  int status;

  pid = fork();
  if (pid < 0) {
    perror("sh: fork");
    return 2;
  }
  if (pid == 0) {
    execv(argv[0], argv);
    perror(argv[0]);
    _exit(127);
  }
  /* A signal may interrupt the wait (EINTR): the child is still there to wait for. */
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR)
      return 2;
  }
  if (WIFSIGNALED(status))
    return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

int main(int argc, char **argv)
{
  if (argc < 2) {
    fprintf(stderr, "sh: missing command\n");
    return 2;
  }
  if (strcmp(argv[1], "-c") == 0) {
    if (argc < 3) {
      fprintf(stderr, "sh: 0: -c requires an argument\n");
      return 2;
    }
    return run_command_line(argv[2]);
  }
  return run_program(argv + 1);
}
