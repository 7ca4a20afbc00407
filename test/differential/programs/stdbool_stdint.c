// bool from stdbool.h (any nonzero value converts to 1) and exact-width integers from stdint.h.
#include <stdio.h>
#include <stdbool.h>
#include <stdint.h>

static bool is_prime(uint32_t n) {
    if (n < 2) return false;
    for (uint32_t d = 2; d * d <= n; d++)
        if (n % d == 0) return false;
    return true;
}

int main(void) {
    bool t = true, f = false;
    printf("true=%d false=%d sizeof(bool)=%zu\n", t, f, sizeof(bool));
    bool from_int = 42;
    bool from_ptr = "x";
    bool from_double = 0.1;
    printf("bool from 42=%d from pointer=%d from 0.1=%d\n", from_int, from_ptr, from_double);
    bool flip = true;
    flip = !flip;
    printf("flipped %d\n", flip);
    int count = 0;
    for (uint32_t n = 0; n < 100; n++) count += is_prime(n);
    printf("primes below 100: %d\n", count);
    uint8_t byte = 255;
    byte++;
    int8_t sbyte = -128;
    sbyte--;
    printf("uint8 255+1=%u int8 -128-1=%d\n", byte, sbyte);
    uint16_t port = 8080;
    uint16_t swapped = (uint16_t)((port >> 8) | (port << 8));
    printf("port %u byte-swapped %u\n", port, swapped);
    int32_t i32 = INT32_MAX;
    uint32_t u32 = (uint32_t)i32 + 1u;
    printf("INT32_MAX + 1 as uint32 = %u\n", u32);
    uint64_t mask = UINT64_C(1) << 63;
    printf("bit 63 = %llu\n", (unsigned long long)mask);
    return 0;
}
