#ifndef _STDIO_H
#define _STDIO_H

#include <stddef.h>
#include <stdarg.h>

#ifndef __ssize_t_defined
typedef long ssize_t;
#define __ssize_t_defined
#endif
#ifndef __off_t_defined
typedef long off_t;
#define __off_t_defined
#endif

/* Every field lives in the process's memory, so fork() copies a stream's pending output with it.
   The C library's stdio (lib/stdio.c) works them as glibc's libio does; scanf's builtin reads the
   input ones (debug-adapter/engine/libc/stdio.ts): keep the two in step. */
typedef struct _IO_FILE {
  int _flags;            /* _IO_USER_BUF, _IO_UNBUFFERED, _IO_NO_READS … _IO_IS_APPENDING, below */
  int _fileno;
  char *_IO_buf_base;    /* the buffer, malloc'ed on first use; NULL until then */
  char *_IO_buf_end;
  char *_IO_write_base;  /* pending output is [_IO_write_base, _IO_write_ptr) */
  char *_IO_write_ptr;
  char *_IO_read_ptr;    /* unread input is [_IO_read_ptr, _IO_read_end) */
  char *_IO_read_end;
  char *_IO_write_end;   /* room for output ends here: at _IO_write_ptr while output goes through __overflow */
  struct _IO_FILE *_chain; /* the next open stream in _IO_list_all */
  int _mode;             /* orientation: 0 until the first input or output, then -1 (byte-oriented) */
  char _shortbuf[1];     /* an unbuffered stream's buffer: glibc's one byte */
  off_t _offset;         /* the descriptor's offset at _IO_read_end, or _IO_pos_BAD when not known */
} FILE;
extern FILE *stdin, *stdout, *stderr;

#define _IO_USER_BUF 0x0001
#define _IO_UNBUFFERED 0x0002
#define _IO_NO_READS 0x0004
#define _IO_NO_WRITES 0x0008
#define _IO_EOF_SEEN 0x0010
#define _IO_ERR_SEEN 0x0020
#define _IO_LINE_BUF 0x0200
#define _IO_CURRENTLY_PUTTING 0x0800
#define _IO_IS_APPENDING 0x1000
/* A popen stream: glibc tells one by its jump table (_IO_proc_jumps), Forkscope's FILE by this flag. */
#define _IO_PROC_FILE 0x10000

/* _offset when the stream does not know where its descriptor is (fresh, after EOF, in append mode). */
#define _IO_pos_BAD ((off_t)-1)

/* A position fgetpos records: the offset, and the multibyte conversion state glibc keeps beside it. */
typedef struct {
  int __count;
  union {
    unsigned int __wch;
    char __wchb[4];
  } __value;
} __mbstate_t;
typedef struct _G_fpos_t {
  off_t __pos;
  __mbstate_t __state;
} fpos_t;

#define stdin stdin
#define stdout stdout
#define stderr stderr

#define EOF (-1)
#define BUFSIZ 8192
#define _IOFBF 0
#define _IOLBF 1
#define _IONBF 2
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define FILENAME_MAX 4096
#define FOPEN_MAX 16

FILE *fopen(const char *pathname, const char *mode);
FILE *fdopen(int fd, const char *mode);
int fclose(FILE *stream);
/* A stream on a pipe to or from `/bin/sh -c command` ("r": its stdout, "w": its stdin; "e": close-on-exec). */
FILE *popen(const char *command, const char *mode);
/* Closes a popen stream and waits for its command: the wait status, or -1. */
int pclose(FILE *stream);

int printf(const char *format, ...);
int fprintf(FILE *stream, const char *format, ...);
int dprintf(int fd, const char *format, ...);
int sprintf(char *str, const char *format, ...);
int snprintf(char *str, size_t size, const char *format, ...);
int vprintf(const char *format, va_list ap);
int vfprintf(FILE *stream, const char *format, va_list ap);
int vdprintf(int fd, const char *format, va_list ap);
int vsprintf(char *str, const char *format, va_list ap);
int vsnprintf(char *str, size_t size, const char *format, va_list ap);

int puts(const char *s);
int fputs(const char *s, FILE *stream);
int putchar(int c);
int fputc(int c, FILE *stream);
int putc(int c, FILE *stream);
size_t fwrite(const void *ptr, size_t size, size_t nmemb, FILE *stream);
size_t fread(void *ptr, size_t size, size_t nmemb, FILE *stream);
void perror(const char *s);

int fflush(FILE *stream);
int setvbuf(FILE *stream, char *buf, int mode, size_t size);
void setbuf(FILE *stream, char *buf);
void setlinebuf(FILE *stream);

int getchar(void);
int fgetc(FILE *stream);
int getc(FILE *stream);
char *fgets(char *s, int size, FILE *stream);
/* A whole line (through '\n', or `delim`) into *lineptr, malloc'ed or grown as needed: its length, or -1 at the end. */
ssize_t getline(char **lineptr, size_t *n, FILE *stream);
ssize_t getdelim(char **lineptr, size_t *n, int delim, FILE *stream);
int feof(FILE *stream);
int ferror(FILE *stream);
void clearerr(FILE *stream);
int fileno(FILE *stream);

int fseek(FILE *stream, long offset, int whence);
int fseeko(FILE *stream, off_t offset, int whence);
long ftell(FILE *stream);
off_t ftello(FILE *stream);
void rewind(FILE *stream);
int fgetpos(FILE *stream, fpos_t *pos);
int fsetpos(FILE *stream, const fpos_t *pos);

int ungetc(int c, FILE *stream);
int scanf(const char *format, ...);
int fscanf(FILE *stream, const char *format, ...);
int sscanf(const char *str, const char *format, ...);

#endif
