/* getopt_args.c: GNU getopt on argument vectors a shell would pass. Options and operands mixed are
   permuted so that the operands come last; "--" ends the options; a letter's argument is the rest of
   its element or the next one, an optional one ("::") only the rest; grouped letters; the messages
   for an unknown letter and a missing argument, and ':' mode's silence; '+' stops at the first
   operand; '-' hands operands back as option 1; optind = 0 starts over. */
#include <stdio.h>
#include <unistd.h>

static void parse(const char *optstring, char **argv)
{
  int argc = 0;
  while (argv[argc])
    argc++;
  printf("getopt \"%s\":", optstring);
  optind = 0; /* start over: a new vector, and a new optstring */
  int c;
  while ((c = getopt(argc, argv, optstring)) != -1) {
    if (c == 1)
      printf(" [operand %s]", optarg);
    else if (c == '?' || c == ':')
      printf(" [%c optopt=%c]", c, optopt);
    else
      printf(" [-%c%s%s]", c, optarg ? " " : "", optarg ? optarg : "");
  }
  printf(" | optind=%d, then:", optind);
  for (int i = optind; i < argc; i++)
    printf(" %s", argv[i]);
  printf("\n");
  fflush(stdout);
}

int main(void)
{
  char *a[] = { "prog", "-a", "-bval", "-b", "next", "-c", "rest", NULL };
  parse("ab:c", a);
  char *b[] = { "prog", "one", "-a", "two", "-b", "x", "three", "-c", NULL };
  parse("ab:c", b);
  printf("permuted:");
  for (int i = 0; b[i]; i++)
    printf(" %s", b[i]);
  printf("\n");
  char *c[] = { "prog", "-ac", "-bvalue", "--", "-a", "operand", NULL };
  parse("ab:c", c);
  char *d[] = { "prog", "-x", "-b", NULL };
  parse("ab:c", d);
  char *e[] = { "prog", "-x", "-b", NULL };
  parse(":ab:c", e);
  char *f[] = { "prog", "-o", "-oarg", "-", "last", NULL };
  parse("o::", f);
  char *g[] = { "prog", "-a", "stop", "-c", NULL };
  parse("+ac", g);
  char *h[] = { "prog", "x", "-a", "y", NULL };
  parse("-a", h);
  opterr = 0;
  char *i[] = { "prog", "-z", NULL };
  parse("a", i);
  return 0;
}
