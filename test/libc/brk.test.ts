// brk and sbrk beside malloc, which moves the same break (in host code: libc/malloc.ts). Natively
// glibc's malloc starts its arena at the break it finds and, when the program has moved the break
// past its top, carries on after the program's memory (a "foreign sbrk"). The outputs were checked
// against the same programs compiled with cc, except the heap limit, which is Forkscope's.
import { describe, expect, it } from 'vitest';
import { runC } from '../support/run-c';

function run(source: string) {
  const r = runC(source);
  expect(r.diagnostics).toBe('');
  expect(r.outcome).toMatchObject({ kind: 'exited', status: 0 });
  return r.stdout;
}

describe('brk and sbrk', () => {
  it('memory sbrk gives before the first malloc is never malloc\'s', () => {
    expect(
      run(`#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <stdio.h>
int main(void) {
  char *mine = sbrk(8192);
  memset(mine, 'm', 8192);
  char *a = malloc(100);
  memset(a, 'a', 100);
  int intact = 1;
  for (int i = 0; i < 8192; i++)
    intact &= mine[i] == 'm';
  printf("malloc after mine: %d, mine intact: %d\\n", a >= mine + 8192, intact);
  return 0;
}
`),
    ).toBe('malloc after mine: 1, mine intact: 1\n');
  });

  it('malloc carries on past the program\'s sbrk, and frees nothing into it', () => {
    expect(
      run(`#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <stdio.h>
int main(void) {
  char *a = malloc(64);
  char *mine = sbrk(4096);
  memset(mine, 'm', 4096);
  char *big = malloc(1 << 20);
  memset(big, 'b', 1 << 20);
  free(a);
  char *c = malloc(200000);
  memset(c, 'c', 200000);
  free(big);
  free(c);
  int intact = 1;
  for (int i = 0; i < 4096; i++)
    intact &= mine[i] == 'm';
  printf("big outside mine: %d, mine intact: %d\\n", big + (1 << 20) <= mine || big >= mine + 4096, intact);
  return 0;
}
`),
    ).toBe('big outside mine: 1, mine intact: 1\n');
  });

  it('shrinks and grows the heap mapping; ENOMEM past the heap limit, the break unmoved', () => {
    const r = runC(`#include <errno.h>
#include <stdio.h>
#include <unistd.h>
int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0); /* no buffer to malloc, under a break about to shrink */
  char *b0 = sbrk(0);
  char *p = sbrk(3 * 4096);
  p[3 * 4096 - 1] = 1;
  printf("grew: %d\\n", sbrk(0) == b0 + 3 * 4096);
  printf("shrink: %d\\n", brk(b0 + 10) == 0 && sbrk(0) == b0 + 10);
  errno = 0;
  int r = brk(b0 + (512L << 20));
  printf("past the limit: %d errno %d, break kept: %d\\n", r, errno, sbrk(0) == b0 + 10);
  printf("sbrk past the limit: %d errno %d\\n", sbrk(512L << 20) == (void *)-1, errno);
  p[3 * 4096 - 1] = 2;
  return 0;
}
`);
    expect(r.diagnostics).toBe('');
    expect(r.stdout).toBe('grew: 1\nshrink: 1\npast the limit: -1 errno 12, break kept: 1\nsbrk past the limit: 1 errno 12\n');
    // The page past the shrunk break is gone: the last write faults.
    expect(r.outcome).toMatchObject({ kind: 'signaled', signal: 11 });
  });
});
