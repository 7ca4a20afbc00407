// switch: fall-through between cases, default in the middle, nested switches, Duff's device.
#include <stdio.h>

static const char *classify(char c) {
    switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u':
        return "vowel";
    case ' ':
        return "space";
    default:
        if (c >= '0' && c <= '9') return "digit";
        return "consonant or other";
    }
}

static void count_down(int from) {
    switch (from) {
    case 3: printf("three ");
    case 2: printf("two ");
    case 1: printf("one ");
    default: printf("liftoff\n");
    }
}

static int days_before_month(int month) {
    int days = 0;
    switch (month) {
    case 12: days += 30;
    case 11: days += 31;
    case 10: days += 30;
    case 9: days += 31;
    case 8: days += 31;
    case 7: days += 30;
    case 6: days += 31;
    case 5: days += 30;
    case 4: days += 31;
    case 3: days += 28;
    case 2: days += 31;
    case 1: break;
    }
    return days;
}

static void duff_copy(int *to, const int *from, int count) {
    int n = (count + 7) / 8;
    switch (count % 8) {
    case 0: do { *to++ = *from++;
    case 7:      *to++ = *from++;
    case 6:      *to++ = *from++;
    case 5:      *to++ = *from++;
    case 4:      *to++ = *from++;
    case 3:      *to++ = *from++;
    case 2:      *to++ = *from++;
    case 1:      *to++ = *from++;
            } while (--n > 0);
    }
}

int main(void) {
    const char *text = "fork 2";
    for (const char *p = text; *p; p++) printf("'%c' is a %s\n", *p, classify(*p));
    for (int i = 4; i >= 0; i--) count_down(i);
    for (int m = 1; m <= 12; m += 3) printf("days before month %d: %d\n", m, days_before_month(m));

    int src[13], dst[13] = {0};
    for (int i = 0; i < 13; i++) src[i] = i * i;
    duff_copy(dst, src, 13);
    for (int i = 0; i < 13; i++) printf("%d ", dst[i]);
    printf("\n");

    for (int i = 0; i < 6; i++) {
        switch (i % 3) {
        default:
            printf("default(%d) ", i);
            break;
        case 0:
            switch (i) {
            case 0: printf("zero "); break;
            case 3: printf("three "); continue;
            }
            printf("multiple-of-3 ");
            break;
        }
    }
    printf("\n");
    long big = 5000000000L;
    switch (big) {
    case 5000000000L: printf("long case matched\n"); break;
    default: printf("no match\n");
    }
    switch (3) { }
    return 0;
}
