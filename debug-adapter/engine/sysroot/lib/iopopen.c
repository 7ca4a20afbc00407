/* popen and pclose, as glibc 2.36 makes them (libio/iopopen.c): a pipe made close-on-exec, and
   posix_spawn of `/bin/sh -c command` with the child's end moved onto its stdin or stdout; the
   caller's end becomes the stream. The child closes the streams of earlier popen calls still open,
   as POSIX asks. pclose is fclose, which for these streams closes the pipe and waits for the command
   (_IO_proc_close). */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

void _IO_file_init(FILE *f, int fd, int read_write);

/* A popen stream: the FILE first, so that fclose frees the whole of it. */
struct _IO_proc_file {
  FILE file;
  pid_t pid;
  struct _IO_proc_file *next;
};

/* The popen streams still open, newest first. */
static struct _IO_proc_file *proc_file_chain;

/* Starts the shell with the file actions made so far, plus a close of each earlier popen stream's
   descriptor (but the one the child's end was just moved onto). */
static int spawn_process(posix_spawn_file_actions_t *fa, struct _IO_proc_file *fp, const char *command, int do_cloexec,
                         int pipe_fds[2], int parent_end, int child_end, int child_pipe_fd)
{
  char *argv[] = { "sh", "-c", (char *)command, NULL };
  struct _IO_proc_file *p;

  for (p = proc_file_chain; p; p = p->next) {
    int fd = fileno(&p->file);
    if (fd != child_pipe_fd && posix_spawn_file_actions_addclose(fa, fd) != 0)
      return 0;
  }
  if (posix_spawn(&fp->pid, "/bin/sh", fa, 0, argv, environ) != 0)
    return 0;
  close(pipe_fds[child_end]);
  if (!do_cloexec)
    /* Undo pipe2's O_CLOEXEC on the caller's end. */
    fcntl(pipe_fds[parent_end], F_SETFD, 0);
  fp->next = proc_file_chain;
  proc_file_chain = fp;
  return 1;
}

/* mode: "r" or "w", with "e" for a close-on-exec stream; anything else, or both or neither of r and w,
   is EINVAL. A failure to start the shell is ENOMEM, as glibc reports it. */
FILE *popen(const char *command, const char *mode)
{
  int do_read = 0, do_write = 0, do_cloexec = 0;
  int parent_end, child_end, child_pipe_fd, read_write;
  int pipe_fds[2];
  posix_spawn_file_actions_t fa;
  struct _IO_proc_file *fp;
  int spawn_ok;

  for (; *mode != '\0'; mode++) {
    switch (*mode) {
    case 'r':
      do_read = 1;
      break;
    case 'w':
      do_write = 1;
      break;
    case 'e':
      do_cloexec = 1;
      break;
    default:
      errno = EINVAL;
      return NULL;
    }
  }
  if ((do_read ^ do_write) == 0) {
    errno = EINVAL;
    return NULL;
  }
  fp = malloc(sizeof(struct _IO_proc_file));
  if (fp == NULL)
    return NULL;
  /* Both ends close-on-exec at once, so no other fork can inherit the child's; the child's copy loses
     the flag in the dup2 below, the caller's by spawn_process unless "e" asked to keep it. */
  if (pipe2(pipe_fds, O_CLOEXEC) < 0) {
    free(fp);
    return NULL;
  }
  if (do_read) {
    parent_end = 0;
    child_end = 1;
    read_write = _IO_NO_WRITES;
    child_pipe_fd = 1;
  } else {
    parent_end = 1;
    child_end = 0;
    read_write = _IO_NO_READS;
    child_pipe_fd = 0;
  }
  posix_spawn_file_actions_init(&fa);
  /* A child's end already on the descriptor it must become would keep its close-on-exec flag through a
     dup2 onto itself: it moves elsewhere first. */
  if (pipe_fds[child_end] == child_pipe_fd) {
    int tmp = fcntl(child_pipe_fd, F_DUPFD_CLOEXEC, 0);
    if (tmp < 0)
      goto spawn_failure;
    close(pipe_fds[child_end]);
    pipe_fds[child_end] = tmp;
  }
  if (posix_spawn_file_actions_adddup2(&fa, pipe_fds[child_end], child_pipe_fd) != 0)
    goto spawn_failure;
  spawn_ok = spawn_process(&fa, fp, command, do_cloexec, pipe_fds, parent_end, child_end, child_pipe_fd);
  posix_spawn_file_actions_destroy(&fa);
  if (!spawn_ok)
    goto spawn_failed;
  /* The stream is made, and linked in for exit's flush, once the command runs. */
  _IO_file_init(&fp->file, pipe_fds[parent_end], read_write | _IO_PROC_FILE);
  return &fp->file;

spawn_failure:
  posix_spawn_file_actions_destroy(&fa);
spawn_failed:
  close(pipe_fds[child_end]);
  close(pipe_fds[parent_end]);
  free(fp);
  errno = ENOMEM;
  return NULL;
}

/* fclose's close for a popen stream: off the chain, the pipe closed, then the command waited for (again
   after a signal handler interrupts the wait). Its wait status, or -1. */
int _IO_proc_close(FILE *f)
{
  struct _IO_proc_file **ptr = &proc_file_chain;
  struct _IO_proc_file *fp = (struct _IO_proc_file *)f;
  int wstatus;
  pid_t wait_pid;
  int found = 0;

  for (; *ptr != NULL; ptr = &(*ptr)->next) {
    if (*ptr == fp) {
      *ptr = fp->next;
      found = 1;
      break;
    }
  }
  if (!found || close(fileno(f)) < 0)
    return -1;
  do
    wait_pid = waitpid(fp->pid, &wstatus, 0);
  while (wait_pid == -1 && errno == EINTR);
  if (wait_pid == -1)
    return -1;
  return wstatus;
}

int pclose(FILE *stream)
{
  return fclose(stream);
}
