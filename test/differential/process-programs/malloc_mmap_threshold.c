/* glibc's malloc gives a request of 128 KiB or more that top cannot serve a mapping of its own
   (mmap), frees it with munmap and raises its threshold to the freed size, so that the next such
   request comes from the heap; calloc of a large block is zeroed. */
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(void) {
  char *small = malloc(100);
  char *big = malloc(200000);
  memset(big, 7, 200000);
  printf("big outside the heap: %d, usable %zu\n", big > small + (1 << 30), malloc_usable_size(big));
  big = realloc(big, 300000);
  printf("moved data: %d %d\n", big[0], big[199999]);
  free(big);
  char *again = malloc(200000);   /* below the raised threshold: from the heap now */
  printf("second big from the heap: %d\n", again < small + (1 << 30));
  char *c = calloc(1, 500000);
  printf("calloc'd big zero: %d\n", c[499999] == 0);
  free(c);
  free(again);
  free(small);
  return 0;
}
