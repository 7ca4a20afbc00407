/* The C library's system call wrappers. Each calls the kernel's sys_* function directly, so stepping
   into fork() goes on into kernel/fork.c; a negative result is -errno, as from the syscall instruction. */
#include <unistd.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <errno.h>
#include <signal.h>
#include <time.h>
#include <stdarg.h>
#include <sys/prctl.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/mman.h>
#include <sched.h>

long sys_clone(unsigned long clone_flags, unsigned long newsp, int *parent_tidptr, int *child_tidptr, unsigned long tls);
long sys_execve(const char *filename, char *const argv[], char *const envp[]);
long sys_vfork(void);
long sys_getpid(void);
long sys_getppid(void);
long sys_gettid(void);
long sys_wait4(pid_t upid, int *stat_addr, int options, struct rusage *ru);
long sys_exit_group(int error_code);
long sys_kill(pid_t pid, int sig);
long sys_read(unsigned int fd, char *buf, size_t count);
long sys_write(unsigned int fd, const char *buf, size_t count);
long sys_pipe2(int *fildes, int flags);
long sys_lseek(unsigned int fd, long offset, unsigned int whence);
long sys_ftruncate(unsigned int fd, long length);
long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_unlink(const char *pathname);
long sys_unlinkat(int dfd, const char *pathname, int flag);
long sys_link(const char *oldname, const char *newname);
long sys_linkat(int olddfd, const char *oldname, int newdfd, const char *newname, int flags);
long sys_mkdir(const char *pathname, unsigned int mode);
long sys_mkdirat(int dfd, const char *pathname, unsigned int mode);
long sys_rmdir(const char *pathname);
long sys_chdir(const char *filename);
long sys_fchdir(unsigned int fd);
long sys_openat(int dfd, const char *filename, int flags, unsigned int mode);
long sys_creat(const char *pathname, unsigned int mode);
long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_close(unsigned int fd);
long sys_dup(unsigned int fd);
long sys_dup2(unsigned int oldfd, unsigned int newfd);
long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags);
long sys_prctl(int option, unsigned long arg2, unsigned long arg3, unsigned long arg4, unsigned long arg5);
long sys_pause(void);
long sys_alarm(unsigned int seconds);
long sys_waitid(int which, pid_t upid, siginfo_t *infop, int options, void *ru);
long sys_setpgid(pid_t pid, pid_t pgid);
long sys_getpgid(pid_t pid);
long sys_getpgrp(void);
long sys_getsid(pid_t pid);
long sys_setsid(void);
long sys_clock_nanosleep(clockid_t which_clock, int flags, const struct timespec *rqtp, struct timespec *rmtp);
long sys_getrandom(char *buf, size_t count, unsigned int flags);
long sys_mmap(unsigned long addr, unsigned long len, unsigned long prot, unsigned long flags, unsigned long fd,
              unsigned long off);
long sys_munmap(unsigned long addr, size_t len);
long sys_mprotect(unsigned long start, size_t len, unsigned long prot);
long sys_madvise(unsigned long start, size_t len_in, int behavior);
long sys_msync(unsigned long start, size_t len, int flags);

/* A system call's result as the C library returns it: -errno becomes errno and -1 (glibc's
   INLINE_SYSCALL). The other lib/ files call it too. */
long __syscall_result(long r)
{
  if (r < 0) {
    errno = -r;
    return -1;
  }
  return r;
}

/* Cancellation points (lib/pthread.c). __libc_multiple_threads is glibc's !SINGLE_THREAD_P: a thread
   was created, or the process canceled itself, so a cancel may be pending. */
extern int __libc_multiple_threads;
int __pthread_enable_asynccancel(void);
void __pthread_disable_asynccancel(int oldtype);

/* glibc's SYSCALL_CANCEL, as the whole body of a wrapper: returns the system call `call`, which may
   block, as a cancellation point. The thread's cancellation is asynchronous while it runs, so that a
   pending cancel acts on the way in and one that comes meanwhile interrupts it. A single-threaded
   process makes the call and nothing more, with the test for an error inline (glibc's INLINE_SYSCALL),
   so that it pays nothing for cancellation: this takes no more steps than `return
   __syscall_result(call);` did, on success or on error. (Each local is declared where it gets its value:
   a declaration without one costs a step, which zeroes it.) */
#define RETURN_SYSCALL_CANCEL(call) \
  { \
    if (__libc_multiple_threads) { \
      int sc_cancel_oldtype = __pthread_enable_asynccancel(); \
      long sc_ret = (call); \
      __pthread_disable_asynccancel(sc_cancel_oldtype); \
      return __syscall_result(sc_ret); \
    } else { \
      long sc_ret = (call); \
      if (sc_ret < 0) { \
        errno = -sc_ret; \
        return -1; \
      } \
      return sc_ret; \
    } \
  }

void __malloc_fork_lock_parent(void);
void __malloc_fork_unlock_parent(void);
void __malloc_fork_unlock_child(void);

int *__thread_self_tid(void);
void __fork_child_robust_list(void);

/* glibc's _Fork (arch_fork): fork(2) is clone(2). The kernel writes the child's TID into the thread
   descriptor's tid as the child starts (CLONE_CHILD_SETTID), where the child's mutexes read their
   owner from, and clears it when the thread ends (CLONE_CHILD_CLEARTID). strace -f shows
   clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=…). */
static long arch_fork(void)
{
  return sys_clone(CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD, 0, NULL, __thread_self_tid(), 0);
}

/* glibc's _Fork: the system call, then in the child a robust list of its own. */
static long _Fork(void)
{
  long pid = arch_fork();
  if (pid == 0)
    __fork_child_robust_list();
  return pid;
}

/* glibc's fork, in a process with threads: one of them may be inside malloc, so malloc's lock is held
   across the system call, and the child, whose only thread is this one, starts with it free. */
static pid_t fork_holding_malloc_lock(void)
{
  pid_t pid;

  __malloc_fork_lock_parent();
  pid = __syscall_result(_Fork());
  if (pid == 0)
    __malloc_fork_unlock_child();
  else
    __malloc_fork_unlock_parent();
  return pid;
}

pid_t fork(void)
{
  if (__libc_multiple_threads)
    return fork_holding_malloc_lock();
  return __syscall_result(_Fork());
}

pid_t vfork(void)
{
  return __syscall_result(sys_vfork());
}

pid_t getpid(void)
{
  return sys_getpid();
}

pid_t getppid(void)
{
  return sys_getppid();
}

pid_t gettid(void)
{
  return sys_gettid();
}

pid_t wait(int *wstatus)
{
  RETURN_SYSCALL_CANCEL(sys_wait4(-1, wstatus, 0, 0))
}

pid_t waitpid(pid_t pid, int *wstatus, int options)
{
  RETURN_SYSCALL_CANCEL(sys_wait4(pid, wstatus, options, 0))
}

pid_t wait4(pid_t pid, int *wstatus, int options, struct rusage *usage)
{
  RETURN_SYSCALL_CANCEL(sys_wait4(pid, wstatus, options, usage))
}

pid_t wait3(int *wstatus, int options, struct rusage *usage)
{
  return wait4(-1, wstatus, options, usage);
}

void _exit(int status)
{
  sys_exit_group(status);
  for (;;)
    ;
}

int kill(pid_t pid, int sig)
{
  return __syscall_result(sys_kill(pid, sig));
}

int pause(void)
{
  RETURN_SYSCALL_CANCEL(sys_pause())
}

/* POSIX has clock_nanosleep return the error number, leaving errno alone. glibc answers for the
   calling thread's CPU clock itself, and names the process's CPU clock by its negative id. */
int clock_nanosleep(clockid_t clock_id, int flags, const struct timespec *req, struct timespec *rem)
{
  if (clock_id == CLOCK_THREAD_CPUTIME_ID)
    return EINVAL;
  if (clock_id == CLOCK_PROCESS_CPUTIME_ID)
    clock_id = -6; /* MAKE_PROCESS_CPUCLOCK (0, CPUCLOCK_SCHED) */
  if (__libc_multiple_threads) {
    int oldtype = __pthread_enable_asynccancel();
    long r = sys_clock_nanosleep(clock_id, flags, req, rem);
    __pthread_disable_asynccancel(oldtype);
    return -r;
  }
  return -sys_clock_nanosleep(clock_id, flags, req, rem);
}

/* glibc's nanosleep is clock_nanosleep on CLOCK_REALTIME. */
int nanosleep(const struct timespec *req, struct timespec *rem)
{
  int r = clock_nanosleep(CLOCK_REALTIME, 0, req, rem);
  if (r != 0) {
    errno = r;
    return -1;
  }
  return 0;
}

/* Interrupted by a handler, sleep returns the whole seconds that were left, as glibc does. */
unsigned int sleep(unsigned int seconds)
{
  struct timespec ts = { seconds, 0 };
  int saved_errno = errno;
  if (nanosleep(&ts, &ts) < 0)
    return ts.tv_sec;
  errno = saved_errno;
  return 0;
}

int usleep(useconds_t usec)
{
  struct timespec ts = { usec / 1000000, (usec % 1000000) * 1000 };
  return nanosleep(&ts, 0);
}

/* glibc's raise signals the calling thread, not the whole process. */
int raise(int sig)
{
  return tgkill(getpid(), gettid(), sig);
}

/* MMAP_OFF_LOW_MASK: the offset's bits below the page size (mmap_internal.h, with 4096-byte pages). */
#define MMAP_OFF_LOW_MASK 4095

/* glibc's mmap (mmap64.c): the kernel's address, or MAP_FAILED ((void *)-1) with errno. An offset
   that is no multiple of the page size fails here, with no system call. */
void *mmap(void *addr, size_t length, int prot, int flags, int fd, off_t offset)
{
  if (offset & MMAP_OFF_LOW_MASK) {
    errno = EINVAL;
    return MAP_FAILED;
  }
  return (void *)__syscall_result(sys_mmap((unsigned long)addr, length, prot, flags, fd, offset));
}

int munmap(void *addr, size_t length)
{
  return __syscall_result(sys_munmap((unsigned long)addr, length));
}

int mprotect(void *addr, size_t len, int prot)
{
  return __syscall_result(sys_mprotect((unsigned long)addr, len, prot));
}

int madvise(void *addr, size_t length, int advice)
{
  return __syscall_result(sys_madvise((unsigned long)addr, length, advice));
}

int msync(void *addr, size_t length, int flags)
{
  return __syscall_result(sys_msync((unsigned long)addr, length, flags));
}

ssize_t getrandom(void *buffer, size_t length, unsigned int flags)
{
  RETURN_SYSCALL_CANCEL(sys_getrandom(buffer, length, flags))
}

ssize_t read(int fd, void *buf, size_t count)
{
  RETURN_SYSCALL_CANCEL(sys_read(fd, buf, count))
}

ssize_t write(int fd, const void *buf, size_t count)
{
  RETURN_SYSCALL_CANCEL(sys_write(fd, buf, count))
}

/* glibc's pipe() is the pipe2 system call with no flags (sysdeps/unix/sysv/linux/pipe.c): strace shows
   pipe2([3, 4], 0). */
int pipe(int pipefd[2])
{
  return __syscall_result(sys_pipe2(pipefd, 0));
}

int pipe2(int pipefd[2], int flags)
{
  return __syscall_result(sys_pipe2(pipefd, flags));
}

off_t lseek(int fd, off_t offset, int whence)
{
  return __syscall_result(sys_lseek(fd, offset, whence));
}

/* glibc's ioctl: the third argument, when there is one, is a pointer or an int, passed on as a word. */
int ioctl(int fd, unsigned long request, ...)
{
  va_list ap;
  va_start(ap, request);
  unsigned long arg = va_arg(ap, unsigned long);
  va_end(ap);
  return __syscall_result(sys_ioctl(fd, request, arg));
}

int ftruncate(int fd, off_t length)
{
  return __syscall_result(sys_ftruncate(fd, length));
}

int unlink(const char *pathname)
{
  return __syscall_result(sys_unlink(pathname));
}

int unlinkat(int dirfd, const char *pathname, int flags)
{
  return __syscall_result(sys_unlinkat(dirfd, pathname, flags));
}

int link(const char *oldpath, const char *newpath)
{
  return __syscall_result(sys_link(oldpath, newpath));
}

int linkat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, int flags)
{
  return __syscall_result(sys_linkat(olddirfd, oldpath, newdirfd, newpath, flags));
}

int mkdir(const char *pathname, mode_t mode)
{
  return __syscall_result(sys_mkdir(pathname, mode));
}

int mkdirat(int dirfd, const char *pathname, mode_t mode)
{
  return __syscall_result(sys_mkdirat(dirfd, pathname, mode));
}

int rmdir(const char *pathname)
{
  return __syscall_result(sys_rmdir(pathname));
}

int chdir(const char *path)
{
  return __syscall_result(sys_chdir(path));
}

int fchdir(int fd)
{
  return __syscall_result(sys_fchdir(fd));
}

int close(int fd)
{
  return __syscall_result(sys_close(fd));
}

int dup(int oldfd)
{
  return __syscall_result(sys_dup(oldfd));
}

int dup2(int oldfd, int newfd)
{
  return __syscall_result(sys_dup2(oldfd, newfd));
}

int dup3(int oldfd, int newfd, int flags)
{
  return __syscall_result(sys_dup3(oldfd, newfd, flags));
}

int prctl(int option, ...)
{
  va_list ap;
  unsigned long a[4];
  int i;
  va_start(ap, option);
  for (i = 0; i < 4; i++)
    a[i] = va_arg(ap, unsigned long);
  va_end(ap);
  return __syscall_result(sys_prctl(option, a[0], a[1], a[2], a[3]));
}

unsigned int alarm(unsigned int seconds)
{
  return sys_alarm(seconds);
}

int waitid(idtype_t idtype, id_t id, siginfo_t *infop, int options)
{
  RETURN_SYSCALL_CANCEL(sys_waitid(idtype, id, infop, options, 0))
}

int setpgid(pid_t pid, pid_t pgid)
{
  return __syscall_result(sys_setpgid(pid, pgid));
}

pid_t getpgid(pid_t pid)
{
  return __syscall_result(sys_getpgid(pid));
}

/* glibc's getpgrp is the getpgrp system call, which cannot fail. */
pid_t getpgrp(void)
{
  return sys_getpgrp();
}

pid_t getsid(pid_t pid)
{
  return __syscall_result(sys_getsid(pid));
}

pid_t setsid(void)
{
  return __syscall_result(sys_setsid());
}

int execve(const char *pathname, char *const argv[], char *const envp[])
{
  return __syscall_result(sys_execve(pathname, argv, envp));
}

int execv(const char *pathname, char *const argv[])
{
  return execve(pathname, argv, environ);
}

/* Searches PATH's folders (/usr/bin, /bin) unless the name has a slash in it. */
int execvpe(const char *file, char *const argv[], char *const envp[])
{
  static const char *const path[] = { "/usr/bin/", "/bin/" };
  char full[256];
  int i;
  if (strchr(file, '/'))
    return execve(file, argv, envp);
  for (i = 0; i < 2; i++) {
    if (strlen(path[i]) + strlen(file) >= sizeof full)
      continue;
    strcpy(full, path[i]);
    strcat(full, file);
    execve(full, argv, envp);
    if (errno != ENOENT)
      return -1;
  }
  errno = ENOENT;
  return -1;
}

int execvp(const char *file, char *const argv[])
{
  return execvpe(file, argv, environ);
}

#define EXEC_MAX_ARGS 64

/* execl and friends gather their arguments, up to the NULL, into an argv array. */
static int collect_args(const char *arg, va_list ap, char **argv)
{
  int n = 0;
  argv[n++] = (char *)arg;
  while (arg && n < EXEC_MAX_ARGS) {
    arg = va_arg(ap, const char *);
    argv[n++] = (char *)arg;
  }
  if (arg) {
    errno = E2BIG;
    return -1;
  }
  return n;
}

int execl(const char *pathname, const char *arg, ...)
{
  char *argv[EXEC_MAX_ARGS + 1];
  va_list ap;
  va_start(ap, arg);
  int n = collect_args(arg, ap, argv);
  va_end(ap);
  if (n < 0)
    return -1;
  return execv(pathname, argv);
}

int execlp(const char *file, const char *arg, ...)
{
  char *argv[EXEC_MAX_ARGS + 1];
  va_list ap;
  va_start(ap, arg);
  int n = collect_args(arg, ap, argv);
  va_end(ap);
  if (n < 0)
    return -1;
  return execvp(file, argv);
}

int execle(const char *pathname, const char *arg, ...)
{
  char *argv[EXEC_MAX_ARGS + 1];
  char **envp;
  va_list ap;
  int i;
  va_start(ap, arg);
  int n = collect_args(arg, ap, argv);
  va_end(ap);
  if (n < 0)
    return -1;
  /* collect_args walked a copy of ap: a second walk, past the n - 1 arguments after arg (the NULL
     included), reaches envp, as glibc's execle walks its arguments twice. */
  va_start(ap, arg);
  for (i = 1; i < n; i++)
    va_arg(ap, char *);
  envp = va_arg(ap, char **);
  va_end(ap);
  return execve(pathname, argv, envp);
}

/* open() is openat() relative to the working directory (glibc has made only the openat system call
   since 2.26). The variadic mode is read only when the flags can create a file (glibc's
   __OPEN_NEEDS_MODE; O_TMPFILE would need one too, and is not offered here). */
#define OPEN_MODE(mode, flags)              \
  do {                                      \
    if ((flags) & O_CREAT) {                \
      va_list ap;                           \
      va_start(ap, flags);                  \
      mode = va_arg(ap, unsigned int);      \
      va_end(ap);                           \
    }                                       \
  } while (0)

int openat(int dirfd, const char *pathname, int flags, ...)
{
  unsigned int mode = 0;
  OPEN_MODE(mode, flags);
  return __syscall_result(sys_openat(dirfd, pathname, flags, mode));
}

int open(const char *pathname, int flags, ...)
{
  unsigned int mode = 0;
  OPEN_MODE(mode, flags);
  return __syscall_result(sys_openat(AT_FDCWD, pathname, flags, mode));
}

int creat(const char *pathname, mode_t mode)
{
  return __syscall_result(sys_creat(pathname, mode));
}

/* The third argument, when the command takes one, is an int or a pointer: read as a long either way. */
int fcntl(int fd, int cmd, ...)
{
  va_list ap;
  unsigned long arg;
  va_start(ap, cmd);
  arg = va_arg(ap, unsigned long);
  va_end(ap);
  return __syscall_result(sys_fcntl(fd, cmd, arg));
}
