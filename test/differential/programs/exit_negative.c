// A negative status wraps to 0..255 as well: exit(-1) is seen as 255. EXIT_FAILURE is 1.
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    printf("EXIT_SUCCESS = %d, EXIT_FAILURE = %d\n", EXIT_SUCCESS, EXIT_FAILURE);
    return -1;
}
