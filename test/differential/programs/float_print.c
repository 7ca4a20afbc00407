// printf of floating values: %f, %e, %g and %a, with glibc's exact decimal rounding.
#include <stdio.h>

int main(void) {
    double values[] = {0.0, -0.0, 1.0, -1.5, 0.1, 2.5, 3.14159265358979, 1e10, 1.5e-7, 123456789.125,
                       1e300, 6.02214076e23, 0.000123456, 100.0, 1.0 / 3.0, 2.0 / 3.0, 9.9999999};
    int n = sizeof values / sizeof values[0];
    for (int i = 0; i < n; i++) {
        double v = values[i];
        printf("%%f=%f %%e=%e %%g=%g %%.3g=%.3g %%a=%a\n", v, v, v, v, v);
    }
    printf("rounding half to even: %.0f %.0f %.0f %.0f %.1f %.2f\n", 0.5, 1.5, 2.5, -0.5, 0.25, 1.005);
    printf("%.20f\n", 0.1);
    printf("%.17g %.17g\n", 0.1, 1.0 / 3.0);
    printf("%.0e %.10e\n", 12345.678, 12345.678);
    double inf = 1.0 / 0.0;
    printf("inf: %f %e %g %F %E %G\n", inf, -inf, inf, inf, -inf, inf);
    float f = 0.1f;
    printf("float 0.1f = %.10f, as %%g %g\n", f, f);
    printf("%g %g %g %g %g\n", 100000.0, 1000000.0, 1e-4, 1e-5, 123456789.0);
    printf("%G %E\n", 1e-10, 1e-10);
    printf("%f\n", 1e20);
    printf("%.3f %.3f\n", 2.0005, 2.0015);
    return 0;
}
