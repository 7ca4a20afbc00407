// Variadic functions: va_start/va_arg/va_end, va_copy, forwarding to vprintf/vsnprintf/vfprintf, and the
// default argument promotions (char and short become int, float becomes double).
#include <stdio.h>
#include <stdarg.h>
#include <string.h>

static int sum_ints(int count, ...) {
    va_list ap;
    va_start(ap, count);
    int total = 0;
    for (int i = 0; i < count; i++) total += va_arg(ap, int);
    va_end(ap);
    return total;
}

static double average(int count, ...) {
    va_list ap, again;
    va_start(ap, count);
    va_copy(again, ap);
    double sum = 0;
    for (int i = 0; i < count; i++) sum += va_arg(ap, double);
    double first = va_arg(again, double);
    va_end(again);
    va_end(ap);
    printf("  (first of %d was %.2f)\n", count, first);
    return sum / count;
}

static void logf_(const char *level, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    printf("[%s] ", level);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
}

static void warn(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("warning: ", stderr);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
}

static const char *format(char *buf, size_t size, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return buf;
}

static void concat(char *out, ...) {
    va_list ap;
    va_start(ap, out);
    out[0] = '\0';
    for (const char *s = va_arg(ap, const char *); s != NULL; s = va_arg(ap, const char *)) strcat(out, s);
    va_end(ap);
}

static void promoted(int n, ...) {
    va_list ap;
    va_start(ap, n);
    int c = va_arg(ap, int);
    int s = va_arg(ap, int);
    double f = va_arg(ap, double);
    long long ll = va_arg(ap, long long);
    char *str = va_arg(ap, char *);
    va_end(ap);
    printf("promoted: %c %d %.3f %lld %s\n", c, s, f, ll, str);
}

int main(void) {
    printf("sum_ints = %d, %d, %d\n", sum_ints(0), sum_ints(3, 1, 2, 3), sum_ints(6, 10, 20, 30, 40, 50, 60));
    printf("average = %.3f\n", average(4, 1.0, 2.5, 3.5, 10.0));
    logf_("INFO", "process %d started as %s", 42, "worker");
    logf_("DEBUG", "%5.1f%% done, %x flags", 99.5, 255u);
    warn("child %d exited with status %d\n", 1234, 3);
    char buf[32];
    printf("format: [%s]\n", format(buf, sizeof buf, "%s=%08.3f", "value", 3.14159));
    printf("format truncated: [%s]\n", format(buf, 10, "%s", "a much longer string than fits"));
    char joined[64];
    concat(joined, "fork", "-", "exec", "-", "wait", (char *)NULL);
    printf("concat: %s\n", joined);
    char ch = 'q';
    short sh = -300;
    float fl = 1.25f;
    promoted(5, ch, sh, fl, 1LL << 50, "end");
    return 0;
}
