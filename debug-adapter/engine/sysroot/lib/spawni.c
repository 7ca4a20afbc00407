/* glibc's __spawni (sysdeps/unix/sysv/linux/spawni.c), the heart of posix_spawn and posix_spawnp
   (lib/spawn.c), which system() runs its shell with too: the child is made with clone3(CLONE_VM |
   CLONE_VFORK) on a small stack of its own. It runs in the caller's memory until it execs, while the
   caller sleeps (CLONE_VFORK), so nothing is copied, as with vfork, but on a stack that the caller's
   frames do not share. Every signal is blocked across the clone: the child must run no handler of the
   caller's in the caller's memory, so it puts each caught signal back to SIG_DFL before it carries out
   the attributes and file actions and sets the mask the new program is to have. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include <uapi/linux/sched.h>
#include <bits/internal-signals.h>

/* The kernel's sigset is one word (glibc's __NSIG_BYTES). */
#define __NSIG_BYTES 8
/* The child's exit status when it cannot exec (glibc's SPAWN_ERROR). */
#define SPAWN_ERROR 127
/* __spawni's xflags (glibc's spawn_int.h): posix_spawnp looks the file up in PATH. */
#define SPAWN_XFLAGS_USE_PATH 0x1

long sys_rt_sigprocmask(int how, const sigset_t *set, sigset_t *oset, size_t sigsetsize);
int __libc_sigaction(int sig, const struct sigaction *act, struct sigaction *oact);
int __spawn_valid_fd(int fd);

int __clone_internal(struct clone_args *cl_args, int (*func)(void *), void *arg);

/* What the parent hands the child, in their shared memory; err is the child's answer (0 if it execs). */
struct posix_spawn_args {
  sigset_t oldmask;
  const char *file;
  int (*exec)(const char *, char *const *, char *const *);
  const posix_spawn_file_actions_t *fa;
  const posix_spawnattr_t *attr;
  char *const *argv;
  char *const *envp;
  int err;
};

/* The file actions, in the order they were added; 0, or -1 with errno set by the one that failed. */
static int spawn_do_file_actions(const posix_spawn_file_actions_t *file_actions)
{
  int cnt;
  for (cnt = 0; cnt < file_actions->__used; ++cnt) {
    const struct __spawn_action *action = &file_actions->__actions[cnt];
    switch (action->tag) {
    case spawn_do_close:
      /* Only a descriptor out of range is an error: one that was not open is closed already. */
      if (close(action->action.close_action.fd) != 0 && !__spawn_valid_fd(action->action.close_action.fd))
        return -1;
      break;
    case spawn_do_open: {
      /* POSIX: a descriptor fd that is open is closed before the file is opened, so that the open
         can take it even with the table full. */
      int fd = action->action.open_action.fd;
      int new_fd;
      close(fd);
      new_fd = open(action->action.open_action.path, action->action.open_action.oflag | O_LARGEFILE,
                    action->action.open_action.mode);
      if (new_fd == -1)
        return -1;
      /* Make sure the desired descriptor is used. */
      if (new_fd != fd) {
        if (dup2(new_fd, fd) != fd)
          return -1;
        if (close(new_fd) != 0)
          return -1;
      }
      break;
    }
    case spawn_do_dup2:
      /* Austin Group issue #411: a dup2 of a descriptor onto itself clears its FD_CLOEXEC. */
      if (action->action.dup2_action.fd == action->action.dup2_action.newfd) {
        int fd = action->action.dup2_action.newfd;
        int flags = fcntl(fd, F_GETFD, 0);
        if (flags == -1)
          return -1;
        if (fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC) == -1)
          return -1;
      } else if (dup2(action->action.dup2_action.fd, action->action.dup2_action.newfd) !=
                 action->action.dup2_action.newfd) {
        return -1;
      }
      break;
    }
  }
  return 0;
}

/* The child, in the parent's memory until execve replaces it. Any step that fails ends it with
   SPAWN_ERROR, the parent learning why through err. */
static int __spawni_child(void *arguments)
{
  struct posix_spawn_args *args = arguments;
  const posix_spawnattr_t *attr = args->attr;
  struct sigaction sa;
  sigset_t hset;
  int sig;

  /* No handler may run in the parent's memory: each signal not ignored goes (back) to SIG_DFL, those
     the caller asked for whatever they were (POSIX_SPAWN_SETSIGDEF), glibc's own to SIG_IGN. Every
     signal is blocked (the parent blocked them), so each one is looked at. */
  memset(&sa, 0, sizeof(sa));
  sys_rt_sigprocmask(SIG_BLOCK, NULL, &hset, __NSIG_BYTES);
  for (sig = 1; sig < NSIG; ++sig) {
    if ((attr->__flags & POSIX_SPAWN_SETSIGDEF) && sigismember(&attr->__sd, sig)) {
      sa.sa_handler = SIG_DFL;
    } else if (sigismember(&hset, sig)) {
      if (__is_internal_signal(sig)) {
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

  /* The scheduling policy and parameters: the policy with both, only the priority without it. */
  if ((attr->__flags & (POSIX_SPAWN_SETSCHEDPARAM | POSIX_SPAWN_SETSCHEDULER)) == POSIX_SPAWN_SETSCHEDPARAM) {
    if (sched_setparam(0, &attr->__sp) == -1)
      goto fail;
  } else if ((attr->__flags & POSIX_SPAWN_SETSCHEDULER) != 0) {
    if (sched_setscheduler(0, attr->__policy, &attr->__sp) == -1)
      goto fail;
  }

  /* A session first: a session leader may not then change its group, which POSIX_SPAWN_SETPGROUP's
     setpgid reports (EPERM). */
  if ((attr->__flags & POSIX_SPAWN_SETSID) != 0 && setsid() < 0)
    goto fail;
  /* The process group: __pgrp, or with 0 a group of the child's own. */
  if ((attr->__flags & POSIX_SPAWN_SETPGROUP) != 0 && setpgid(0, attr->__pgrp) != 0)
    goto fail;
  /* POSIX_SPAWN_RESETIDS makes the effective IDs the real ones (glibc: setresuid(-1, getuid(), -1)
     and setresgid's like it). Nothing in Forkscope changes a task's IDs, so they are equal already and
     the flag has nothing to do. */

  if (args->fa != NULL && spawn_do_file_actions(args->fa) != 0)
    goto fail;

  /* The mask the caller asked for, or the one it had. */
  sys_rt_sigprocmask(SIG_SETMASK, (attr->__flags & POSIX_SPAWN_SETSIGMASK) ? &attr->__ss : &args->oldmask, NULL,
                     __NSIG_BYTES);
  args->exec(args->file, args->argv, args->envp);

fail:
  /* The exec or a step before it failed: the parent learns why through err. */
  args->err = errno;
  _exit(SPAWN_ERROR);
}

/* glibc's __spawnix: 0 with the child's PID in *pid, or the errno why there is no child running the
   program (a child that could not exec has been waited for). file_actions and attrp may be NULL: no
   actions, every attribute at its default. With SPAWN_XFLAGS_USE_PATH the file is looked for as
   execvp does. */
int __spawni(pid_t *pid, const char *file, const posix_spawn_file_actions_t *file_actions,
             const posix_spawnattr_t *attrp, char *const argv[], char *const envp[], int xflags)
{
  posix_spawnattr_t default_attr;
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
  if (attrp == NULL) {
    memset(&default_attr, 0, sizeof(default_attr));
    attrp = &default_attr;
  }
  args.err = 0;
  args.file = file;
  /* glibc's __execvpex is execvpe without its retry of a script through the shell (ENOEXEC), which
     Forkscope's execvpe does not make: the PATH search is execvpe's own. */
  args.exec = (xflags & SPAWN_XFLAGS_USE_PATH) ? execvpe : execve;
  args.fa = file_actions;
  args.attr = attrp;
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
