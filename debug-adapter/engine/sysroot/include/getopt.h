#ifndef _GETOPT_H
#define _GETOPT_H

/* getopt and the GNU long options (glibc's getopt.h and bits/getopt_ext.h). */
#include <unistd.h>

/* A long option: its name; whether it takes an argument; and what finding it does: with `flag`, store
   `val` there and return 0, without, return `val`. The array ends with an all-zero entry. */
struct option {
  const char *name;
  int has_arg;
  int *flag;
  int val;
};

#define no_argument 0
#define required_argument 1
#define optional_argument 2

int getopt_long(int argc, char *const argv[], const char *shortopts, const struct option *longopts, int *longind);
int getopt_long_only(int argc, char *const argv[], const char *shortopts, const struct option *longopts, int *longind);

#endif
