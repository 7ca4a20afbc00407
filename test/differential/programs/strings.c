// string.h: length, copying, concatenation, comparison, searching and memory functions.
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

static int sign(int x) { return (x > 0) - (x < 0); }

int main(void) {
    char buf[64];
    strcpy(buf, "process");
    printf("strlen(\"%s\") = %zu\n", buf, strlen(buf));
    strcat(buf, " control");
    strncat(buf, " block and more", 6);
    printf("after strcat/strncat: [%s] %zu\n", buf, strlen(buf));

    char padded[8];
    memset(padded, 'X', sizeof padded);
    strncpy(padded, "abc", sizeof padded);
    for (size_t i = 0; i < sizeof padded; i++) printf("%d ", padded[i]);
    printf("\n");
    char trunc[4];
    strncpy(trunc, "abcdef", 3);
    trunc[3] = '\0';
    printf("strncpy truncated: [%s]\n", trunc);

    printf("strcmp signs: %d %d %d %d\n", sign(strcmp("abc", "abd")), sign(strcmp("abc", "abc")),
           sign(strcmp("b", "abc")), sign(strcmp("ab", "abc")));
    printf("strcmp with high bytes: %d\n", sign(strcmp("\xff", "a")));
    printf("strncmp(\"forkbomb\", \"fork\", 4) = %d\n", strncmp("forkbomb", "fork", 4));

    const char *path = "/usr/local/bin/forkscope";
    printf("strchr '/' -> %s\n", strchr(path, '/'));
    printf("strrchr '/' -> %s\n", strrchr(path, '/'));
    printf("strchr 'z' -> %s\n", strchr(path, 'z') == NULL ? "NULL" : "found");
    printf("strchr NUL -> offset %td\n", strchr(path, '\0') - path);
    printf("strstr \"local\" -> %s\n", strstr(path, "local"));
    printf("strstr \"\" -> %s\n", strstr(path, ""));
    printf("strspn = %zu, strcspn = %zu\n", strspn("aabbcdab", "ab"), strcspn("hello, world", ",!"));
    printf("strpbrk -> %s\n", strpbrk("key=value;x", "=;"));

    char ov[] = "1234567890";
    memmove(ov + 2, ov, 5);
    printf("memmove overlap right: %s\n", ov);
    char ov2[] = "1234567890";
    memmove(ov2, ov2 + 3, 5);
    printf("memmove overlap left: %s\n", ov2);
    int src[4] = {1, 2, 3, 4}, dst[4];
    memcpy(dst, src, sizeof src);
    printf("memcpy: %d %d %d %d\n", dst[0], dst[1], dst[2], dst[3]);
    printf("memcmp: %d %d\n", sign(memcmp("abcX", "abcY", 4)), memcmp("abcX", "abcY", 3));
    int zeros[3];
    memset(zeros, 0, sizeof zeros);
    printf("memset zero: %d %d %d\n", zeros[0], zeros[1], zeros[2]);
    const char *hay = "find the x here";
    const char *found = memchr(hay, 'x', strlen(hay));
    printf("memchr -> %s\n", found);

    char *copy = strdup("duplicated");
    copy[0] = 'D';
    printf("strdup: %s\n", copy);
    free(copy);

    char line[] = "ls -l  /tmp | wc -l";
    int count = 0;
    for (char *tok = strtok(line, " "); tok != NULL; tok = strtok(NULL, " ")) printf("token %d: [%s]\n", count++, tok);
    char csv[] = "a,,b;c";
    for (char *tok = strtok(csv, ",;"); tok; tok = strtok(NULL, ",;")) printf("csv [%s]\n", tok);
    return 0;
}
