/* clock_nanosleep on each kind of clock: relative and absolute (TIMER_ABSTIME) sleeps, a deadline
   already past, the clocks that cannot sleep (EOPNOTSUPP) or do not exist (EINVAL), a handled signal
   cutting a relative sleep short (EINTR, the time left written) and an absolute one (EINTR, nothing
   written), and the CPU clocks: the process's, which another thread's work advances, another
   thread's, and the caller's own thread clock (EINVAL). A time the kernel cannot read, or a time left
   it cannot write, is EFAULT. clock_nanosleep returns the error number; nanosleep returns -1 and sets
   errno. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static volatile int stop;

static void on_alarm(int sig) { (void)sig; }

static void *burn(void *arg)
{
  volatile unsigned long spins = 0;
  (void)arg;
  while (!stop)
    spins++;
  return NULL;
}

int main(void)
{
  struct timespec req = {0, 5000}, rem = {7, 7}, now, zero = {0, 0}, cpu = {0, 100000};
  pthread_t th;
  clockid_t cid;
  int r;

  printf("monotonic, relative: %d\n", clock_nanosleep(CLOCK_MONOTONIC, 0, &req, &rem));
  clock_gettime(CLOCK_MONOTONIC, &now);
  now.tv_nsec += 3000;
  if (now.tv_nsec >= 1000000000) {
    now.tv_sec++;
    now.tv_nsec -= 1000000000;
  }
  printf("monotonic, absolute: %d\n", clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &now, &rem));
  clock_gettime(CLOCK_REALTIME, &now);
  now.tv_sec -= 10;
  printf("realtime, absolute, 10 s ago: %d\n", clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &now, NULL));
  printf("boottime, relative: %d\n", clock_nanosleep(CLOCK_BOOTTIME, 0, &req, NULL));
  printf("tai, relative: %d\n", clock_nanosleep(CLOCK_TAI, 0, &req, NULL));
  printf("monotonic_raw: %d (EOPNOTSUPP %d)\n", clock_nanosleep(CLOCK_MONOTONIC_RAW, 0, &req, NULL), EOPNOTSUPP);
  printf("monotonic_coarse: %d\n", clock_nanosleep(CLOCK_MONOTONIC_COARSE, 0, &req, NULL));
  printf("clock 42: %d (EINVAL %d)\n", clock_nanosleep(42, 0, &req, NULL), EINVAL);
  req.tv_nsec = 1000000000;
  printf("tv_nsec 1e9: %d\n", clock_nanosleep(CLOCK_MONOTONIC, 0, &req, NULL));
  errno = 0;
  r = nanosleep(&req, NULL);
  printf("nanosleep, tv_nsec 1e9: %d, errno %d\n", r, errno);

  signal(SIGALRM, on_alarm);
  req.tv_sec = 3;
  req.tv_nsec = 0;
  alarm(1);
  r = clock_nanosleep(CLOCK_MONOTONIC, 0, &req, &rem);
  printf("relative, cut short: %d (EINTR %d), 1 s < time left < 3 s: %d\n", r, EINTR, rem.tv_sec >= 1 && rem.tv_sec < 3);
  alarm(1);
  clock_gettime(CLOCK_MONOTONIC, &now);
  now.tv_sec += 3;
  rem.tv_sec = 9;
  r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &now, &rem);
  printf("absolute, cut short: %d, time left untouched: %d\n", r, rem.tv_sec == 9);
  alarm(1);
  r = clock_nanosleep(CLOCK_MONOTONIC, 0, &req, (struct timespec *)16);
  printf("relative, cut short, time left to a bad address: %d (EFAULT %d)\n", r, EFAULT);
  printf("time at a bad address: %d\n", clock_nanosleep(CLOCK_MONOTONIC, 0, (struct timespec *)16, NULL));
  printf("time at a kernel address: %d\n", clock_nanosleep(CLOCK_MONOTONIC, 0, (struct timespec *)0xffffffff81000000UL, NULL));

  printf("process cpu clock, deadline past: %d\n", clock_nanosleep(CLOCK_PROCESS_CPUTIME_ID, TIMER_ABSTIME, &zero, NULL));
  printf("thread cpu clock: %d\n", clock_nanosleep(CLOCK_THREAD_CPUTIME_ID, 0, &cpu, NULL));
  pthread_create(&th, NULL, burn, NULL);
  printf("process cpu clock, 100 us while a thread works: %d\n", clock_nanosleep(CLOCK_PROCESS_CPUTIME_ID, 0, &cpu, NULL));
  pthread_getcpuclockid(th, &cid);
  printf("the working thread's clock, 100 us: %d\n", clock_nanosleep(cid, 0, &cpu, NULL));
  pthread_getcpuclockid(pthread_self(), &cid);
  printf("own thread's clock by its id: %d\n", clock_nanosleep(cid, 0, &cpu, NULL));
  clock_getcpuclockid(getpid(), &cid);
  printf("own process's clock by its id, deadline past: %d\n", clock_nanosleep(cid, TIMER_ABSTIME, &zero, NULL));
  stop = 1;
  pthread_join(th, NULL);
  printf("clock_getcpuclockid of no process: %d (ESRCH %d)\n", clock_getcpuclockid(999999, &cid), ESRCH);
  printf("clock_gettime(CLOCK_TAI): %d\n", clock_gettime(CLOCK_TAI, &now));
  return 0;
}
