// Floating-point arithmetic: double and float precision, conversions to and from integers.
#include <stdio.h>

static double average(const int *xs, int n) {
    long sum = 0;
    for (int i = 0; i < n; i++) sum += xs[i];
    return (double)sum / n;
}

int main(void) {
    double a = 0.1 + 0.2;
    printf("0.1 + 0.2 = %.17f, == 0.3? %d\n", a, a == 0.3);
    float fa = 0.1f + 0.2f;
    printf("0.1f + 0.2f = %.10f, == 0.3f? %d\n", fa, fa == 0.3f);
    float acc = 0;
    for (int i = 0; i < 1000; i++) acc += 0.1f;
    printf("float sum of 1000 x 0.1 = %f\n", acc);
    double dacc = 0;
    for (int i = 0; i < 1000; i++) dacc += 0.1;
    printf("double sum of 1000 x 0.1 = %.12f\n", dacc);

    int xs[] = {3, 4, 4, 5, 9};
    printf("average = %.2f\n", average(xs, 5));
    printf("integer average = %d\n", (3 + 4 + 4 + 5 + 9) / 5);
    printf("7 / 2 = %d, 7 / 2.0 = %.1f, (double)7 / 2 = %.1f\n", 7 / 2, 7 / 2.0, (double)7 / 2);

    double big = 1e18;
    long long asll = (long long)big;
    printf("(long long)1e18 = %lld\n", asll);
    unsigned u = (unsigned)3000000000.0;
    printf("(unsigned)3e9 = %u\n", u);
    double back = 9007199254740993LL;
    printf("(double)9007199254740993 = %.1f\n", back);
    float f = 1.0f / 3.0f;
    double d = f;
    printf("float 1/3 widened = %.17f\n", d);
    printf("sizeof(1.0f * 2) = %zu, sizeof(1.0f * 2.0) = %zu\n", sizeof(1.0f * 2), sizeof(1.0f * 2.0));

    double celsius[] = {-40, 0, 37, 100};
    for (int i = 0; i < 4; i++) printf("%6.1f C = %6.1f F\n", celsius[i], celsius[i] * 9 / 5 + 32);
    double x = 2.0;
    for (int i = 0; i < 6; i++) x = (x + 2.0 / x) / 2.0;
    printf("sqrt(2) by Newton = %.15f\n", x);
    printf("comparisons: %d %d %d\n", 1.5 > 1, -0.0 == 0.0, 1e-300 * 1e-300 == 0.0);
    return 0;
}
