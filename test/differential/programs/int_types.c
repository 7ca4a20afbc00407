// Sizes and limits of the integer types (LP64, as on x86-64 Linux) and the fixed-width types.
#include <stdio.h>
#include <limits.h>
#include <stdint.h>
#include <inttypes.h>
#include <stddef.h>

int main(void) {
    printf("char %zu short %zu int %zu long %zu long long %zu\n",
           sizeof(char), sizeof(short), sizeof(int), sizeof(long), sizeof(long long));
    printf("float %zu double %zu pointer %zu size_t %zu ptrdiff_t %zu\n",
           sizeof(float), sizeof(double), sizeof(void *), sizeof(size_t), sizeof(ptrdiff_t));
    printf("CHAR_BIT %d SCHAR_MIN %d SCHAR_MAX %d UCHAR_MAX %d CHAR_MIN %d CHAR_MAX %d\n",
           CHAR_BIT, SCHAR_MIN, SCHAR_MAX, UCHAR_MAX, CHAR_MIN, CHAR_MAX);
    printf("SHRT_MIN %d SHRT_MAX %d USHRT_MAX %d\n", SHRT_MIN, SHRT_MAX, USHRT_MAX);
    printf("INT_MIN %d INT_MAX %d UINT_MAX %u\n", INT_MIN, INT_MAX, UINT_MAX);
    printf("LONG_MIN %ld LONG_MAX %ld ULONG_MAX %lu\n", LONG_MIN, LONG_MAX, ULONG_MAX);
    printf("LLONG_MIN %lld LLONG_MAX %lld ULLONG_MAX %llu\n", LLONG_MIN, LLONG_MAX, ULLONG_MAX);

    int8_t i8 = INT8_MIN;
    uint8_t u8 = UINT8_MAX;
    int16_t i16 = INT16_MIN;
    uint16_t u16 = UINT16_MAX;
    int32_t i32 = INT32_MIN;
    uint32_t u32 = UINT32_MAX;
    int64_t i64 = INT64_MIN;
    uint64_t u64 = UINT64_MAX;
    printf("%d %u %d %u %d %u\n", i8, u8, i16, u16, i32, u32);
    printf("%" PRId64 " %" PRIu64 " %" PRIx64 "\n", i64, u64, u64);
    printf("sizes %zu %zu %zu %zu\n", sizeof i8, sizeof i16, sizeof i32, sizeof i64);
    intptr_t ip = 12345;
    uintptr_t up = (uintptr_t)ip;
    printf("intptr_t %zu uintptr_t %zu value %lu\n", sizeof ip, sizeof up, (unsigned long)up);
    printf("SIZE_MAX %zu\n", SIZE_MAX);
    printf("0x7fffffff is %s, 0x80000000 is %s\n",
           sizeof(0x7fffffff) == sizeof(int) ? "int" : "wider",
           sizeof(0x80000000) == sizeof(int) ? "unsigned int" : "wider");
    printf("2147483648 has size %zu\n", sizeof(2147483648));
    printf("10L %zu 10U %zu 10UL %zu 10LL %zu\n", sizeof(10L), sizeof(10U), sizeof(10UL), sizeof(10LL));
    return 0;
}
