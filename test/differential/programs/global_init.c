// Initializers of globals: scalars, aggregates, strings, designated initializers, partial initializers
// (the rest is zero), and addresses of other globals.
#include <stdio.h>

struct config { const char *name; int level; double ratio; int flags[3]; };

int counter = 7;
int zeroed;
int primes[] = {2, 3, 5, 7, 11, 13};
int sparse[10] = {[2] = 20, [7] = 70, [4] = 40, 41};
char greeting[] = "hello";
char sized[10] = "hi";
char letters[3] = "abc";
const char *message = "pointer to a literal";
const char *days[] = {"Mon", "Tue", "Wed"};
struct config defaults = {"default", 3, 0.75, {1, 2}};
struct config named = {.level = 9, .name = "named", .flags[1] = 5};
struct config list[] = {{"a", 1}, [2] = {.name = "c", .ratio = 2.5}};
int *counter_ptr = &counter;
int *third_prime = &primes[2];
int matrix[2][3] = {{1, 2, 3}, {4}};
int flat_matrix[2][2] = {1, 2, 3, 4};
double constants[] = {3.14159, 2.71828, 1.41421};
long big = 1L << 40;
unsigned char bytes[] = {0xde, 0xad, 0xbe, 0xef};
struct { int x; char tag[4]; } anon_global = {5, "abc"};
const int table_size = sizeof primes / sizeof primes[0];
char *const_ptr_array[] = {greeting, sized};

int main(void) {
    printf("counter=%d zeroed=%d *counter_ptr=%d *third_prime=%d\n", counter, zeroed, *counter_ptr, *third_prime);
    for (int i = 0; i < table_size; i++) printf("%d ", primes[i]);
    printf("(%zu primes)\n", sizeof primes / sizeof primes[0]);
    for (int i = 0; i < 10; i++) printf("%d ", sparse[i]);
    printf("\n");
    printf("greeting=%s (%zu) sized=%s (%zu) letters=%.3s (%zu)\n", greeting, sizeof greeting, sized, sizeof sized, letters, sizeof letters);
    printf("message=%s days=%s,%s,%s\n", message, days[0], days[1], days[2]);
    printf("defaults: %s %d %.2f [%d %d %d]\n", defaults.name, defaults.level, defaults.ratio, defaults.flags[0], defaults.flags[1], defaults.flags[2]);
    printf("named: %s %d %.2f [%d %d %d]\n", named.name, named.level, named.ratio, named.flags[0], named.flags[1], named.flags[2]);
    for (int i = 0; i < 3; i++) printf("list[%d]: %s %d %.1f\n", i, list[i].name ? list[i].name : "(none)", list[i].level, list[i].ratio);
    printf("matrix: %d %d %d / %d %d %d\n", matrix[0][0], matrix[0][1], matrix[0][2], matrix[1][0], matrix[1][1], matrix[1][2]);
    printf("flat_matrix[1][0] = %d\n", flat_matrix[1][0]);
    printf("constants %.5f %.5f %.5f\n", constants[0], constants[1], constants[2]);
    printf("big = %ld, bytes = %02x%02x%02x%02x\n", big, bytes[0], bytes[1], bytes[2], bytes[3]);
    printf("anon_global %d %s\n", anon_global.x, anon_global.tag);
    const_ptr_array[0][0] = 'J';
    printf("through array of pointers: %s %s\n", const_ptr_array[0], const_ptr_array[1]);
    counter++;
    printf("counter via pointer after ++: %d\n", *counter_ptr);
    return 0;
}
