// Characters and strings by hand: escape sequences, literal concatenation, char arithmetic, and the
// string functions written as loops.
#include <stdio.h>

static int my_strlen(const char *s) {
    int n = 0;
    while (s[n] != '\0') n++;
    return n;
}

static void my_reverse(char *s) {
    int n = my_strlen(s);
    for (int i = 0, j = n - 1; i < j; i++, j--) {
        char t = s[i];
        s[i] = s[j];
        s[j] = t;
    }
}

static int is_palindrome(const char *s) {
    int i = 0, j = my_strlen(s) - 1;
    while (i < j)
        if (s[i++] != s[j--]) return 0;
    return 1;
}

static void caesar(char *s, int shift) {
    for (; *s; s++) {
        if (*s >= 'a' && *s <= 'z') *s = 'a' + (*s - 'a' + shift) % 26;
        else if (*s >= 'A' && *s <= 'Z') *s = 'A' + (*s - 'A' + shift) % 26;
    }
}

int main(void) {
    printf("escapes: [\t] [\\] [\'] [\"] [\x41\x42] [\101\102] [\?]\n");
    printf("bell and backspace codes: %d %d %d %d %d\n", '\a', '\b', '\f', '\v', '\r');
    const char *joined = "adjacent " "literals " "are joined";
    printf("%s (%d chars)\n", joined, my_strlen(joined));
    char embedded[] = "abc\0def";
    printf("embedded NUL: sizeof %zu, strlen %d, after: %s\n", sizeof embedded, my_strlen(embedded), embedded + 4);
    char word[] = "scheduler";
    my_reverse(word);
    printf("reversed: %s\n", word);
    const char *candidates[] = {"racecar", "fork", "a", "", "abba", "abca"};
    for (int i = 0; i < 6; i++) printf("\"%s\" palindrome? %d\n", candidates[i], is_palindrome(candidates[i]));
    char secret[] = "Hello, World";
    caesar(secret, 3);
    printf("caesar +3: %s\n", secret);
    caesar(secret, 23);
    printf("caesar back: %s\n", secret);
    char digit = '7';
    printf("'7' - '0' = %d, 'A' + 2 = %c, 'z' - 'a' = %d\n", digit - '0', 'A' + 2, 'z' - 'a');
    int counts[26] = {0};
    for (const char *p = "the quick brown fox jumps over the lazy dog"; *p; p++)
        if (*p != ' ') counts[*p - 'a']++;
    for (int i = 0; i < 26; i++)
        if (counts[i] > 1) printf("%c:%d ", 'a' + i, counts[i]);
    printf("\n");
    return 0;
}
