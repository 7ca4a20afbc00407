/* getopt_long_args.c: GNU long options. "--name=value" and "--name value", an optional argument only
   after '=', a flag option that stores its value, unambiguous prefixes, an ambiguous one (glibc lists
   the possibilities), an unknown one, an argument given to an option that takes none or missing for
   one that needs it, longind, and getopt_long_only's "-name" beside its short options. */
#include <getopt.h>
#include <stdio.h>

static int verbose;

static const struct option options[] = {
  { "verbose", no_argument, &verbose, 1 },
  { "version", no_argument, NULL, 'V' },
  { "name", required_argument, NULL, 'n' },
  { "color", optional_argument, NULL, 'c' },
  { "count", required_argument, NULL, 'k' },
  { NULL, 0, NULL, 0 },
};

static void parse(int long_only, char **argv)
{
  int argc = 0, c, index;
  while (argv[argc])
    argc++;
  optind = 0;
  verbose = 0;
  printf("%s:", long_only ? "getopt_long_only" : "getopt_long");
  fflush(stdout);
  for (;;) {
    index = -1;
    c = long_only ? getopt_long_only(argc, argv, "vn:x", options, &index) : getopt_long(argc, argv, "vn:x", options, &index);
    if (c == -1)
      break;
    if (c == 0)
      printf(" [flag set by --%s: verbose=%d]", options[index].name, verbose);
    else if (c == '?' || c == ':')
      printf(" [%c optopt=%d]", c, optopt);
    else
      printf(" [%c%s%s index=%d]", c, optarg ? " " : "", optarg ? optarg : "", index);
  }
  printf(" | then:");
  for (int i = optind; i < argc; i++)
    printf(" %s", argv[i]);
  printf("\n");
  fflush(stdout);
}

int main(void)
{
  char *a[] = { "prog", "--verbose", "--name=alice", "--name", "bob", "file", "-v", "--color", "--color=red", NULL };
  parse(0, a);
  char *b[] = { "prog", "--verb", "--na", "x", "--vers", "--col=blue", "--co", NULL };
  parse(0, b);
  char *c[] = { "prog", "--ver", "--nope", "--version=1", "--count", NULL };
  parse(0, c);
  char *d[] = { "prog", "-name", "carol", "-v", "-x", "-verbose", "--", "-name", NULL };
  parse(1, d);
  return 0;
}
