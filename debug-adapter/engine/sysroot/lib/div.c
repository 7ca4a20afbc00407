/* div and friends return structs, which builtins cannot: they are C. Division truncates toward zero, so
   quot and rem are C's own / and %. */
#include <stdlib.h>

div_t div(int numer, int denom)
{
  div_t r;
  r.quot = numer / denom;
  r.rem = numer % denom;
  return r;
}

ldiv_t ldiv(long numer, long denom)
{
  ldiv_t r;
  r.quot = numer / denom;
  r.rem = numer % denom;
  return r;
}

lldiv_t lldiv(long long numer, long long denom)
{
  lldiv_t r;
  r.quot = numer / denom;
  r.rem = numer % denom;
  return r;
}
