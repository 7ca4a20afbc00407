// static locals keep their value between calls; static globals are private to the file; each function's
// static is its own variable.
#include <stdio.h>

static int calls_total;

static int next_id(void) {
    static int id = 100;
    calls_total++;
    return id++;
}

static int counter(void) {
    static int count;
    calls_total++;
    return ++count;
}

static const char *fizz(int i) {
    static char buf[16];
    if (i % 15 == 0) return "FizzBuzz";
    if (i % 3 == 0) return "Fizz";
    if (i % 5 == 0) return "Buzz";
    sprintf(buf, "%d", i);
    return buf;
}

static int *remember(int v) {
    static int slot[3];
    static int pos = 0;
    slot[pos++ % 3] = v;
    return slot;
}

int main(void) {
    for (int i = 0; i < 3; i++) printf("id %d\n", next_id());
    for (int i = 0; i < 3; i++) printf("count %d\n", counter());
    printf("total calls %d\n", calls_total);
    for (int i = 1; i <= 15; i++) printf("%s ", fizz(i));
    printf("\n");
    int *slots = NULL;
    for (int i = 1; i <= 5; i++) slots = remember(i * 11);
    printf("slots %d %d %d\n", slots[0], slots[1], slots[2]);
    for (int i = 0; i < 3; i++) {
        static int in_block = 5;
        int automatic = 5;
        in_block++;
        automatic++;
        printf("in_block %d automatic %d\n", in_block, automatic);
    }
    return 0;
}
