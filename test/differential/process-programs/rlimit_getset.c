// getrlimit of every resource (those whose defaults are the kernel's print their values; NOFILE, CORE,
// NPROC and SIGPENDING depend on the machine and print relations), setrlimit's EINVAL for a soft limit
// above the hard one and for an unknown resource, ESRCH for prlimit of no process, lowering a hard
// limit, the limits a forked child inherits, and prlimit reading and setting a child's limits.
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *const names[] = {
  "CPU", "FSIZE", "DATA", "STACK", "CORE", "RSS", "NPROC", "NOFILE",
  "MEMLOCK", "AS", "LOCKS", "SIGPENDING", "MSGQUEUE", "NICE", "RTPRIO", "RTTIME",
};

static void limit_text(char *out, rlim_t v)
{
  if (v == RLIM_INFINITY)
    strcpy(out, "unlimited");
  else
    sprintf(out, "%lu", (unsigned long)v);
}

static void show(int resource)
{
  struct rlimit r;
  char cur[32], max[32];
  if (getrlimit(resource, &r) != 0) {
    printf("%s: %s\n", names[resource], strerror(errno));
    return;
  }
  limit_text(cur, r.rlim_cur);
  limit_text(max, r.rlim_max);
  printf("RLIMIT_%s: %s %s\n", names[resource], cur, max);
}

static void failure(const char *what, int r)
{
  printf("%s: %d %s\n", what, r, r < 0 ? strerror(errno) : "");
}

int main(void)
{
  struct rlimit r, nproc, sigpending, nofile, core;
  int i, status;
  pid_t pid;
  int ready[2], go[2];
  char c;

  printf("RLIM_NLIMITS %d, RLIM_INFINITY %d, sizeof(rlim_t) %d\n", RLIM_NLIMITS, RLIM_INFINITY == (rlim_t)-1, (int)sizeof(rlim_t));
  for (i = 0; i < RLIM_NLIMITS; i++) {
    if (i == RLIMIT_NOFILE || i == RLIMIT_CORE || i == RLIMIT_NPROC || i == RLIMIT_SIGPENDING)
      continue;
    show(i);
  }
  getrlimit(RLIMIT_NOFILE, &nofile);
  getrlimit(RLIMIT_CORE, &core);
  getrlimit(RLIMIT_NPROC, &nproc);
  getrlimit(RLIMIT_SIGPENDING, &sigpending);
  printf("NOFILE soft <= hard: %d, CORE soft <= hard: %d\n", nofile.rlim_cur <= nofile.rlim_max, core.rlim_cur <= core.rlim_max);
  printf("NPROC soft == hard: %d, SIGPENDING == NPROC: %d\n", nproc.rlim_cur == nproc.rlim_max,
         sigpending.rlim_cur == nproc.rlim_cur && sigpending.rlim_max == nproc.rlim_max);

  r.rlim_cur = 2000;
  r.rlim_max = 1000;
  failure("soft above hard", setrlimit(RLIMIT_FSIZE, &r));
  failure("getrlimit(16)", getrlimit(RLIM_NLIMITS, &r));
  failure("setrlimit(-1)", setrlimit(-1, &r));
  failure("prlimit of no process", prlimit(999999, RLIMIT_CPU, NULL, &r));

  r.rlim_cur = 1000000;
  r.rlim_max = 2000000;
  printf("lower FSIZE: %d\n", setrlimit(RLIMIT_FSIZE, &r));
  show(RLIMIT_FSIZE);
  r.rlim_cur = 0;
  r.rlim_max = 0;
  printf("CORE to 0 0: %d\n", setrlimit(RLIMIT_CORE, &r));
  fflush(stdout);

  pid = fork();
  if (pid == 0) {
    printf("child: ");
    show(RLIMIT_FSIZE);
    printf("child: ");
    show(RLIMIT_CORE);
    fflush(stdout);
    _exit(0);
  }
  waitpid(pid, &status, 0);

  // prlimit on a child that waits: its old limits are read back, the new ones are what it sees.
  pipe(ready);
  pipe(go);
  pid = fork();
  if (pid == 0) {
    close(ready[0]);
    close(go[1]);
    write(ready[1], "r", 1);
    read(go[0], &c, 1);
    printf("child after prlimit: ");
    show(RLIMIT_FSIZE);
    show(RLIMIT_CPU);
    fflush(stdout);
    _exit(0);
  }
  close(ready[1]);
  close(go[0]);
  read(ready[0], &c, 1);
  r.rlim_cur = 4096;
  r.rlim_max = 8192;
  {
    struct rlimit old;
    printf("prlimit(child, FSIZE): %d", prlimit(pid, RLIMIT_FSIZE, &r, &old));
    printf(", old %lu %lu\n", (unsigned long)old.rlim_cur, (unsigned long)old.rlim_max);
  }
  r.rlim_cur = 5;
  r.rlim_max = RLIM_INFINITY;
  printf("prlimit(child, CPU): %d\n", prlimit(pid, RLIMIT_CPU, &r, NULL));
  fflush(stdout);
  write(go[1], "g", 1);
  waitpid(pid, &status, 0);
  show(RLIMIT_FSIZE);
  return 0;
}
