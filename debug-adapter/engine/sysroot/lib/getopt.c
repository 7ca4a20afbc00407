/* getopt, as glibc 2.36's posix/getopt.c makes it for short options: GNU's, which permutes argv so
   that every option is seen before the operands (POSIXLY_CORRECT in the environment or a '+' at the
   start of optstring stops at the first operand instead; a '-' returns each operand as the argument
   of option 1). "--" ends the options. A ':' after a letter takes an argument, two take an optional
   one; a ':' at the start of optstring silences the messages and reports a missing argument as ':'.
   After the last option, optind is the index of the first operand. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *optarg;
int optind = 1;
int opterr = 1;
int optopt = '?';

enum { REQUIRE_ORDER, PERMUTE, RETURN_IN_ORDER };

/* What glibc's struct _getopt_data keeps between calls: where in the current element the next option
   letter is, and the run of operands skipped so far, [first_nonopt, last_nonopt). */
static struct {
  int initialized;
  char *nextchar;
  int ordering;
  int first_nonopt;
  int last_nonopt;
} d;

/* Moves the operands skipped, [first_nonopt, last_nonopt), after the options since,
   [last_nonopt, optind), keeping each run's order. */
static void exchange(char **argv)
{
  int bottom = d.first_nonopt;
  int middle = d.last_nonopt;
  int top = optind;
  char *tem;
  int i;

  while (top > middle && middle > bottom) {
    if (top - middle > middle - bottom) {
      /* The bottom run is the shorter: swap it with the top of the top run. */
      int len = middle - bottom;
      for (i = 0; i < len; i++) {
        tem = argv[bottom + i];
        argv[bottom + i] = argv[top - (middle - bottom) + i];
        argv[top - (middle - bottom) + i] = tem;
      }
      top -= len;
    } else {
      /* The top run is the shorter: swap it with the bottom of the bottom run. */
      int len = top - middle;
      for (i = 0; i < len; i++) {
        tem = argv[bottom + i];
        argv[bottom + i] = argv[middle + i];
        argv[middle + i] = tem;
      }
      bottom += len;
    }
  }
  d.first_nonopt += optind - d.last_nonopt;
  d.last_nonopt = optind;
}

static const char *initialize(const char *optstring)
{
  if (optind == 0)
    optind = 1;
  d.first_nonopt = d.last_nonopt = optind;
  d.nextchar = NULL;
  if (optstring[0] == '-') {
    d.ordering = RETURN_IN_ORDER;
    ++optstring;
  } else if (optstring[0] == '+') {
    d.ordering = REQUIRE_ORDER;
    ++optstring;
  } else if (getenv("POSIXLY_CORRECT") != NULL) {
    d.ordering = REQUIRE_ORDER;
  } else {
    d.ordering = PERMUTE;
  }
  d.initialized = 1;
  return optstring;
}

/* argv[optind] is an operand: it does not start with '-', or it is "-" alone. */
static int nonoption(char **argv)
{
  return argv[optind][0] != '-' || argv[optind][1] == '\0';
}

int getopt(int argc, char *const argv_in[], const char *optstring)
{
  char **argv = (char **)argv_in;
  int print_errors = opterr;

  if (argc < 1)
    return -1;
  optarg = NULL;
  if (optind == 0 || !d.initialized)
    optstring = initialize(optstring);
  else if (optstring[0] == '-' || optstring[0] == '+')
    optstring++;
  if (optstring[0] == ':')
    print_errors = 0;

  if (d.nextchar == NULL || *d.nextchar == '\0') {
    /* On to the next element. The caller may have moved optind back. */
    if (d.last_nonopt > optind)
      d.last_nonopt = optind;
    if (d.first_nonopt > optind)
      d.first_nonopt = optind;
    if (d.ordering == PERMUTE) {
      /* Options found after skipped operands go before them; then more operands are skipped. */
      if (d.first_nonopt != d.last_nonopt && d.last_nonopt != optind)
        exchange(argv);
      else if (d.last_nonopt != optind)
        d.first_nonopt = optind;
      while (optind < argc && nonoption(argv))
        optind++;
      d.last_nonopt = optind;
    }
    /* "--" ends the options: it is skipped as an option would be, and all after it are operands. */
    if (optind != argc && strcmp(argv[optind], "--") == 0) {
      optind++;
      if (d.first_nonopt != d.last_nonopt && d.last_nonopt != optind)
        exchange(argv);
      else if (d.first_nonopt == d.last_nonopt)
        d.first_nonopt = optind;
      d.last_nonopt = argc;
      optind = argc;
    }
    /* No element left: optind goes back to the operands skipped, for the caller to take. */
    if (optind == argc) {
      if (d.first_nonopt != d.last_nonopt)
        optind = d.first_nonopt;
      return -1;
    }
    if (nonoption(argv)) {
      if (d.ordering == REQUIRE_ORDER)
        return -1;
      optarg = argv[optind++];
      return 1;
    }
    d.nextchar = argv[optind] + 1;
  }

  char c = *d.nextchar++;
  const char *temp = strchr(optstring, c);

  /* optind moves on as the element's last letter is taken. */
  if (*d.nextchar == '\0')
    ++optind;
  if (temp == NULL || c == ':' || c == ';') {
    if (print_errors)
      fprintf(stderr, "%s: invalid option -- '%c'\n", argv[0], c);
    optopt = c;
    return '?';
  }
  if (temp[1] == ':') {
    if (temp[2] == ':') {
      /* An optional argument: only the rest of this element. */
      if (*d.nextchar != '\0') {
        optarg = d.nextchar;
        optind++;
      } else {
        optarg = NULL;
      }
    } else if (*d.nextchar != '\0') {
      /* A required argument: the rest of this element, */
      optarg = d.nextchar;
      optind++;
    } else if (optind == argc) {
      if (print_errors)
        fprintf(stderr, "%s: option requires an argument -- '%c'\n", argv[0], c);
      optopt = c;
      c = optstring[0] == ':' ? ':' : '?';
    } else {
      /* or the next element whole. */
      optarg = argv[optind++];
    }
    d.nextchar = NULL;
  }
  return c;
}
