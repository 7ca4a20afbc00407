/* Unique file names from a template ending in "XXXXXX" (glibc 2.36's sysdeps/posix/tempname.c, from
   gnulib): the six X become letters and digits drawn from random bits, and the name is tried, again
   with new letters while it exists (EEXIST), up to 62^3 times. mkstemp creates a file (O_EXCL),
   mkdtemp a directory, mktemp only checks that nothing has the name yet (lstat), which leaves a race
   with whoever creates it next: only its first draw spends getrandom's entropy. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define __GT_FILE 0
#define __GT_DIR 1
#define __GT_NOCREATE 2

static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/* 62 to the 10th: ten letters drawn from each 64-bit value. */
#define BASE_62_DIGITS 10
#define BASE_62_POWER 839299365868340224UL

/* Random bits: getrandom's when asked for and it has them, else the clock stirred into the last value. */
static unsigned long random_bits(unsigned long var, int use_getrandom)
{
  unsigned long r;
  struct timespec tv;

  if (use_getrandom && getrandom(&r, sizeof r, GRND_NONBLOCK) == sizeof r)
    return r;
  clock_gettime(CLOCK_MONOTONIC, &tv);
  var ^= tv.tv_nsec;
  return 2862933555777941757UL * var + 3037000493UL;
}

static int try_file(char *tmpl, int flags)
{
  return open(tmpl, (flags & ~O_ACCMODE) | O_RDWR | O_CREAT | O_EXCL, S_IRUSR | S_IWUSR);
}

static int try_dir(char *tmpl)
{
  return mkdir(tmpl, S_IRUSR | S_IWUSR | S_IXUSR);
}

static int try_nocreate(char *tmpl)
{
  struct stat st;

  if (lstat(tmpl, &st) == 0 || errno == EOVERFLOW)
    errno = EEXIST;
  return errno == ENOENT ? 0 : -1;
}

/* __gen_tempname: the template's last six characters (before a suffix of suffixlen) made unique as
   `kind` asks. Returns the descriptor (__GT_FILE) or 0, else -1 with errno (EINVAL for a template
   without its six X, EEXIST when every try was taken). */
int __gen_tempname(char *tmpl, int suffixlen, int flags, int kind)
{
  size_t len = strlen(tmpl);
  unsigned long unfair_min = ~0UL - ~0UL % BASE_62_POWER;
  unsigned long v = 0;
  int vdigits = 0;
  int use_getrandom = kind == __GT_NOCREATE;
  int save_errno = errno;
  char *XXXXXX;
  int count, i;
  int fd;

  if (len < 6 + (size_t)suffixlen || strspn(&tmpl[len - 6 - suffixlen], "X") < 6) {
    errno = EINVAL;
    return -1;
  }
  XXXXXX = &tmpl[len - 6 - suffixlen];
  for (count = 0; count < 62 * 62 * 62; ++count) {
    for (i = 0; i < 6; i++) {
      if (vdigits == 0) {
        do {
          v = random_bits(v, use_getrandom);
          use_getrandom = 1;
        } while (unfair_min <= v);
        vdigits = BASE_62_DIGITS;
      }
      XXXXXX[i] = letters[v % 62];
      v /= 62;
      vdigits--;
    }
    if (kind == __GT_FILE)
      fd = try_file(tmpl, flags);
    else if (kind == __GT_DIR)
      fd = try_dir(tmpl);
    else
      fd = try_nocreate(tmpl);
    if (fd >= 0) {
      errno = save_errno;
      return fd;
    }
    if (errno != EEXIST)
      return -1;
  }
  errno = EEXIST;
  return -1;
}

int mkstemp(char *template)
{
  return __gen_tempname(template, 0, 0, __GT_FILE);
}

char *mkdtemp(char *template)
{
  return __gen_tempname(template, 0, 0, __GT_DIR) == 0 ? template : NULL;
}

/* On failure the template becomes the empty string. */
char *mktemp(char *template)
{
  if (__gen_tempname(template, 0, 0, __GT_NOCREATE) < 0)
    template[0] = '\0';
  return template;
}
