// A fully buffered stdout flushes when its buffer (4096 bytes for a pipe) fills, so write(2) output lands
// in the middle of printf output at a buffer boundary.
#include <stdio.h>
#include <unistd.h>

int main(void) {
    for (int i = 0; i < 500; i++) {
        printf("%03d-------\n", i);
        if (i % 100 == 99) write(1, "<write>\n", 8);
    }
    return 0;
}
