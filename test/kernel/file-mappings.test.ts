// mmap of regular files on the tmpfs, for what the differential programs cannot show: how many
// address spaces share a file's pages (Machine.memoryCounters), a mapping keeping an unlinked and
// closed file alive until munmap or exit, and the pages a mapping touches counting against tmpfs's
// budget (the same 128 MiB that write(2) fills), with SIGBUS once it is full, as shmem_fault gives.
import { describe, expect, it } from 'vitest';
import { bootProgram, runUntil, type SteppedMachine } from '../support/stepped-machine';

const HEADERS = `#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
`;

function boot(main: string): SteppedMachine {
  return bootProgram(HEADERS + main);
}

/** Runs the program to its end; its stdout. */
function run(main: string): string {
  const m = boot(main);
  const outcome = m.machine.run();
  expect(outcome).toMatchObject({ kind: 'exited', status: 0 });
  return m.stdout();
}

/** Fills tmpfs with /fill but for `spare` pages: write(2) takes what it has room for. */
const FILL = `static char chunk[1 << 20];
static int fill(int spare) {
  int fd = open("/fill", O_WRONLY | O_CREAT | O_TRUNC, 0600);
  while (write(fd, chunk, sizeof chunk) > 0) {}
  while (write(fd, chunk, 4096) > 0) {}
  ftruncate(fd, lseek(fd, 0, SEEK_END) - spare * 4096L);
  lseek(fd, 0, SEEK_END);
  return fd;
}
static long pages_of(int fd) {
  struct stat st;
  fstat(fd, &st);
  return st.st_blocks / 8;
}
`;

const PAGES = 8;
/** Each test boots a machine and runs a few processes: seconds on a loaded machine. */
const TIMEOUT = { timeout: 30_000 };

describe('file mappings: pages shared between address spaces', TIMEOUT, () => {
  it("a MAP_SHARED file page is the file's, shared only once two processes map it; MAP_PRIVATE copies a page on its first write", () => {
    const m = boot(`#define N ${PAGES}
int main(void) {
  int fd = open("/counters", O_RDWR | O_CREAT | O_TRUNC, 0600);
  ftruncate(fd, 2 * N * 4096);
  char *shared = mmap(NULL, N * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  char *priv = mmap(NULL, N * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, N * 4096);
  for (int i = 0; i < N; i++) shared[i * 4096] = 1;
  printf("alone %d\\n", getpid());
  fflush(stdout);
  sleep(1);
  pid_t pid = fork();
  if (pid == 0) {
    for (int i = 0; i < N; i++) shared[i * 4096] = 2;
    for (int i = 0; i < N; i++) (void)priv[i * 4096];
    sleep(100);
    _exit(0);
  }
  sleep(1);
  printf("forked %d %d\\n", getpid(), pid);
  fflush(stdout);
  sleep(1);
  for (int i = 0; i < N; i++) priv[i * 4096] = 3;
  printf("written %d %d %d\\n", getpid(), pid, shared[0]);
  fflush(stdout);
  sleep(1);
  kill(pid, SIGKILL);
  waitpid(pid, NULL, 0);
  return 0;
}
`);
    const [parent] = runUntil(m, 'alone');
    const alone = m.machine.memoryCounters(parent!)!;
    // Before the fork the file's pages are this process's alone: the page cache's own hold on them
    // makes no address space a sharer.
    expect(alone.privatePages).toBeGreaterThanOrEqual(PAGES);
    const [, child] = runUntil(m, 'forked');
    const p0 = m.machine.memoryCounters(parent!)!;
    const c0 = m.machine.memoryCounters(child!)!;
    // After it the shared mapping's pages are both processes', and the child's writes copied none;
    // the pages the child's reads mapped of the private mapping are the file's, mapped by it alone.
    expect(p0.sharedPages - alone.sharedPages).toBeGreaterThanOrEqual(PAGES);
    expect(c0.sharedPages).toBeGreaterThanOrEqual(PAGES);
    expect(c0.privatePages).toBeGreaterThanOrEqual(PAGES);
    expect(c0.cowFaults).toBeLessThan(5);
    const [, , seen] = runUntil(m, 'written');
    expect(seen).toBe(2);
    const p1 = m.machine.memoryCounters(parent!)!;
    // The parent's first write to each private page copies it, and the copies are its own.
    expect(p1.cowFaults - p0.cowFaults).toBeGreaterThanOrEqual(PAGES);
    expect(p1.privatePages - p0.privatePages).toBeGreaterThanOrEqual(PAGES);
    expect(p1.privatePages + p1.sharedPages).toBe(p1.residentPages);
  });
});

describe('file mappings: a mapping holds its file', TIMEOUT, () => {
  it('keeps an unlinked, closed file working until munmap, and its pages count against tmpfs until then', () => {
    const out = run(`${FILL}
int main(void) {
  int fd = open("/held", O_RDWR | O_CREAT | O_TRUNC, 0600);
  ftruncate(fd, ${PAGES} * 4096);
  char *m = mmap(NULL, ${PAGES} * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  for (int i = 0; i < ${PAGES}; i++) m[i * 4096] = 'a' + i;
  unlink("/held");
  close(fd);
  int f = fill(0);
  printf("full: %ld\\n", write(f, chunk, 1));
  printf("still mapped: %c%c\\n", m[0], m[(${PAGES} - 1) * 4096]);
  m[1] = 'z';
  printf("written: %c%c\\n", m[0], m[1]);
  munmap(m, ${PAGES} * 4096);
  printf("room once unmapped: %ld\\n", write(f, chunk, sizeof chunk));
  return 0;
}
`);
    expect(out).toBe(['full: -1', 'still mapped: ah', 'written: az', `room once unmapped: ${PAGES * 4096}`, ''].join('\n'));
  });

  it("a child's mapping of an unlinked file goes with the child's exit, and the file's pages with it", () => {
    const out = run(`${FILL}
int main(void) {
  int fd = open("/held", O_RDWR | O_CREAT | O_TRUNC, 0600);
  ftruncate(fd, ${PAGES} * 4096);
  int f = fill(${PAGES});
  pid_t pid = fork();
  if (pid == 0) {
    char *m = mmap(NULL, ${PAGES} * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    unlink("/held");
    close(fd);
    for (int i = 0; i < ${PAGES}; i++) m[i * 4096] = 1;
    _exit(write(f, chunk, 1) < 0 ? 0 : 1);
  }
  int status;
  waitpid(pid, &status, 0);
  printf("full while the child mapped it: %d\\n", WEXITSTATUS(status) == 0);
  close(fd);
  printf("room after its exit and the last close: %ld\\n", write(f, chunk, sizeof chunk));
  return 0;
}
`);
    expect(out).toBe(['full while the child mapped it: 1', `room after its exit and the last close: ${PAGES * 4096}`, ''].join('\n'));
  });
});

describe("file mappings: tmpfs's budget", TIMEOUT, () => {
  it('a page first touched through a mapping is charged to tmpfs; with none left the touch is SIGBUS', () => {
    const out = run(`${FILL}
static volatile int touched;
static int fd, f;
static void on_bus(int sig, siginfo_t *si, void *uc) {
  (void)uc;
  printf("SIGBUS %d code %d at page %d; the file holds %ld pages; write(): %ld %s\\n", sig, si->si_code, touched,
         pages_of(fd), write(f, chunk, 1), strerror(errno));
  fflush(stdout);
  _exit(0);
}
int main(void) {
  fd = open("/sparse", O_RDWR | O_CREAT | O_TRUNC, 0600);
  ftruncate(fd, 100 * 4096);
  char *m = mmap(NULL, 100 * 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  printf("a sparse file holds %ld pages\\n", pages_of(fd));
  m[0] = 1;
  (void)m[4096];
  printf("a write and a read fault: %ld pages\\n", pages_of(fd));
  f = fill(3);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_bus;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGBUS, &sa, NULL);
  for (touched = 2; touched < 100; touched++) m[touched * 4096] = 1;
  printf("no SIGBUS\\n");
  return 1;
}
`);
    expect(out).toBe(
      [
        'a sparse file holds 0 pages',
        'a write and a read fault: 2 pages',
        'SIGBUS 7 code 2 at page 5; the file holds 5 pages; write(): -1 No space left on device',
        '',
      ].join('\n'),
    );
  });
});
