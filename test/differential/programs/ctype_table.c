// ctype.h classification and case conversion for every ASCII character, plus EOF.
#include <stdio.h>
#include <ctype.h>

int main(void) {
    for (int c = 0; c < 128; c++) {
        printf("%3d %c %d%d%d%d%d%d%d%d%d%d%d %c%c\n", c, isprint(c) ? c : '.',
               !!isalpha(c), !!isdigit(c), !!isalnum(c), !!isspace(c), !!isupper(c), !!islower(c),
               !!ispunct(c), !!isxdigit(c), !!iscntrl(c), !!isgraph(c), !!isblank(c),
               isprint(toupper(c)) ? toupper(c) : '.', isprint(tolower(c)) ? tolower(c) : '.');
    }
    printf("EOF: %d %d %d\n", !!isalpha(EOF), toupper(EOF), tolower(EOF));
    char word[] = "Hello, World 42!";
    for (char *p = word; *p; p++) *p = islower((unsigned char)*p) ? toupper((unsigned char)*p) : tolower((unsigned char)*p);
    printf("swapped case: %s\n", word);
    int digits = 0, letters = 0, spaces = 0;
    const char *text = "The year 2024 had 366 days.";
    for (const char *p = text; *p; p++) {
        digits += isdigit((unsigned char)*p) != 0;
        letters += isalpha((unsigned char)*p) != 0;
        spaces += isspace((unsigned char)*p) != 0;
    }
    printf("digits %d letters %d spaces %d\n", digits, letters, spaces);
    return 0;
}
