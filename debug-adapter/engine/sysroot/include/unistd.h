#ifndef _UNISTD_H
#define _UNISTD_H

#include <stddef.h>
#include <sys/types.h>

#define STDIN_FILENO 0
#define STDOUT_FILENO 1
#define STDERR_FILENO 2

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#ifdef _GNU_SOURCE
#define SEEK_DATA 3
#define SEEK_HOLE 4
#endif

#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4

extern char **environ;

/* getopt: the next option letter in argv (-1 after the last, '?' for one not in optstring or missing
   its argument); optarg is its argument, optind the next element to look at, optopt the letter that
   failed; opterr 0 keeps getopt's messages off stderr. */
int getopt(int argc, char *const argv[], const char *optstring);
extern char *optarg;
extern int optind, opterr, optopt;

pid_t fork(void);
pid_t vfork(void);
int execv(const char *pathname, char *const argv[]);
int execve(const char *pathname, char *const argv[], char *const envp[]);
int execvp(const char *file, char *const argv[]);
int execvpe(const char *file, char *const argv[], char *const envp[]);
int execl(const char *pathname, const char *arg, ...);
int execlp(const char *file, const char *arg, ...);
int execle(const char *pathname, const char *arg, ...);
void _exit(int status) __attribute__((noreturn));

pid_t getpid(void);
pid_t getppid(void);
pid_t gettid(void);
pid_t getpgid(pid_t pid);
int setpgid(pid_t pid, pid_t pgid);
pid_t getpgrp(void);
pid_t setsid(void);
pid_t getsid(pid_t pid);
uid_t getuid(void);
uid_t geteuid(void);
gid_t getgid(void);
gid_t getegid(void);

int pipe(int pipefd[2]);
int pipe2(int pipefd[2], int flags);
int dup(int oldfd);
int dup2(int oldfd, int newfd);
int dup3(int oldfd, int newfd, int flags); /* dup2, with O_CLOEXEC for newfd; EINVAL when they are the same */
int close(int fd);
ssize_t read(int fd, void *buf, size_t count);
ssize_t write(int fd, const void *buf, size_t count);
off_t lseek(int fd, off_t offset, int whence);
int ftruncate(int fd, off_t length);
int unlink(const char *pathname);
int unlinkat(int dirfd, const char *pathname, int flags);
int link(const char *oldpath, const char *newpath);
int linkat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, int flags);
int rmdir(const char *pathname);
int chdir(const char *path);
int fchdir(int fd);
char *getcwd(char *buf, size_t size);
int isatty(int fd);

unsigned int sleep(unsigned int seconds);
int usleep(useconds_t usec);
int pause(void);
unsigned int alarm(unsigned int seconds);
int nice(int inc);

int brk(void *addr);
void *sbrk(long increment);

/* sysconf's names (glibc's bits/confname.h): those Forkscope's sysconf answers. The limits are the
   caller's resource limits, as glibc reads them with getrlimit. */
#define _SC_ARG_MAX 0        /* the bytes of execve's arguments and environment: a quarter of RLIMIT_STACK */
#define _SC_CHILD_MAX 1      /* RLIMIT_NPROC */
#define _SC_CLK_TCK 2        /* clock ticks a second, times()'s and SIGCHLD's unit */
#define _SC_OPEN_MAX 4       /* RLIMIT_NOFILE: one more than the highest descriptor */
#define _SC_PAGESIZE 30
#define _SC_PAGE_SIZE _SC_PAGESIZE
#define _SC_SIGQUEUE_MAX 34  /* RLIMIT_SIGPENDING */
long sysconf(int name);
int getdtablesize(void);

#endif
