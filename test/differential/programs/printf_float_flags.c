// printf's floating conversions with flags, widths and precisions.
#include <stdio.h>

int main(void) {
    double vals[] = {0.0, 3.14159, -2.71828, 1234567.891, 0.000012345, -0.0};
    for (int i = 0; i < 6; i++) {
        double v = vals[i];
        printf("[%10.2f] [%-10.2f] [%+.2f] [% .2f] [%010.2f] [%#.0f] [%.0f] [%+010.3e] [%-12.4E] [%#g] [%#.3g] [%012g]\n",
               v, v, v, v, v, v, v, v, v, v, v, v);
    }
    printf("[%*.*f] [%-*.*e]\n", 12, 3, 3.14159, 14, 2, 31415.9);
    printf("[%g] [%g] [%g] [%g]\n", 0.0001, 0.00001, 1e15, 1e16);
    printf("[%.10g] [%.1g] [%.0g] [%#.0g]\n", 3.14159265358979, 0.95, 0.5, 0.5);
    printf("[%5.1f%%]\n", 99.5);
    printf("[%f] [%e]\n", 1e-320, 1e-320);
    printf("[%.15f] [%.30f]\n", 1.0 / 7, 1.0 / 7);
    float f = 2.5f;
    printf("float passed as double: [%f] [%e] [%g]\n", f, f, f);
    return 0;
}
