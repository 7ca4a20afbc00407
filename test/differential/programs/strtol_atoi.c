// String to number conversions: atoi, atol, strtol with bases and end pointers, strtoul, strtod, and
// overflow reported through errno.
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <limits.h>

static void show_strtol(const char *s, int base) {
    char *end;
    errno = 0;
    long v = strtol(s, &end, base);
    printf("strtol(\"%s\", %d) = %ld, rest \"%s\", errno %s\n", s, base, v, end, errno == ERANGE ? "ERANGE" : errno == 0 ? "0" : "other");
}

int main(void) {
    const char *ints[] = {"42", "-17", "  +8", "12abc", "abc", "", "2147483647", "2147483648", "-0", "007"};
    for (int i = 0; i < 10; i++) printf("atoi(\"%s\") = %d\n", ints[i], atoi(ints[i]));
    printf("atol(\"9000000000\") = %ld\n", atol("9000000000"));
    printf("atoll(\"-9000000000\") = %lld\n", atoll("-9000000000"));

    show_strtol("ff", 16);
    show_strtol("0xff", 16);
    show_strtol("0xff", 0);
    show_strtol("0777", 0);
    show_strtol("777", 8);
    show_strtol("1011zz", 2);
    show_strtol("zz", 36);
    show_strtol("   -123 rest", 10);
    show_strtol("9223372036854775807", 10);
    show_strtol("9223372036854775808", 10);
    show_strtol("-9223372036854775809", 10);
    show_strtol("", 10);
    show_strtol("0x", 16);

    char *end;
    unsigned long ul = strtoul("4294967296", &end, 10);
    printf("strtoul = %lu\n", ul);
    printf("strtoul(\"-1\") = %lu\n", strtoul("-1", NULL, 10));
    errno = 0;
    unsigned long long ull = strtoull("18446744073709551616", NULL, 10);
    printf("strtoull overflow = %llu, ERANGE? %d\n", ull, errno == ERANGE);
    printf("strtoll = %lld\n", strtoll("-123456789012", NULL, 10));

    double d = strtod("3.25e2xyz", &end);
    printf("strtod = %f, rest \"%s\"\n", d, end);
    printf("atof(\"-0.5\") = %f\n", atof("-0.5"));
    printf("strtod(\"  1e-3\") = %g\n", strtod("  1e-3", NULL));
    printf("strtod(\"inf\") = %f\n", strtod("inf", NULL));
    return 0;
}
