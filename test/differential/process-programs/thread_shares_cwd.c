/* thread_shares_cwd.c: threads share their process's fs_struct (pthread_create clones with CLONE_FS),
   so a thread's chdir moves every thread; a forked child has its own copy, so its chdir moves it alone. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *last(void)
{
  static char buf[256];
  getcwd(buf, sizeof buf);
  return strrchr(buf, '/') + 1;
}

static void *thread_main(void *arg)
{
  chdir(arg);
  return NULL;
}

int main(void)
{
  mkdir("thread_shares_cwd.tmp", 0755);
  mkdir("thread_shares_cwd.tmp/a", 0755);
  chdir("thread_shares_cwd.tmp");
  printf("main starts in %s\n", last());
  pthread_t t;
  pthread_create(&t, NULL, thread_main, "a");
  pthread_join(t, NULL);
  printf("after the thread's chdir(\"a\"), main is in %s\n", last());
  fflush(stdout);
  pid_t p = fork();
  if (p == 0) {
    chdir("..");
    printf("the child moved to %s\n", last());
    fflush(stdout);
    _exit(0);
  }
  waitpid(p, NULL, 0);
  printf("the parent stayed in %s\n", last());
  chdir("../..");
  rmdir("thread_shares_cwd.tmp/a");
  rmdir("thread_shares_cwd.tmp");
  return 0;
}
