/* /bin/cat: copies standard input to standard output (files are not modelled). */
#include <unistd.h>
int main(void)
{
  char buf[512];
  long n;
  while ((n = read(0, buf, sizeof buf)) > 0)
    write(1, buf, n);
  return n < 0;
}
