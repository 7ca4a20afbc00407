/*
 * copy_on_write.c - fork() does not copy the parent's memory: parent and child share every page,
 * read-only, until one of them writes to it. The first write to a page faults, and only then does the
 * kernel copy that one page for the writer (copy-on-write).
 *
 * Here the child writes to half of a 64-page array and reads the rest. The parent's data is unchanged,
 * and --mem shows the child with about 32 private pages and as many copy-on-write faults (COWFLT).
 *
 * Try:
 *   npx forkscope run sample-programs/copy_on_write.c --mem
 */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096
#define PAGES 64

static char data[PAGES * PAGE];

int main(void)
{
    memset(data, 'p', sizeof data); /* the parent's pages, before fork */

    pid_t child = fork();
    if (child == 0) {
        long sum = 0;
        for (int i = 0; i < PAGES; i++) {
            if (i % 2 == 0)
                data[i * PAGE] = 'c'; /* a write: this page is copied for the child */
            else
                sum += data[i * PAGE]; /* a read: this page stays shared */
        }
        printf("child: wrote %d pages, read %d (sum %ld)\n", PAGES / 2, PAGES / 2, sum);
        return 0;
    }
    wait(NULL);
    printf("parent: data[0] is still '%c'\n", data[0]);
    return 0;
}
