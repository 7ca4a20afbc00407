/* /sbin/init: the first user process (PID 1), which the kernel execs at the end of boot. Linux's init
   starts the system's services and a shell; Forkscope's starts the shell that runs the user's program
   (init's arguments are that program's argv, as the kernel passes init its command line), then reaps
   every child that ends, orphans reparented to it included, for as long as the system runs. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

/* SIGCHLD's default is to be ignored, and an ignored signal never ends pause(): init catches it. */
static void on_sigchld(int sig)
{
}

/* The descriptor limit the services and shells init starts get, where the kernel's default is 1024
   and 4096: a service manager sets its own (systemd's DefaultLimitNOFILE, a container runtime's
   --ulimit nofile). These are the machine's Forkscope is compared with, where a shell gets 20000 and
   20000. */
#define SHELL_NOFILE 20000

int main(int argc, char **argv)
{
  pid_t sh;
  sigset_t chld, empty;
  struct rlimit nofile = { SHELL_NOFILE, SHELL_NOFILE };

  setsid(); /* init leads the first session, as systemd and busybox's init do */
  setrlimit(RLIMIT_NOFILE, &nofile);
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
