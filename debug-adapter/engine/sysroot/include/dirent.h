#ifndef _DIRENT_H
#define _DIRENT_H
/* Directory streams (glibc's dirent.h on x86-64): opendir reads a directory's entries through
   getdents64, whose records are struct dirent's layout, into a buffer of its own. */
#include <sys/types.h>

struct dirent {
  ino_t d_ino;
  off_t d_off;             /* where the next entry is, for seekdir */
  unsigned short d_reclen; /* this record's length in the buffer */
  unsigned char d_type;    /* DT_*, below */
  char d_name[256];
};

#define DT_UNKNOWN 0
#define DT_FIFO 1
#define DT_CHR 2
#define DT_DIR 4
#define DT_BLK 6
#define DT_REG 8
#define DT_LNK 10
#define DT_SOCK 12

/* The stream (glibc's dirstream.h, private to the C library there): here in the header, whole, since
   Forkscope's linker matches struct types across files and a program's file sees only this one. */
struct __dirstream {
  int fd;
  size_t allocation; /* the size of data */
  size_t size;       /* the bytes of records it holds */
  size_t offset;     /* the next record's */
  char data[];
};
typedef struct __dirstream DIR;

DIR *opendir(const char *name);
DIR *fdopendir(int fd);
struct dirent *readdir(DIR *dirp);
int closedir(DIR *dirp);
void rewinddir(DIR *dirp);
int dirfd(DIR *dirp);

#endif
