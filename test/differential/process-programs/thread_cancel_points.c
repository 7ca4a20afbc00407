/* Deferred cancellation acts in a thread blocked in each cancellation point: the cancel comes while
   the thread sleeps inside the call, its cleanup handler runs, and join returns PTHREAD_CANCELED.
   Canceled in pthread_cond_timedwait, the thread holds the mutex again when its handlers run. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int ready;
static int pipefd[2];
static pid_t child;
static pthread_t blocker;
static pthread_mutex_t never_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t never = PTHREAD_COND_INITIALIZER;

/* The thread says it is about to block; main waits for that, then a little more. */
static void set_ready(void)
{
  pthread_mutex_lock(&lock);
  ready = 1;
  pthread_cond_signal(&cond);
  pthread_mutex_unlock(&lock);
}

static void wait_ready(void)
{
  pthread_mutex_lock(&lock);
  while (!ready)
    pthread_cond_wait(&cond, &lock);
  ready = 0;
  pthread_mutex_unlock(&lock);
  usleep(100000);
}

static void cleanup(void *arg)
{
  printf("  cleanup of %s\n", (const char *)arg);
}

static void unlock(void *arg)
{
  printf("  unlock: %d\n", pthread_mutex_unlock(arg));
}

static void *forever(void *arg)
{
  for (;;)
    pause();
  return NULL;
}

static void *point(void *arg)
{
  const char *name = arg;
  char buf[16];
  int r = -2;
  pthread_cleanup_push(cleanup, arg);
  if (strncmp(name, "wait", 4) == 0) {
    /* A child of this thread's own, which sleeps until main kills it. */
    child = fork();
    if (child == 0) {
      pause();
      _exit(0);
    }
  }
  set_ready();
  if (strcmp(name, "read") == 0) {
    r = read(pipefd[0], buf, sizeof buf);
  } else if (strcmp(name, "pause") == 0) {
    r = pause();
  } else if (strcmp(name, "sleep") == 0) {
    r = sleep(100);
  } else if (strcmp(name, "usleep") == 0) {
    r = usleep(5000000);
  } else if (strcmp(name, "nanosleep") == 0) {
    struct timespec ts = { 100, 0 };
    r = nanosleep(&ts, NULL);
  } else if (strcmp(name, "waitpid") == 0) {
    r = waitpid(child, NULL, 0);
  } else if (strcmp(name, "wait") == 0) {
    r = wait(NULL);
  } else if (strcmp(name, "pthread_join") == 0) {
    r = pthread_join(blocker, NULL);
  } else if (strcmp(name, "pthread_cond_timedwait") == 0) {
    /* The mutex is held again when the cleanup handlers run: the second handler releases it. */
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_sec += 100;
    pthread_mutex_lock(&never_lock);
    pthread_cleanup_push(unlock, &never_lock);
    r = pthread_cond_timedwait(&never, &never_lock, &ts);
    pthread_cleanup_pop(1);
  } else if (strcmp(name, "sigwait") == 0) {
    sigset_t set;
    int sig;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    r = sigwait(&set, &sig);
  } else if (strcmp(name, "sigwaitinfo") == 0) {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    r = sigwaitinfo(&set, NULL);
  } else if (strcmp(name, "sigtimedwait") == 0) {
    sigset_t set;
    struct timespec ts = { 100, 0 };
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    r = sigtimedwait(&set, NULL, &ts);
  } else if (strcmp(name, "sigsuspend") == 0) {
    sigset_t set;
    sigemptyset(&set);
    r = sigsuspend(&set);
  }
  printf("  %s returned %d: not canceled\n", name, r);
  pthread_cleanup_pop(0);
  return NULL;
}

int main(void)
{
  static const char *const points[] = { "read", "pause", "sleep", "usleep", "nanosleep", "waitpid", "wait",
                                        "pthread_join", "pthread_cond_timedwait", "sigwait", "sigwaitinfo",
                                        "sigtimedwait", "sigsuspend" };
  sigset_t usr1;
  unsigned int i;

  /* SIGUSR1 stays blocked, so the sigwait family waits for good. */
  sigemptyset(&usr1);
  sigaddset(&usr1, SIGUSR1);
  pthread_sigmask(SIG_BLOCK, &usr1, NULL);
  pipe(pipefd);
  pthread_create(&blocker, NULL, forever, NULL);
  for (i = 0; i < sizeof points / sizeof points[0]; i++) {
    pthread_t t;
    void *res;
    int canceled;
    int joined;
    printf("%s:\n", points[i]);
    pthread_create(&t, NULL, point, (void *)points[i]);
    wait_ready();
    /* The cleanup handler prints while main waits in pthread_join: its line comes first. */
    canceled = pthread_cancel(t);
    joined = pthread_join(t, &res);
    printf("  pthread_cancel %d, pthread_join %d, result is PTHREAD_CANCELED: %d\n", canceled, joined, res == PTHREAD_CANCELED);
    if (strncmp(points[i], "wait", 4) == 0) {
      kill(child, SIGKILL);
      printf("  the child is reaped: %d\n", waitpid(child, NULL, 0) == child);
    }
  }
  pthread_cancel(blocker);
  pthread_join(blocker, NULL);
  printf("done\n");
  return 0;
}
