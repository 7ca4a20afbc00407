// Arrays: one and two dimensions, row-major layout, passing to functions, arrays of pointers.
#include <stdio.h>

#define ROWS 3
#define COLS 4

static int sum_matrix(int m[][COLS], int rows) {
    int s = 0;
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < COLS; c++) s += m[r][c];
    return s;
}

static void transpose(int in[ROWS][COLS], int out[COLS][ROWS]) {
    for (int r = 0; r < ROWS; r++)
        for (int c = 0; c < COLS; c++) out[c][r] = in[r][c];
}

static void multiply(int a[2][3], int b[3][2], int out[2][2]) {
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) {
            out[i][j] = 0;
            for (int k = 0; k < 3; k++) out[i][j] += a[i][k] * b[k][j];
        }
}

int main(void) {
    int m[ROWS][COLS];
    for (int r = 0; r < ROWS; r++)
        for (int c = 0; c < COLS; c++) m[r][c] = r * 10 + c;
    printf("sum = %d\n", sum_matrix(m, ROWS));
    int *flat = &m[0][0];
    printf("row-major: ");
    for (int i = 0; i < ROWS * COLS; i++) printf("%d ", flat[i]);
    printf("\n");
    printf("sizeof m = %zu, sizeof m[0] = %zu, rows = %zu\n", sizeof m, sizeof m[0], sizeof m / sizeof m[0]);

    int t[COLS][ROWS];
    transpose(m, t);
    for (int r = 0; r < COLS; r++) {
        for (int c = 0; c < ROWS; c++) printf("%3d", t[r][c]);
        printf("\n");
    }

    int a[2][3] = {{1, 2, 3}, {4, 5, 6}};
    int b[3][2] = {{7, 8}, {9, 10}, {11, 12}};
    int prod[2][2];
    multiply(a, b, prod);
    printf("product: [%d %d; %d %d]\n", prod[0][0], prod[0][1], prod[1][0], prod[1][1]);

    int (*rowp)[COLS] = m;
    rowp++;
    printf("(*rowp)[2] after rowp++ = %d\n", (*rowp)[2]);

    const char *names[] = {"init", "bash", "sshd", "cron"};
    for (int i = 0; i < 4; i++) printf("%d:%s(%c) ", i, names[i], names[i][1]);
    printf("\n");

    char grid[3][4] = {"abc", "de", "f"};
    for (int i = 0; i < 3; i++) printf("[%s]", grid[i]);
    printf("\n");

    int partial[5] = {1, 2};
    for (int i = 0; i < 5; i++) printf("%d ", partial[i]);
    printf("\n");
    int cube[2][2][2] = {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}};
    printf("cube[1][0][1] = %d, sizeof cube = %zu\n", cube[1][0][1], sizeof cube);

    int n = 5;
    int vla[n];
    for (int i = 0; i < n; i++) vla[i] = i * i;
    printf("vla: %d %d, sizeof = %zu\n", vla[2], vla[4], sizeof vla);
    return 0;
}
