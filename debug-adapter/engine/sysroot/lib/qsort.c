/* qsort and bsearch call the program's comparator, so they are C rather than builtins.
   qsort is glibc's (before 2.37) merge sort: the same comparator calls in the same order, a stable
   result, and the same temporary buffer (on the stack below 1024 bytes, malloc'ed above). Elements
   larger than 32 bytes are sorted indirectly, through an array of pointers, then moved into place. */
#include <stdlib.h>
#include <string.h>

typedef int (*compare_fn)(const void *, const void *);

static int compare_at(compare_fn cmp, char *a, char *b, int indirect)
{
  if (indirect)
    return cmp(*(char **)a, *(char **)b);
  return cmp(a, b);
}

static void msort_with_tmp(char *b, size_t n, size_t s, compare_fn cmp, char *t, int indirect)
{
  char *tmp;
  char *b1;
  char *b2;
  size_t n1;
  size_t n2;

  if (n <= 1)
    return;
  n1 = n / 2;
  n2 = n - n1;
  b1 = b;
  b2 = b + n1 * s;
  msort_with_tmp(b1, n1, s, cmp, t, indirect);
  msort_with_tmp(b2, n2, s, cmp, t, indirect);

  tmp = t;
  while (n1 > 0 && n2 > 0) {
    if (compare_at(cmp, b1, b2, indirect) <= 0) {
      memcpy(tmp, b1, s);
      b1 += s;
      n1--;
    } else {
      memcpy(tmp, b2, s);
      b2 += s;
      n2--;
    }
    tmp += s;
  }
  if (n1 > 0)
    memcpy(tmp, b1, n1 * s);
  memcpy(b, t, (n - n2) * s);
}

/* Moves each element to where the sorted pointer array says it belongs, one cycle at a time. */
static void apply_permutation(char *a, size_t n, size_t s, char **tp, char *saved)
{
  size_t i;
  char *ip;

  for (i = 0, ip = a; i < n; i++, ip += s) {
    char *kp = tp[i];
    if (kp != ip) {
      size_t j = i;
      char *jp = ip;
      memcpy(saved, ip, s);
      do {
        size_t k = (size_t)(kp - a) / s;
        tp[j] = jp;
        memcpy(jp, kp, s);
        j = k;
        jp = kp;
        kp = tp[k];
      } while (kp != ip);
      tp[j] = jp;
      memcpy(jp, saved, s);
    }
  }
}

/* Stable insertion sort, for when no temporary buffer can be had. */
static void insertion_sort(char *a, size_t n, size_t s, compare_fn cmp, char *saved)
{
  size_t i;
  for (i = 1; i < n; i++) {
    size_t j = i;
    memcpy(saved, a + i * s, s);
    while (j > 0 && cmp(a + (j - 1) * s, saved) > 0) {
      memcpy(a + j * s, a + (j - 1) * s, s);
      j--;
    }
    memcpy(a + j * s, saved, s);
  }
}

void qsort(void *base, size_t nmemb, size_t size, int (*compar)(const void *, const void *))
{
  long stack_buf[128];
  char *a = (char *)base;
  char *tmp;
  char *heap_buf = NULL;
  size_t need = nmemb * size;

  if (nmemb <= 1)
    return;
  if (size > 32)
    need = 2 * nmemb * sizeof(void *) + size;
  if (need < sizeof stack_buf) {
    tmp = (char *)stack_buf;
  } else {
    heap_buf = malloc(need);
    if (heap_buf == NULL) {
      char saved[256];
      if (size <= sizeof saved)
        insertion_sort(a, nmemb, size, compar, saved);
      return;
    }
    tmp = heap_buf;
  }

  if (size > 32) {
    char **tp = (char **)tmp;
    char *saved = tmp + 2 * nmemb * sizeof(void *);
    size_t i;
    for (i = 0; i < nmemb; i++)
      tp[i] = a + i * size;
    msort_with_tmp((char *)tp, nmemb, sizeof(void *), compar, (char *)(tp + nmemb), 1);
    apply_permutation(a, nmemb, size, tp, saved);
  } else {
    msort_with_tmp(a, nmemb, size, compar, tmp, 0);
  }
  free(heap_buf);
}

void *bsearch(const void *key, const void *base, size_t nmemb, size_t size, int (*compar)(const void *, const void *))
{
  size_t l = 0;
  size_t u = nmemb;

  while (l < u) {
    size_t idx = (l + u) / 2;
    const char *p = (const char *)base + idx * size;
    int comparison = compar(key, p);
    if (comparison < 0)
      u = idx;
    else if (comparison > 0)
      l = idx + 1;
    else
      return (void *)p;
  }
  return NULL;
}
