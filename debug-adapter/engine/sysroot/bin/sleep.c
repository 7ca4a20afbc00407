/* /bin/sleep N: sleeps N seconds of the simulator's virtual time. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
int main(int argc, char **argv)
{
  if (argc < 2) {
    fprintf(stderr, "sleep: missing operand\n");
    return 1;
  }
  sleep(atoi(argv[1]));
  return 0;
}
