/* /sbin/init: the first user process (PID 1), which the kernel execs at the end of boot. Linux's init
   starts the system's services and a shell; Forkscope's starts the shell that runs the user's program
   (init's arguments are that program's argv, as the kernel passes init its command line), then reaps
   every child that ends, orphans reparented to it included, for as long as the system runs. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

/* SIGCHLD's default is to be ignored, and an ignored signal never ends pause(): init catches it. */
static void on_sigchld(int sig)
{
}

int main(int argc, char **argv)
{
  pid_t sh;
  sigset_t chld, empty;

  setsid(); /* init leads the first session, as systemd and busybox's init do */
  signal(SIGCHLD, on_sigchld);
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  sigemptyset(&empty);
  /* Blocked except while init sleeps in sigsuspend, so that no child's end slips in between the
     wait that finds no child and the sleep. */
  sigprocmask(SIG_BLOCK, &chld, NULL);
  sh = fork();
  if (sh == 0) {
    sigprocmask(SIG_SETMASK, &empty, NULL); /* the shell starts with nothing blocked */
    argv[0] = "sh";
    execv("/bin/sh", argv);
    _exit(127);
  }
  for (;;) {
    /* With no child left, sleep: a child reparented here sends SIGCHLD when it exits (exit_notify). */
    if (wait(NULL) < 0 && errno == ECHILD)
      sigsuspend(&empty);
  }
}
