/* printf_errno_order.c: gcc evaluates a call's arguments right to left, so the classic
   printf("%d %s", close(fd), strerror(errno)) reads errno before close has set it, and prints the
   error of the call before, or "Success". Saving the result first prints the right one. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
  errno = 0;
  printf("in one call:  %d %s\n", close(99), strerror(errno));
  printf("errno after:  %d %s\n", errno, strerror(errno));
  errno = 0;
  int r = close(99);
  printf("saved first:  %d %s\n", r, strerror(errno));
  errno = 0;
  printf("errno first:  %d %d\n", errno, write(99, "x", 1));
  return 0;
}
