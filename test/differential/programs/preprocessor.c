// The preprocessor: object-like and function-like macros, conditionals, stringification, token pasting,
// variadic macros, __LINE__, predefined macros and #undef.
#include <stdio.h>

#define SQUARE(x) ((x) * (x))
#define BAD_SQUARE(x) x * x
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define STR(x) #x
#define XSTR(x) STR(x)
#define PASTE(a, b) a##b
#define VERSION 3
#define NAME forkscope
#define LOG(fmt, ...) printf("log: " fmt "\n", __VA_ARGS__)
#define LOG0(...) printf(__VA_ARGS__)
#define SWAP(t, a, b) do { t tmp_ = (a); (a) = (b); (b) = tmp_; } while (0)
#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define EMPTY
#define CALL(f, ...) f(__VA_ARGS__)
#define MULTI_LINE(a, b) \
    ((a) +               \
     (b))
#define DECLARE_GETTER(field) static int get_##field(void) { return field; }

static int width = 80, height = 24;
DECLARE_GETTER(width)
DECLARE_GETTER(height)

#if VERSION >= 3 && defined(NAME)
#define FEATURE "new"
#elif VERSION == 2
#define FEATURE "old"
#else
#define FEATURE "ancient"
#endif

#ifdef UNDEFINED_THING
#error "should not happen"
#endif

#ifndef VERSION
#define VERSION 0
#endif

#if 0
this text is never compiled: int broken = ;
#endif

#define RECURSIVE RECURSIVE + 1

int main(void) {
    int i = 3;
    printf("SQUARE(i + 1) = %d, BAD_SQUARE(i + 1) = %d\n", SQUARE(i + 1), BAD_SQUARE(i + 1));
    printf("MAX(3, 7) = %d, MAX(2.5, -1.0) = %.1f\n", MAX(3, 7), MAX(2.5, -1.0));
    printf("STR(hello world) = %s, STR(VERSION) = %s, XSTR(VERSION) = %s\n", STR(hello world), STR(VERSION), XSTR(VERSION));
    printf("STR with quotes: %s\n", STR("quoted\n" and 'c'));
    int PASTE(var, 1) = 10, var2 = 20;
    printf("PASTE(var, 1) = %d, PASTE(var, 2) = %d\n", PASTE(var, 1), PASTE(var, 2));
    printf("name = %s, feature = %s\n", XSTR(NAME), FEATURE);
    LOG("%d + %d = %d", 1, 2, 1 + 2);
    LOG0("no varargs %s\n", "needed");
    int a = 1, b = 2;
    SWAP(int, a, b);
    printf("after SWAP a=%d b=%d\n", a, b);
    int arr[17];
    printf("ARRAY_LEN = %zu\n", ARRAY_LEN(arr));
    printf("line %d\n", __LINE__);
    printf("EMPTY expands to nothing:%s\n", "" EMPTY "");
    printf("CALL = %d\n", CALL(MAX, 10, 20));
    printf("MULTI_LINE = %d\n", MULTI_LINE(40, 2));
    printf("getters %d x %d\n", get_width(), get_height());
    int RECURSIVE_value = 0;
    (void)RECURSIVE_value;
    printf("__STDC__ = %d, __STDC_VERSION__ >= 199901L: %d\n", __STDC__, __STDC_VERSION__ >= 199901L);
#undef MAX
#define MAX 99
    printf("redefined MAX = %d\n", MAX);
#if defined(__linux__) && defined(__x86_64__)
    printf("linux x86-64\n");
#endif
    printf("%s\n", __func__);
    return 0;
}
