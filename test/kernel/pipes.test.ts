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
  printf("one byte: %ld %c\\n", (long)read(fds[0], &c, 1), c);
  close(fds[1]);
  printf("after the last writer closed: %ld\\n", (long)read(fds[0], &c, 1));
  return 0;
}`);
  expect(r.stdout).toBe('zero-length read: 0\none byte: 1 x\nafter the last writer closed: 0\n');
});
