/*
 * threads.c - Linux has no special "thread": each thread is a task with its own task_struct, made by
 * clone() with flags that share the address space, files, filesystem context and signal handlers
 * (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD ...).
 *
 * Every thread reports the same process ID (getpid(): the thread group's tgid) but its own thread ID
 * (gettid(): the task's pid), and all of them add to the same counter in shared memory.
 *
 * Try:
 *   npx forkscope run sample-programs/threads.c
 *   npx forkscope run sample-programs/threads.c --trace      (clone() with glibc's flags)
 */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

#define NTHREADS 3

static int counter;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pid_t tids[NTHREADS];

static void *worker(void *arg)
{
    int i = *(int *)arg;
    tids[i] = gettid();
    pthread_mutex_lock(&lock);
    counter += 10;
    pthread_mutex_unlock(&lock);
    return NULL;
}

int main(void)
{
    pthread_t threads[NTHREADS];
    int ids[NTHREADS];

    for (int i = 0; i < NTHREADS; i++) {
        ids[i] = i;
        pthread_create(&threads[i], NULL, worker, &ids[i]);
    }
    for (int i = 0; i < NTHREADS; i++)
        pthread_join(threads[i], NULL);

    printf("process %d, main thread %d\n", getpid(), gettid());
    for (int i = 0; i < NTHREADS; i++)
        printf("thread %d: same process, its own task (tid %s)\n", i, tids[i] != getpid() ? "differs from the pid" : "equals the pid");
    printf("counter = %d: the threads share one address space\n", counter);
    return 0;
}
