// sizeof of types, objects, expressions, arrays, strings and pointers; sizeof does not evaluate its operand.
#include <stdio.h>

struct s1 { char c; };
struct s2 { char c; int i; };
struct s3 { int i; char c; };
struct s4 { char a; double d; char b; };
struct s5 { short s; char c[3]; };
struct empty_array { int n; int data[]; };
union u1 { char c; int i; double d; char text[10]; };

int main(void) {
    int arr[10];
    int *p = arr;
    char str[] = "hello";
    const char *lit = "hello";
    int x = 5;
    printf("arr %zu, p %zu, arr[0] %zu, &arr %zu, *&arr %zu\n", sizeof arr, sizeof p, sizeof arr[0], sizeof &arr, sizeof *&arr);
    printf("str %zu, lit %zu, \"hello\" %zu, *lit %zu\n", sizeof str, sizeof lit, sizeof "hello", sizeof *lit);
    printf("structs %zu %zu %zu %zu %zu %zu, union %zu\n", sizeof(struct s1), sizeof(struct s2), sizeof(struct s3),
           sizeof(struct s4), sizeof(struct s5), sizeof(struct empty_array), sizeof(union u1));
    printf("x++ not evaluated: %zu, x = %d\n", sizeof(x++), x);
    printf("expressions: %zu %zu %zu %zu %zu\n", sizeof(x + 1L), sizeof(x * 1.0f), sizeof(x < 1), sizeof(!x), sizeof((char)x));
    printf("char ops: %zu %zu\n", sizeof(char), sizeof((char)1 + (char)1));
    printf("pointer types: %zu %zu %zu %zu\n", sizeof(char *), sizeof(int **), sizeof(void (*)(void)), sizeof(struct s4 *));
    printf("array of pointers %zu, pointer to array %zu\n", sizeof(int *[4]), sizeof(int (*)[4]));
    printf("2-D: %zu %zu\n", sizeof(int[3][5]), sizeof(int[3][5][0 + 1]));
    double d[4];
    printf("elements = %zu\n", sizeof d / sizeof *d);
    printf("sizeof sizeof = %zu\n", sizeof sizeof x);
    printf("_Bool %zu, unsigned %zu, long double %zu\n", sizeof(_Bool), sizeof(unsigned), sizeof(long double));
    return 0;
}
