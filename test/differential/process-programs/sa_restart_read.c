/* A signal handled while the parent blocks reading an empty pipe: with SA_RESTART the read goes on and
   returns the data written later; without it, read fails with EINTR. pause() and nanosleep() are never
   restarted. The child waits (usleep) so that the parent is asleep in the call when the signal comes. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t handled;

static void on_usr1(int sig)
{
  handled++;
}

static void install(int flags)
{
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_usr1;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = flags;
  sigaction(SIGUSR1, &sa, NULL);
}

/* A child that signals the parent, then writes "data" to the pipe. */
static pid_t signal_then_write(int fd)
{
  pid_t pid = fork();
  if (pid == 0) {
    usleep(100000);
    kill(getppid(), SIGUSR1);
    usleep(100000);
    write(fd, "data", 4);
    _exit(0);
  }
  return pid;
}

int main(void)
{
  int fds[2];
  char buf[16];
  ssize_t n;
  pid_t pid;
  struct timespec ts = { 2, 0 };

  pipe(fds);
  install(SA_RESTART);
  pid = signal_then_write(fds[1]);
  n = read(fds[0], buf, sizeof buf);
  printf("SA_RESTART: read returned %d, handled %d\n", (int)n, (int)handled);
  waitpid(pid, NULL, 0);

  install(0);
  pid = signal_then_write(fds[1]);
  n = read(fds[0], buf, sizeof buf);
  printf("no SA_RESTART: read returned %d, EINTR %d, handled %d\n", (int)n, errno == EINTR, (int)handled);
  n = read(fds[0], buf, sizeof buf);
  printf("read again: %d\n", (int)n);
  waitpid(pid, NULL, 0);

  install(SA_RESTART);
  pid = fork();
  if (pid == 0) {
    usleep(100000);
    kill(getppid(), SIGUSR1);
    _exit(0);
  }
  n = nanosleep(&ts, &ts);
  printf("nanosleep with SA_RESTART: %d, EINTR %d, time left %d\n", (int)n, errno == EINTR, ts.tv_sec >= 1);
  waitpid(pid, NULL, 0);
  printf("handled %d\n", (int)handled);
  return 0;
}
