// C division truncates toward zero and the remainder takes the sign of the dividend.
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int pairs[][2] = {{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {0, 5}, {1, 3}, {-1, 3}, {100, -7}, {-2147483647, 10}};
    int n = sizeof pairs / sizeof pairs[0];
    for (int i = 0; i < n; i++) {
        int a = pairs[i][0], b = pairs[i][1];
        printf("%d / %d = %d, %d %% %d = %d\n", a, b, a / b, a, b, a % b);
    }
    long la = -9000000000L;
    printf("%ld / 7 = %ld, %% 7 = %ld\n", la, la / 7, la % 7);
    unsigned ua = 17;
    printf("17u / 5 = %u, 17u %% 5 = %u\n", ua / 5, ua % 5);

    div_t d = div(-17, 5);
    printf("div(-17, 5) = {%d, %d}\n", d.quot, d.rem);
    ldiv_t ld = ldiv(123456789L, -1000L);
    printf("ldiv = {%ld, %ld}\n", ld.quot, ld.rem);
    printf("abs(-42) = %d, labs(-42L) = %ld\n", abs(-42), labs(-42L));

    double x = -7.0 / 2;
    printf("-7.0 / 2 = %f, (int) = %d\n", x, (int)x);
    return 0;
}
