/* A MAP_SHARED mapping stays the same memory in parent and child, even a page neither touched before
   the fork; a MAP_PRIVATE one is copied on write. Unmapping a page leaves the rest shared. */
#include <stdio.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
int main(void) {
  int *shared = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  int *private = mmap(NULL, 2 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  printf("zeroed: %d %d\n", shared[5], private[1500]);
  shared[0] = 1;
  private[0] = 1;
  pid_t p = fork();
  if (p == 0) {
    shared[0] = 42;     /* a page both had before the fork */
    shared[1024] = 7;   /* a page neither had touched */
    private[0] = 42;
    private[1024] = 7;
    _exit(0);
  }
  waitpid(p, NULL, 0);
  printf("shared: %d %d, private: %d %d\n", shared[0], shared[1024], private[0], private[1024]);
  munmap(shared, 4096);
  printf("second page still shared: %d\n", shared[1024]);
  return 0;
}
