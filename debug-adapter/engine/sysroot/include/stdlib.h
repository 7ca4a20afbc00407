#ifndef _STDLIB_H
#define _STDLIB_H

#include <stddef.h>

#define EXIT_SUCCESS 0
#define EXIT_FAILURE 1
#define RAND_MAX 2147483647

void *malloc(size_t size);
void *calloc(size_t nmemb, size_t size);
void *realloc(void *ptr, size_t size);
void free(void *ptr);

void exit(int status) __attribute__((noreturn));
void _Exit(int status) __attribute__((noreturn));
void abort(void) __attribute__((noreturn));
int atexit(void (*function)(void));

int atoi(const char *nptr);
long atol(const char *nptr);
long long atoll(const char *nptr);
double atof(const char *nptr);
long strtol(const char *nptr, char **endptr, int base);
unsigned long strtoul(const char *nptr, char **endptr, int base);
long long strtoll(const char *nptr, char **endptr, int base);
unsigned long long strtoull(const char *nptr, char **endptr, int base);
double strtod(const char *nptr, char **endptr);

int abs(int j);
long labs(long j);
long long llabs(long long j);

typedef struct { int quot; int rem; } div_t;
typedef struct { long quot; long rem; } ldiv_t;
typedef struct { long long quot; long long rem; } lldiv_t;
div_t div(int numer, int denom);
ldiv_t ldiv(long numer, long denom);
lldiv_t lldiv(long long numer, long long denom);

int rand(void);
void srand(unsigned int seed);
long random(void);
void srandom(unsigned int seed);

void qsort(void *base, size_t nmemb, size_t size, int (*compar)(const void *, const void *));
void *bsearch(const void *key, const void *base, size_t nmemb, size_t size, int (*compar)(const void *, const void *));

char *getenv(const char *name);
/* NAME=VALUE in the environment (unless NAME is set and `replace` is 0); -1 with EINVAL for a name that is empty or holds '='. */
int setenv(const char *name, const char *value, int replace);
int unsetenv(const char *name);
/* The string itself, NAME=value, becomes part of the environment; one without '=' removes NAME. */
int putenv(char *string);
/* Empties the environment: environ becomes NULL. */
int clearenv(void);

/* Runs COMMAND with /bin/sh -c and returns its status as waitpid gives it (system(NULL): nonzero if there is a shell). */
int system(const char *command);
/* A unique name from a template ending in "XXXXXX": mkstemp creates and opens the file (mode 0600),
   mkdtemp makes the directory (0700), mktemp only finds a name nothing has yet. */
int mkstemp(char *template);
char *mkdtemp(char *template);
char *mktemp(char *template);

#endif
