// Signal handlers, masks, restarts and job control in the simulated kernel, for what the process
// differential suite cannot print: where a handler's frame lives, and system calls resumed or
// restarted after a signal. Each expectation but init's was checked against the same program compiled
// with cc (natively only root may signal init, and systemd has handlers).
import { describe, expect, it } from 'vitest';
import { runC } from '../support/run-c';

function run(source: string) {
  const r = runC(source);
  expect(r.diagnostics).toBe('');
  return r;
}

describe('signal delivery', () => {
  it('runs a handler on the user stack below the interrupted code, and a nested one below it', () => {
    const r = run(`#include <signal.h>
#include <stdio.h>
#include <unistd.h>
static char *main_local, *outer_local;
static int below, inner_below;
static void inner(int sig) { char x; inner_below = &x < outer_local; }
static void outer(int sig) {
  char x;
  outer_local = &x;
  below = &x < main_local;
  signal(SIGUSR2, inner);
  raise(SIGUSR2);
  write(1, "in handler\\n", 11);
}
int main(void) {
  char here;
  main_local = &here;
  signal(SIGUSR1, outer);
  raise(SIGUSR1);
  printf("below main %d, nested below outer %d, main's local intact %d\\n", below, inner_below, main_local == &here);
  return 0;
}`);
    expect(r.stdout).toBe('in handler\nbelow main 1, nested below outer 1, main\'s local intact 1\n');
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 0 });
  });

  it('restarts wait() after a handler with SA_RESTART and fails it with EINTR without', () => {
    const r = run(`#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
static void on_usr1(int sig) {}
static void try_wait(int flags) {
  struct sigaction sa;
  int status;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_usr1;
  sa.sa_flags = flags;
  sigaction(SIGUSR1, &sa, NULL);
  pid_t pid = fork();
  if (pid == 0) {
    usleep(100000);
    kill(getppid(), SIGUSR1);
    usleep(100000);
    _exit(5);
  }
  pid_t r = wait(&status);
  if (r < 0) {
    printf("wait: -1 EINTR %d\\n", errno == EINTR);
    waitpid(pid, &status, 0);
  } else {
    printf("wait: pid ok %d, status %d\\n", r == pid, WEXITSTATUS(status));
  }
}
int main(void) {
  try_wait(SA_RESTART);
  try_wait(0);
  return 0;
}`);
    expect(r.stdout).toBe('wait: pid ok 1, status 5\nwait: -1 EINTR 1\n');
  });

  it('lets a sleep stopped and continued run on to its deadline without failing', () => {
    const r = run(`#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
  int status;
  pid_t pid = fork();
  if (pid == 0)
    _exit(sleep(1));
  usleep(100000);
  kill(pid, SIGSTOP);
  waitpid(pid, &status, WUNTRACED);
  printf("stopped %d\\n", WIFSTOPPED(status));
  kill(pid, SIGCONT);
  waitpid(pid, &status, 0);
  printf("sleep returned %d\\n", WEXITSTATUS(status));
  return 0;
}`);
    expect(r.stdout).toBe('stopped 1\nsleep returned 0\n');
  });

  it('goes on with a stopped sleep through restart_syscall, to the deadline it had', () => {
    // The stop's 0.2 s is not added: the restarted sleep ends at the first one's deadline, 1 s after it
    // began. The time left was written when the stop cut the sleep short, as natively.
    const r = run(`#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
static long long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}
int main(void) {
  int status;
  pid_t pid = fork();
  if (pid == 0) {
    struct timespec req = { 1, 0 }, rem = { 0, 0 };
    long long start = now_ms();
    int r = nanosleep(&req, &rem);
    printf("nanosleep %d after %lld tenths, time left written %d\\n", r, (now_ms() - start + 50) / 100, rem.tv_nsec != 0);
    return 0;
  }
  usleep(100000);
  kill(pid, SIGSTOP);
  waitpid(pid, &status, WUNTRACED);
  usleep(200000);
  kill(pid, SIGCONT);
  waitpid(pid, &status, 0);
  return 0;
}`);
    expect(r.stdout).toBe('nanosleep 0 after 10 tenths, time left written 1\n');
  });

  it('reads the bytes a signal came with, then runs the handler, whose frame it hands its ucontext', () => {
    // The writer's bytes and signal both wait when the reader wakes: pipe_read's wait tests the pipe
    // before the signal (natively a race, which goes this way when the signal arrives last).
    const r = run(`#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
static volatile int handled, got_ucontext;
static void on_usr1(int sig, siginfo_t *info, void *uc) { (void)sig; (void)info; handled = 1; got_ucontext = uc != NULL; }
int main(void) {
  int fds[2];
  char buf[8];
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_usr1;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGUSR1, &sa, NULL);
  pipe(fds);
  pid_t pid = fork();
  if (pid == 0) {
    usleep(100000);
    write(fds[1], "abc", 3);
    kill(getppid(), SIGUSR1);
    _exit(0);
  }
  long n = read(fds[0], buf, sizeof buf);
  printf("read %ld, handled %d, ucontext %d\\n", n, handled, got_ucontext);
  waitpid(pid, NULL, 0);
  return 0;
}`);
    expect(r.stdout).toBe('read 3, handled 1, ucontext 1\n');
  });

  it('keeps init alive: a signal it has no handler for is dropped', () => {
    const r = run(`#include <signal.h>
#include <stdio.h>
int main(void) {
  printf("kill(1, SIGTERM) = %d\\n", kill(1, SIGTERM));
  return 0;
}`);
    expect(r.stdout).toBe('kill(1, SIGTERM) = 0\n');
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 0 });
  });
});
