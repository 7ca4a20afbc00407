/* getopt, getopt_long and getopt_long_only, as glibc 2.36's posix/getopt.c makes them: GNU's, which permutes argv so
   that every option is seen before the operands (POSIXLY_CORRECT in the environment or a '+' at the
   start of optstring stops at the first operand instead; a '-' returns each operand as the argument
   of option 1). "--" ends the options. A ':' after a letter takes an argument, two take an optional
   one; a ':' at the start of optstring silences the messages and reports a missing argument as ':'.
   After the last option, optind is the index of the first operand. Long options ("--name",
   "--name=value", or "-name" for getopt_long_only) match exactly or by an unambiguous prefix. */
#include <getopt.h>
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

/* The long option at nextchar (past its "--" or "-", which is `prefix`): an exact match, or a prefix
   of one option only (several that differ are ambiguous). -1 when getopt_long_only should try the
   element as short options instead. */
static int process_long_option(int argc, char **argv, const char *optstring, const struct option *longopts,
                               int *longind, int long_only, int print_errors, const char *prefix)
{
  char *nameend;
  size_t namelen;
  const struct option *p;
  const struct option *pfound = NULL;
  int n_options;
  int option_index = 0;

  for (nameend = d.nextchar; *nameend && *nameend != '='; nameend++)
    ;
  namelen = nameend - d.nextchar;
  for (p = longopts, n_options = 0; p->name; p++, n_options++) {
    if (strncmp(p->name, d.nextchar, namelen) == 0 && namelen == strlen(p->name)) {
      pfound = p;
      option_index = n_options;
      break;
    }
  }
  if (pfound == NULL) {
    /* No exact match: a prefix of one option, or of several that all do the same. */
    unsigned char *ambig_set = NULL;
    int ambig_fallback = 0;
    int indfound = -1;

    for (p = longopts, option_index = 0; p->name; p++, option_index++) {
      if (strncmp(p->name, d.nextchar, namelen) != 0)
        continue;
      if (pfound == NULL) {
        pfound = p;
        indfound = option_index;
      } else if (long_only || pfound->has_arg != p->has_arg || pfound->flag != p->flag || pfound->val != p->val) {
        if (!ambig_fallback) {
          if (!print_errors) {
            ambig_fallback = 1;
          } else if (!ambig_set) {
            ambig_set = malloc(n_options);
            if (ambig_set == NULL) {
              ambig_fallback = 1;
            } else {
              memset(ambig_set, 0, n_options);
              ambig_set[indfound] = 1;
            }
          }
          if (ambig_set)
            ambig_set[option_index] = 1;
        }
      }
    }
    if (ambig_set || ambig_fallback) {
      if (print_errors) {
        if (ambig_fallback) {
          fprintf(stderr, "%s: option '%s%s' is ambiguous\n", argv[0], prefix, d.nextchar);
        } else {
          fprintf(stderr, "%s: option '%s%s' is ambiguous; possibilities:", argv[0], prefix, d.nextchar);
          for (option_index = 0; option_index < n_options; option_index++)
            if (ambig_set[option_index])
              fprintf(stderr, " '%s%s'", prefix, longopts[option_index].name);
          fprintf(stderr, "\n");
        }
      }
      free(ambig_set);
      d.nextchar += strlen(d.nextchar);
      optind++;
      optopt = 0;
      return '?';
    }
    option_index = indfound;
  }
  if (pfound == NULL) {
    /* Not a long option: an error, unless getopt_long_only may take "-x..." as short options. */
    if (!long_only || argv[optind][1] == '-' || strchr(optstring, *d.nextchar) == NULL) {
      if (print_errors)
        fprintf(stderr, "%s: unrecognized option '%s%s'\n", argv[0], prefix, d.nextchar);
      d.nextchar = NULL;
      optind++;
      optopt = 0;
      return '?';
    }
    return -1;
  }
  optind++;
  d.nextchar = NULL;
  if (*nameend) {
    if (pfound->has_arg) {
      optarg = nameend + 1;
    } else {
      if (print_errors)
        fprintf(stderr, "%s: option '%s%s' doesn't allow an argument\n", argv[0], prefix, pfound->name);
      optopt = pfound->val;
      return '?';
    }
  } else if (pfound->has_arg == required_argument) {
    if (optind < argc) {
      optarg = argv[optind++];
    } else {
      if (print_errors)
        fprintf(stderr, "%s: option '%s%s' requires an argument\n", argv[0], prefix, pfound->name);
      optopt = pfound->val;
      return optstring[0] == ':' ? ':' : '?';
    }
  }
  if (longind != NULL)
    *longind = option_index;
  if (pfound->flag) {
    *(pfound->flag) = pfound->val;
    return 0;
  }
  return pfound->val;
}

/* _getopt_internal_r: getopt's work, with long options when `longopts` is not NULL. */
static int getopt_internal(int argc, char **argv, const char *optstring, const struct option *longopts, int *longind,
                           int long_only)
{
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
    if (longopts) {
      /* "--name" is always a long option; for getopt_long_only, so is "-name", unless it is "-x"
         with x a short option. */
      if (argv[optind][1] == '-') {
        d.nextchar = argv[optind] + 2;
        return process_long_option(argc, argv, optstring, longopts, longind, long_only, print_errors, "--");
      }
      if (long_only && (argv[optind][2] || !strchr(optstring, argv[optind][1]))) {
        int code;
        d.nextchar = argv[optind] + 1;
        code = process_long_option(argc, argv, optstring, longopts, longind, long_only, print_errors, "-");
        if (code != -1)
          return code;
      }
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

int getopt(int argc, char *const argv[], const char *optstring)
{
  return getopt_internal(argc, (char **)argv, optstring, NULL, NULL, 0);
}

int getopt_long(int argc, char *const argv[], const char *optstring, const struct option *longopts, int *longind)
{
  return getopt_internal(argc, (char **)argv, optstring, longopts, longind, 0);
}

int getopt_long_only(int argc, char *const argv[], const char *optstring, const struct option *longopts, int *longind)
{
  return getopt_internal(argc, (char **)argv, optstring, longopts, longind, 1);
}
