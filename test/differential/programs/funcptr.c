// Function pointers: calling through them, arrays of them (dispatch tables), callbacks, and functions
// returning them.
#include <stdio.h>

typedef int (*binop)(int, int);

static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }

static int fold(const int *xs, int n, int start, binop f) {
    int acc = start;
    for (int i = 0; i < n; i++) acc = f(acc, xs[i]);
    return acc;
}

static void for_each(const int *xs, int n, void (*visit)(int index, int value)) {
    for (int i = 0; i < n; i++) visit(i, xs[i]);
}

static void print_item(int index, int value) { printf("  item %d = %d\n", index, value); }

static binop pick(char op) {
    switch (op) {
    case '+': return add;
    case '-': return sub;
    case '*': return mul;
    default: return NULL;
    }
}

struct command { const char *name; void (*run)(void); };
static void cmd_ps(void) { printf("running ps\n"); }
static void cmd_top(void) { printf("running top\n"); }

static int (*choose(int which))(int, int) { return which ? mul : add; }

int main(void) {
    int xs[] = {1, 2, 3, 4, 5};
    printf("sum = %d, product = %d, difference = %d\n", fold(xs, 5, 0, add), fold(xs, 5, 1, mul), fold(xs, 5, 100, sub));
    for_each(xs, 3, print_item);

    binop table[] = {add, sub, mul};
    const char *names[] = {"add", "sub", "mul"};
    for (int i = 0; i < 3; i++) printf("%s(7, 3) = %d\n", names[i], table[i](7, 3));

    const char *ops = "+-*/";
    for (const char *o = ops; *o; o++) {
        binop f = pick(*o);
        if (f) printf("12 %c 4 = %d\n", *o, f(12, 4));
        else printf("no function for %c\n", *o);
    }

    struct command cmds[] = {{"ps", cmd_ps}, {"top", cmd_top}};
    for (int i = 0; i < 2; i++) {
        printf("%s: ", cmds[i].name);
        cmds[i].run();
    }
    binop f = &add;
    printf("(*f)(2, 3) = %d, f(2, 3) = %d\n", (*f)(2, 3), f(2, 3));
    printf("choose(1)(6, 7) = %d\n", choose(1)(6, 7));
    printf("same function? %d %d\n", f == add, f == (binop)sub);
    return 0;
}
