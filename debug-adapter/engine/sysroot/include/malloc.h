#ifndef _MALLOC_H
#define _MALLOC_H

#include <stddef.h>

void *malloc(size_t size);
void *calloc(size_t nmemb, size_t size);
void *realloc(void *ptr, size_t size);
void free(void *ptr);
/* The bytes the allocation really offers: its chunk size minus the 8-byte header. */
size_t malloc_usable_size(void *ptr);

#endif
