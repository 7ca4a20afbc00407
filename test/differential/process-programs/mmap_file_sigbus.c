/* A file mapping longer than its file: the rest of the file's last page reads as zeros, but a page
   wholly past the end is SIGBUS (BUS_ADRERR, at the address touched), which a handler catches.
   What the mapping writes past the end is zeroed as a write or ftruncate extends the file over it.
   ftruncate growing the file makes more of the mapping valid; shrinking it takes the pages away
   again, a private mapping's copies too. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#define NAME "mmap_file_sigbus.tmp"
static char *base;
/* The mapping a child touches, which the handler reports the address in. */
static char *region;
static void on_bus(int sig, siginfo_t *si, void *uc) {
  (void)uc;
  char msg[96];
  int n = snprintf(msg, sizeof msg, "  SIGBUS: signal %d code %d at page %ld offset %ld\n", sig, si->si_code,
                   (long)(((char *)si->si_addr - region) / 4096), (long)(((char *)si->si_addr - region) % 4096));
  write(1, msg, n);
  _exit(sig);
}
/* Touches m[off] in a child; reports how the child ended. */
static void touch(const char *what, char *m, long off, int write_it) {
  fflush(stdout);
  region = m;
  pid_t p = fork();
  if (p == 0) {
    if (write_it) m[off] = 'w';
    else {
      char msg[64];
      int n = snprintf(msg, sizeof msg, "  read %d\n", m[off]);
      write(1, msg, n);
    }
    _exit(0);
  }
  int status;
  waitpid(p, &status, 0);
  if (WIFEXITED(status)) printf("%s: exit %d\n", what, WEXITSTATUS(status));
  else printf("%s: killed by signal %d\n", what, WTERMSIG(status));
}
int main(void) {
  int fd = open(NAME, O_RDWR | O_CREAT | O_TRUNC, 0600);
  write(fd, "0123456789", 10);
  base = mmap(NULL, 4 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  char *priv = mmap(NULL, 4 * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  printf("in the file: %c, past its end in its page: %d\n", base[9], base[100]);
  base[100] = 'x'; /* allowed, but beyond the end: read(2) does not see it */
  char buf[16] = {0};
  lseek(fd, 0, SEEK_SET);
  printf("read() gets %zd bytes\n", read(fd, buf, sizeof buf));
  base[300] = 'z';
  lseek(fd, 250, SEEK_SET);
  write(fd, "w", 1);
  printf("a write at 250 zeroes from the old end up to it: %d, not past it: %c\n", base[100], base[300]);
  touch("read page 1, no handler", base, 4096, 0);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_bus;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGBUS, &sa, NULL);
  touch("write page 2, handler", base, 2 * 4096 + 8, 1);
  ftruncate(fd, 2 * 4096 + 1);
  touch("after growing to 8193, page 2", base, 2 * 4096 + 8, 1);
  touch("page 3 still", base, 3 * 4096, 0);
  base[4096] = 'a';
  priv[4096 + 1] = 'b';
  printf("grown: shared %c, private %c%c; the old end's page is zeroed past the old end: %d\n", base[4096], priv[4096],
         priv[4097], base[300]);
  ftruncate(fd, 100);
  touch("after shrinking to 100, shared page 1", base, 4096, 0);
  touch("its private copy too", priv, 4096 + 1, 0);
  printf("page 0 past the new end reads as zeros: %d\n", base[100]);
  munmap(base, 4 * 4096);
  munmap(priv, 4 * 4096);
  close(fd);
  unlink(NAME);
  return 0;
}
