// brk and sbrk beside malloc, which moves the same break through sbrk (lib/malloc.c). Natively
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

describe('malloc, calloc, realloc and the string copies, from a program', () => {
  it('strdup and strndup copy into memory from malloc', () => {
    expect(
      run(`#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void) {
  const char *s = "hello, world";
  char *a = strdup(s);
  char *b = strndup(s, 5);
  char *c = strndup(s, 100);
  a[0] = 'H';
  printf("%s|%s|%s|%s|%d\\n", a, b, c, s, malloc_usable_size(b) >= 6);
  free(a);
  free(b);
  free(c);
  return 0;
}
`),
    ).toBe('Hello, world|hello|hello, world|hello, world|1\n');
  });

  it('calloc zeroes what a free left behind and refuses a size that overflows', () => {
    expect(
      run(`#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void) {
  char *a = malloc(64);
  malloc(8);
  memset(a, 0xaa, 64);
  free(a);
  char *z = calloc(8, 8);
  int zero = 1;
  for (int i = 0; i < 64; i++) zero &= z[i] == 0;
  errno = 0;
  void *huge = calloc((size_t)1 << 40, (size_t)1 << 40);
  printf("same chunk: %d, zeroed: %d, overflow: %d errno %d\\n", z == a, zero, huge == NULL, errno);
  return 0;
}
`),
    ).toBe('same chunk: 1, zeroed: 1, overflow: 1 errno 12\n');
  });

  it('past the heap limit malloc and realloc give NULL with ENOMEM, and the data stays', () => {
    expect(
      run(`#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
int main(void) {
  char *p = malloc(100);
  p[0] = 42;
  char *brk0 = sbrk(0);
  errno = 0;
  void *big = malloc(512L << 20);
  printf("malloc: %d errno %d, break kept: %d\\n", big == NULL, errno, sbrk(0) == brk0);
  errno = 0;
  void *q = realloc(p, 512L << 20);
  printf("realloc: %d errno %d, data kept: %d\\n", q == NULL, errno, p[0] == 42);
  errno = 0;
  void *huge = malloc((size_t)-1);
  printf("malloc(SIZE_MAX): %d errno %d\\n", huge == NULL, errno);
  return 0;
}
`),
    ).toBe('malloc: 1 errno 12, break kept: 1\nrealloc: 1 errno 12, data kept: 1\nmalloc(SIZE_MAX): 1 errno 12\n');
  });

  it('a double free prints glibc\'s message on stderr and aborts', () => {
    const r = runC(`#include <stdlib.h>
int main(void) {
  char *a = malloc(16);
  malloc(16);
  free(a);
  free(a);
  return 0;
}
`);
    expect(r.diagnostics).toBe('');
    expect(r.stderr).toBe('free(): double free detected in tcache 2\n');
    expect(r.outcome).toMatchObject({ kind: 'signaled', signal: 6 });
  });

  it('threads allocating at once each get memory of their own', () => {
    // Eight threads interleave malloc, realloc and free, yielding inside their loops, so that the heap
    // grows under one while another allocates: every thread must find its data whole at the end.
    expect(
      run(`#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int bad;
static void *work(void *arg) {
  long id = (long)arg;
  char *blocks[20];
  for (int i = 0; i < 20; i++) {
    blocks[i] = malloc(1000 + 997 * i);
    if (!blocks[i]) { bad++; return NULL; }
    memset(blocks[i], (int)id, 1000 + 997 * i);
    sched_yield();
    if (i % 3 == 0) {
      blocks[i] = realloc(blocks[i], 30000);
      if (!blocks[i]) { bad++; return NULL; }
      memset(blocks[i], (int)id, 30000);
    }
  }
  for (int i = 0; i < 20; i++) {
    int n = i % 3 == 0 ? 30000 : 1000 + 997 * i;
    for (int k = 0; k < n; k++) if (blocks[i][k] != (char)id) { bad++; break; }
    free(blocks[i]);
  }
  return NULL;
}
int main(void) {
  pthread_t t[8];
  for (long i = 0; i < 8; i++) pthread_create(&t[i], NULL, work, (void *)(i + 1));
  for (int i = 0; i < 8; i++) pthread_join(t[i], NULL);
  printf("bad: %d\\n", bad);
  return 0;
}
`),
    ).toBe('bad: 0\n');
  });
});
