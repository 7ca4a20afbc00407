/* glibc's __spawni (sysdeps/unix/sysv/linux/spawni.c), the heart of posix_spawn, which system() runs
   its shell with: the child is made with clone3(CLONE_VM | CLONE_VFORK) on a small stack of its own.
   It runs in the caller's memory until it execs, while the caller sleeps (CLONE_VFORK), so nothing is
   copied, as with vfork, but on a stack that the caller's frames do not share. Every signal is blocked
   across the clone: the child must run no handler of the caller's in the caller's memory, so it puts
   each caught signal back to SIG_DFL before it sets the mask the new program is to have.
   Forkscope's C library has no public posix_spawn (no spawn.h): this is system()'s, and the
   attributes system() sets (posix_spawnattr_setsigdefault and _setsigmask) are its arguments. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include <uapi/linux/sched.h>

/* glibc's own signals (SIGCANCEL, SIGSETXID): a child ignores them. */
#define SIGCANCEL 32
#define SIGSETXID 33
#define is_internal_signal(sig) ((sig) == SIGCANCEL || (sig) == SIGSETXID)
/* The kernel's sigset is one word (glibc's __NSIG_BYTES). */
#define __NSIG_BYTES 8
/* posix_spawnattr_setflags's flags (spawn.h). */
#define POSIX_SPAWN_SETSIGDEF 0x04
#define POSIX_SPAWN_SETSIGMASK 0x08
/* The child's exit status when it cannot exec (glibc's SPAWN_ERROR). */
#define SPAWN_ERROR 127

long sys_rt_sigprocmask(int how, const sigset_t *set, sigset_t *oset, size_t sigsetsize);
int __libc_sigaction(int sig, const struct sigaction *act, struct sigaction *oact);

int __clone_internal(struct clone_args *cl_args, int (*func)(void *), void *arg);

/* The attributes posix_spawn takes (glibc's posix_spawnattr_t, the fields system() uses): which of
   them apply, the signals to reset to SIG_DFL, the child's mask. */
struct spawn_attr {
  short flags;
  const sigset_t *sd;
  const sigset_t *ss;
};

/* What the parent hands the child, in their shared memory; err is the child's answer (0 if it execs). */
struct posix_spawn_args {
  sigset_t oldmask;
  const char *file;
  const struct spawn_attr *attr;
  char *const *argv;
  char *const *envp;
  int err;
};

/* The child, in the parent's memory until execve replaces it. */
static int __spawni_child(void *arguments)
{
  struct posix_spawn_args *args = arguments;
  const struct spawn_attr *attr = args->attr;
  struct sigaction sa;
  sigset_t hset;
  int sig;

  /* No handler may run in the parent's memory: each signal not ignored goes (back) to SIG_DFL, those
     the caller asked for whatever they were (POSIX_SPAWN_SETSIGDEF), glibc's own to SIG_IGN. Every
     signal is blocked (the parent blocked them), so each one is looked at. */
  memset(&sa, 0, sizeof(sa));
  sys_rt_sigprocmask(SIG_BLOCK, NULL, &hset, __NSIG_BYTES);
  for (sig = 1; sig < NSIG; ++sig) {
    if ((attr->flags & POSIX_SPAWN_SETSIGDEF) && sigismember(attr->sd, sig)) {
      sa.sa_handler = SIG_DFL;
    } else if (sigismember(&hset, sig)) {
      if (is_internal_signal(sig)) {
        sa.sa_handler = SIG_IGN;
      } else {
        __libc_sigaction(sig, NULL, &sa);
        if (sa.sa_handler == SIG_IGN)
          continue;
        sa.sa_handler = SIG_DFL;
      }
    } else {
      continue;
    }
    __libc_sigaction(sig, &sa, NULL);
  }
  /* The mask the caller asked for, or the one it had. */
  sys_rt_sigprocmask(SIG_SETMASK, (attr->flags & POSIX_SPAWN_SETSIGMASK) ? attr->ss : &args->oldmask, NULL,
                     __NSIG_BYTES);
  execve(args->file, args->argv, args->envp);
  /* The exec failed: the parent learns why through err. */
  args->err = errno;
  _exit(SPAWN_ERROR);
}

/* glibc's __spawnix: 0 with the child's PID in *pid, or the errno why there is no child running the
   program (a child that could not exec has been waited for). flags are posix_spawnattr_setflags's:
   with POSIX_SPAWN_SETSIGDEF the signals in sigdefault go back to SIG_DFL in the child, with
   POSIX_SPAWN_SETSIGMASK the child starts with sigmask, else with the caller's mask. */
int __spawni(pid_t *pid, const char *file, short flags, const sigset_t *sigdefault, const sigset_t *sigmask,
             char *const argv[], char *const envp[])
{
  struct spawn_attr attr;
  struct posix_spawn_args args;
  struct clone_args clone_args;
  size_t argv_size;
  size_t stack_size;
  void *stack;
  pid_t new_pid;
  int argc = 0;
  int state;
  int ec;

  while (argv[argc++] != NULL)
    ;
  /* The child's stack: room for a copy of argv and some slack (glibc needs it for a script's argv,
     and 32 KiB against the compiler's stack checking); pages that are never touched cost nothing. */
  argv_size = argc * sizeof(void *) + 512 + 32 * 1024;
  stack_size = (argv_size + 4095) & ~(size_t)4095;
  stack = mmap(NULL, stack_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
  if (stack == MAP_FAILED)
    return errno;

  /* No asynchronous cancel while the child uses this thread's memory. */
  pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, &state);
  args.err = 0;
  args.file = file;
  attr.flags = flags;
  attr.sd = sigdefault;
  attr.ss = sigmask;
  args.attr = &attr;
  args.argv = argv;
  args.envp = envp;
  /* glibc's internal_signal_block_all. */
  {
    sigset_t all;
    all.__val[0] = ~0UL;
    sys_rt_sigprocmask(SIG_BLOCK, &all, &args.oldmask, __NSIG_BYTES);
  }
  /* The child runs in this memory, and this thread sleeps until it execs or exits; no CLONE_SETTLS,
     since the two never run at once. */
  memset(&clone_args, 0, sizeof(clone_args));
  clone_args.flags = CLONE_VM | CLONE_VFORK;
  clone_args.exit_signal = SIGCHLD;
  clone_args.stack = (unsigned long)stack;
  clone_args.stack_size = stack_size;
  new_pid = __clone_internal(&clone_args, __spawni_child, &args);
  if (new_pid > 0) {
    /* A child that could not exec has exited already: it is waited for here. One killed before it
       got there left err 0, and is the caller's to wait for. */
    ec = args.err;
    if (ec > 0)
      waitpid(new_pid, NULL, 0);
  } else {
    ec = errno;
  }
  munmap(stack, stack_size);
  if (ec == 0 && pid != NULL)
    *pid = new_pid;
  sys_rt_sigprocmask(SIG_SETMASK, &args.oldmask, NULL, __NSIG_BYTES);
  pthread_setcancelstate(state, NULL);
  return ec;
}
