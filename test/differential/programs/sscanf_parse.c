// sscanf: integers, strings, characters, floats, field widths, %n, literal matching and its return value.
#include <stdio.h>

int main(void) {
    int pid, ppid;
    char state;
    char name[32];
    int n = sscanf("1234 (bash) S 1", "%d (%31[^)]) %c %d", &pid, name, &state, &ppid);
    printf("matched %d: pid=%d name=%s state=%c ppid=%d\n", n, pid, name, state, ppid);
    int h, m, s;
    n = sscanf("12:34:56", "%d:%d:%d", &h, &m, &s);
    printf("matched %d: %02d-%02d-%02d\n", n, h, m, s);
    n = sscanf("12:xx:56", "%d:%d:%d", &h, &m, &s);
    printf("partial match: %d\n", n);
    n = sscanf("", "%d", &h);
    printf("empty input: %d\n", n);
    double d;
    float f;
    n = sscanf("3.5 -2.25e1", "%lf %f", &d, &f);
    printf("floats %d: %.2f %.2f\n", n, d, f);
    char word[8];
    int used;
    n = sscanf("abcdefghij rest", "%5s%n", word, &used);
    printf("width-limited %d: [%s] consumed %d\n", n, word, used);
    unsigned x;
    int o;
    n = sscanf("ff 017", "%x %o", &x, &o);
    printf("hex and octal %d: %u %d\n", n, x, o);
    long big;
    n = sscanf("  -9000000000", "%ld", &big);
    printf("long %d: %ld\n", n, big);
    char a, b;
    n = sscanf("x y", "%c %c", &a, &b);
    printf("chars %d: [%c][%c]\n", n, a, b);
    int skipped;
    n = sscanf("10 20", "%*d %d", &skipped);
    printf("assignment suppressed %d: %d\n", n, skipped);
    return 0;
}
