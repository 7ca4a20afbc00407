/* glibc's assert/assert.c: assert()'s message, then abort(). It goes out through stderr, which is
   unbuffered, so as one write(2) (--trace shows it), and stdout is not flushed: abort() flushes no
   stream since glibc 2.27. */
#define _GNU_SOURCE
#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

void __assert_fail(const char *assertion, const char *file, unsigned int line, const char *function)
{
  fprintf(stderr, "%s%s%s:%u: %s%sAssertion `%s' failed.\n", program_invocation_short_name,
          program_invocation_short_name[0] ? ": " : "", file, line, function ? function : "", function ? ": " : "",
          assertion);
  abort();
}
