/* pthread_cleanup_push and pthread_cleanup_pop: pop(1) runs the handler, pop(0) does not; handlers
   left on the stack run in reverse order at pthread_exit, from a nested call too, before the
   thread-specific data destructors; a thread that returns normally after popping runs none. */
#include <pthread.h>
#include <stdio.h>

static pthread_key_t key;

static void say(void *arg)
{
  printf("handler %s\n", (const char *)arg);
}

static void destructor(void *value)
{
  printf("key destructor %s\n", (const char *)value);
}

static void nested(int depth)
{
  pthread_cleanup_push(say, depth == 1 ? "nested 1" : "nested 2");
  if (depth == 2)
    pthread_exit((void *)7);
  nested(depth + 1);
  pthread_cleanup_pop(0);
}

static void *exits(void *arg)
{
  pthread_setspecific(key, "exits");
  pthread_cleanup_push(say, "outer");
  pthread_cleanup_push(say, "popped with 0");
  pthread_cleanup_pop(0);
  pthread_cleanup_push(say, "popped with 1");
  pthread_cleanup_pop(1);
  pthread_cleanup_push(say, "middle");
  nested(1);
  pthread_cleanup_pop(0);
  pthread_cleanup_pop(0);
  return NULL;
}

static void *returns(void *arg)
{
  pthread_setspecific(key, "returns");
  pthread_cleanup_push(say, "A");
  pthread_cleanup_push(say, "B");
  printf("returns: body\n");
  pthread_cleanup_pop(1);
  pthread_cleanup_pop(0);
  return (void *)3;
}

int main(void)
{
  pthread_t t;
  void *res;

  pthread_key_create(&key, destructor);
  pthread_create(&t, NULL, exits, NULL);
  pthread_join(t, &res);
  printf("exits joined: %ld\n", (long)res);
  pthread_create(&t, NULL, returns, NULL);
  pthread_join(t, &res);
  printf("returns joined: %ld\n", (long)res);

  /* In main too: push and pop in one thread, with no other thread. */
  pthread_cleanup_push(say, "main");
  printf("main: body\n");
  pthread_cleanup_pop(1);
  return 0;
}
