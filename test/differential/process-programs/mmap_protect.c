/* mprotect: a write to a read-only page and any access to a PROT_NONE page fault with SEGV_ACCERR at
   the page, an unmapped page with SEGV_MAPERR; restoring PROT_WRITE makes the page writable again. */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
static char *target;
static void on_segv(int sig, siginfo_t *info, void *ctx) {
  (void)ctx;
  printf("SIGSEGV %s at the page: %d\n", info->si_code == SEGV_ACCERR ? "SEGV_ACCERR" : info->si_code == SEGV_MAPERR ? "SEGV_MAPERR" : "?", (char *)info->si_addr == target);
  fflush(stdout);
  _exit(sig);
}
static void in_child(void (*touch)(void)) {
  pid_t p = fork();
  if (p == 0) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    touch();
    printf("no fault\n");
    fflush(stdout);
    _exit(0);
  }
  waitpid(p, NULL, 0);
}
static void read_it(void) { volatile char c = *target; (void)c; }
static void write_it(void) { *target = 1; }
int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  char *p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  p[0] = 'a';
  target = p;
  mprotect(p, 4096, PROT_READ);
  in_child(read_it);
  in_child(write_it);
  mprotect(p, 4096, PROT_NONE);
  in_child(read_it);
  mprotect(p, 4096, PROT_READ | PROT_WRITE);
  in_child(write_it);
  printf("readable again: %c\n", p[0]);
  target = p + 4096;
  munmap(target, 4096);
  in_child(read_it);
  target = p + 2 * 4096;
  in_child(write_it);
  return 0;
}
