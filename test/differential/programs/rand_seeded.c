// rand() after srand() gives glibc's sequence, the same on every run; RAND_MAX is 2^31 - 1.
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    printf("RAND_MAX = %d\n", RAND_MAX);
    // One call per statement: the order in which a function's arguments are evaluated is unspecified.
    int r1 = rand();
    int r2 = rand();
    printf("without srand: %d %d\n", r1, r2);
    srand(42);
    for (int i = 0; i < 5; i++) printf("%d ", rand());
    printf("\n");
    srand(1);
    r1 = rand();
    r2 = rand();
    printf("srand(1) restarts the default sequence: %d %d\n", r1, r2);
    srand(12345);
    int dice[6] = {0};
    for (int i = 0; i < 6000; i++) dice[rand() % 6]++;
    for (int i = 0; i < 6; i++) printf("face %d: %d\n", i + 1, dice[i]);
    return 0;
}
