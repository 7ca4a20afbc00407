/* Semaphores between a parent and its child. In MAP_SHARED memory both processes use the same
   semaphores: the child sleeps until the parent posts, and the parent until the child has doubled the
   value. A semaphore in an ordinary global is copied by fork like any variable: the parent's post
   wakes nobody, and the child stays asleep on its own copy until the parent kills it. */
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

struct shared {
  sem_t ready;
  sem_t done;
  int value;
};

static sem_t private_sem;

int main(void)
{
  struct shared *s = mmap(NULL, sizeof *s, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  int status, v;

  sem_init(&s->ready, 1, 0);
  sem_init(&s->done, 1, 0);
  pid_t pid = fork();
  if (pid == 0) {
    sem_wait(&s->ready);
    printf("child: the parent left %d\n", s->value);
    fflush(stdout);
    s->value *= 2;
    sem_post(&s->done);
    _exit(0);
  }
  usleep(1000); /* the child is asleep in sem_wait by now */
  s->value = 21;
  sem_post(&s->ready);
  sem_wait(&s->done);
  printf("parent: the child made it %d\n", s->value);
  sem_getvalue(&s->done, &v);
  printf("done's value %d, sem_trywait %d\n", v, sem_trywait(&s->done));
  waitpid(pid, &status, 0);
  printf("child exited %d\n", WEXITSTATUS(status));

  sem_init(&private_sem, 1, 0);
  pid = fork();
  if (pid == 0) {
    sem_wait(&private_sem);
    printf("child: woken, which a copy of the semaphore cannot be\n");
    _exit(1);
  }
  usleep(1000);
  sem_post(&private_sem);
  usleep(1000);
  printf("the child still sleeps on its own copy: %d\n", waitpid(pid, &status, WNOHANG) == 0);
  sem_getvalue(&private_sem, &v);
  printf("the parent's copy is %d\n", v);
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  printf("child killed by signal %d\n", WTERMSIG(status));
  return 0;
}
