/* The scheduling policy calls (errno for each bad argument, SCHED_BATCH and SCHED_IDLE kept,
   SCHED_RESET_ON_FORK reported and cleared in a child) and the program break: sbrk, brk's glibc
   quirk (a request below the heap leaves the break and succeeds), and malloc and sbrk sharing it. */
#define _GNU_SOURCE
#include <stdio.h>
#include <signal.h>
#include <string.h>
#include <sched.h>
#include <errno.h>
#include <unistd.h>
#include <stdlib.h>
#include <sys/wait.h>
#define T(label, expr) do { errno = 0; long r_ = (long)(expr); int e_ = errno; printf("%s = %ld errno %d\n", label, r_, e_); } while (0)
int main(void){
  struct sched_param p = {0};
  T("max4", sched_get_priority_max(4));
  T("min-1", sched_get_priority_min(-1));
  T("getsched bad", sched_getscheduler(999999));
  T("getsched neg", sched_getscheduler(-1));
  T("getparam bad", sched_getparam(999999, &p));
  T("getparam neg", sched_getparam(-1, &p));
  T("getparam null", sched_getparam(0, NULL));
  p.sched_priority = 1; T("set other prio1", sched_setscheduler(0, SCHED_OTHER, &p));
  p.sched_priority = -1; T("set other prio-1", sched_setscheduler(0, SCHED_OTHER, &p));
  p.sched_priority = 0; T("set 4", sched_setscheduler(0, 4, &p));
  T("set -1", sched_setscheduler(0, -1, &p));
  T("set 6", sched_setscheduler(0, 6, &p));
  T("set fifo0", sched_setscheduler(0, SCHED_FIFO, &p));
  p.sched_priority = 100; T("set fifo100", sched_setscheduler(0, SCHED_FIFO, &p));
  T("set null", sched_setscheduler(0, SCHED_OTHER, NULL));
  p.sched_priority = 0; T("set bad pid", sched_setscheduler(999999, SCHED_OTHER, &p));
  T("set neg pid", sched_setscheduler(-1, SCHED_OTHER, &p));
  p.sched_priority = 5; T("setparam5 (other)", sched_setparam(0, &p));
  p.sched_priority = 0; T("setparam bad", sched_setparam(999999, &p));
  T("setparam neg", sched_setparam(-1, &p));
  T("setparam null", sched_setparam(0, NULL));
  p.sched_priority = 0; T("set batch", sched_setscheduler(0, SCHED_BATCH, &p)); T("get", sched_getscheduler(0));
  T("setparam0 under batch", sched_setparam(0, &p)); T("get", sched_getscheduler(0));
  T("set reset_on_fork|batch", sched_setscheduler(0, SCHED_BATCH | 0x40000000, &p)); T("get", sched_getscheduler(0));
  fflush(stdout);
  if (fork() == 0) { T("child get", sched_getscheduler(0)); fflush(stdout); _exit(0); }
  wait(NULL);
  T("sbrk0", sbrk(0) != 0);
  void *b0 = sbrk(0);
  T("sbrk4096 == b0", sbrk(4096) == b0);
  T("sbrk0 == b0+4096", sbrk(0) == (char*)b0 + 4096);
  T("sbrk huge fails", sbrk(1L<<40) == (void *)-1);
  T("brk(1)", brk((void*)1));
  T("brk(b0) ", brk(b0)); T("sbrk0==b0", sbrk(0)==b0);
  /* glibc's brk succeeds when the kernel's break is not below the request: brk(1) leaves it alone. */
  T("sbrk0==b0 still", sbrk(0)==b0);
  char *m = malloc(100);
  T("malloc'd memory above the break taken", m != NULL);
  char *s = sbrk(4096);
  T("sbrk after malloc: not malloc's memory", s >= m + 100);
  s[0] = 'x'; s[4095] = 'y';
  char *m2 = malloc(300000);
  T("big malloc after sbrk", m2 != NULL && (m2 + 300000 <= s || m2 >= s + 4096));
  T("sbrk memory intact", s[0] == 'x' && s[4095] == 'y');
  return 0;
}
