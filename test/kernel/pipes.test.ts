// Pipe edge cases that the differential programs do not reach.
import { expect, it } from 'vitest';
import { runC } from '../support/run-c';

it('read(fd, buf, 0) on an empty pipe returns 0 at once, as on Linux', () => {
  const r = runC(`#include <stdio.h>
#include <unistd.h>
int main(void) {
  int fds[2];
  char c;
  pipe(fds);
  printf("zero-length read: %ld\\n", (long)read(fds[0], &c, 0));
  write(fds[1], "x", 1);
  long n = read(fds[0], &c, 1);
  printf("one byte: %ld %c\\n", n, c);
  close(fds[1]);
  printf("after the last writer closed: %ld\\n", (long)read(fds[0], &c, 1));
  return 0;
}`);
  expect(r.stdout).toBe('zero-length read: 0\none byte: 1 x\nafter the last writer closed: 0\n');
});

it('a write to a full pipe that nobody reads sleeps, and the run ends with the deadlock report, not a crash', () => {
  const r = runC(`#include <stdio.h>
#include <string.h>
#include <unistd.h>
static char buf[1 << 20];
int main(void) {
  int fds[2];
  pipe(fds);
  memset(buf, 'x', sizeof buf);
  printf("wrote %ld\\n", (long)write(fds[1], buf, sizeof buf));
  return 0;
}`);
  expect(r.stdout).toBe('');
  expect(r.outcome).toMatchObject({ kind: 'deadlock' });
});

it('a writer waiting for room gets EPIPE and SIGPIPE when the last reader goes', () => {
  const r = runC(`#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
static char buf[100000];
int main(void) {
  int fds[2];
  pipe(fds);
  signal(SIGPIPE, SIG_IGN);
  if (fork() == 0) {
    close(fds[1]);
    usleep(1000);
    _exit(0); /* the last reader goes without reading */
  }
  close(fds[0]);
  long n = write(fds[1], buf, sizeof buf);
  printf("write: %ld %s\\n", n, strerror(errno));
  wait(NULL);
  return 0;
}`);
  expect(r.stdout).toBe('write: 65536 Success\n');
});
