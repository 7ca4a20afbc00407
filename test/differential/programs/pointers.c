// Pointers: address-of, dereference, arithmetic scaled by the element size, differences, comparisons,
// pointers to pointers and pointers as out-parameters.
#include <stdio.h>
#include <stddef.h>

static void swap(int *a, int *b) {
    int t = *a;
    *a = *b;
    *b = t;
}

static void min_max(const int *xs, int n, int *min, int *max) {
    *min = *max = xs[0];
    for (const int *p = xs + 1; p < xs + n; p++) {
        if (*p < *min) *min = *p;
        if (*p > *max) *max = *p;
    }
}

static void set_to_null(int **pp) { *pp = NULL; }

int main(void) {
    int x = 1, y = 2;
    swap(&x, &y);
    printf("after swap x=%d y=%d\n", x, y);

    int arr[] = {10, 20, 30, 40, 50};
    int *p = arr;
    printf("*p=%d *(p+2)=%d p[4]=%d 3[arr]=%d\n", *p, *(p + 2), p[4], 3[arr]);
    int *end = &arr[5];
    printf("end - p = %td, elements in bytes = %td\n", end - p, (char *)end - (char *)p);
    p += 2;
    printf("after p += 2: *p=%d, p[-1]=%d, p == &arr[2]? %d\n", *p, p[-1], p == &arr[2]);
    int before = *p++;
    printf("*p++ gave %d, now *p = %d\n", before, *p);
    (*p)++;
    printf("(*p)++ makes arr[3] = %d\n", arr[3]);
    printf("p > arr? %d, p < arr? %d\n", p > arr, p < arr);

    int mn, mx;
    int data[] = {5, -3, 17, 8, 0, 17, -9};
    min_max(data, 7, &mn, &mx);
    printf("min=%d max=%d\n", mn, mx);

    int *q = &x;
    int **qq = &q;
    **qq = 99;
    printf("x via **qq = %d\n", x);
    set_to_null(&q);
    printf("q is %s\n", q == NULL ? "NULL" : "not NULL");

    double ds[3] = {1.5, 2.5, 3.5};
    double *dp = ds;
    printf("double step: %d bytes, ds[1] = %.1f\n", (int)((char *)(dp + 1) - (char *)dp), *(dp + 1));

    char text[] = "pointer";
    char *c = text;
    while (*c) c++;
    printf("length by pointer walk = %td\n", c - text);

    void *vp = &arr[1];
    int *back = vp;
    printf("through void *: %d\n", *back);
    unsigned char *bytes = (unsigned char *)&arr[0];
    printf("bytes of 10 (little endian): %d %d %d %d\n", bytes[0], bytes[1], bytes[2], bytes[3]);

    const int *cp = arr;
    int sum = 0;
    for (int i = 0; i < 5; i++) sum += *cp++;
    printf("sum via const pointer = %d\n", sum);
    int *null_ptr = 0;
    printf("!null_ptr = %d\n", !null_ptr);
    return 0;
}
