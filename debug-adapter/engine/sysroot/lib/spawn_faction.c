/* posix_spawn's file actions, glibc 2.36's posix/spawn_faction_*.c and spawn_valid_fd.c: an array of
   struct __spawn_action, grown 8 at a time with realloc, that __spawni's child carries out in order.
   A descriptor that can never be valid is refused here, when the action is added (EBADF). */
#include <errno.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Whether fd may name a descriptor at all: not negative and below the descriptor limit, RLIMIT_NOFILE's
   soft limit, which sysconf(_SC_OPEN_MAX) reads afresh each time (spawn_valid_fd.c). */
int __spawn_valid_fd(int fd)
{
  long maxfd;

  if (fd < 0)
    return 0;
  maxfd = sysconf(_SC_OPEN_MAX);
  return maxfd < 0 || fd < maxfd;
}

int posix_spawn_file_actions_init(posix_spawn_file_actions_t *file_actions)
{
  memset(file_actions, 0, sizeof(*file_actions));
  return 0;
}

/* Room for 8 more actions; ENOMEM when realloc has none. */
static int __posix_spawn_file_actions_realloc(posix_spawn_file_actions_t *file_actions)
{
  int newalloc = file_actions->__allocated + 8;
  void *newmem = realloc(file_actions->__actions, newalloc * sizeof(struct __spawn_action));

  if (newmem == NULL)
    return ENOMEM;
  file_actions->__actions = newmem;
  file_actions->__allocated = newalloc;
  return 0;
}

/* The next free entry, NULL when there is no memory for one. */
static struct __spawn_action *next_action(posix_spawn_file_actions_t *file_actions)
{
  if (file_actions->__used == file_actions->__allocated && __posix_spawn_file_actions_realloc(file_actions) != 0)
    return NULL;
  return &file_actions->__actions[file_actions->__used];
}

/* Frees the paths addopen copied, and the array. */
int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *file_actions)
{
  int i;
  for (i = 0; i < file_actions->__used; ++i) {
    struct __spawn_action *sa = &file_actions->__actions[i];
    if (sa->tag == spawn_do_open)
      free(sa->action.open_action.path);
  }
  free(file_actions->__actions);
  return 0;
}

/* The child closes fd; it goes on when fd was not open (only an fd out of range fails the spawn). */
int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t *file_actions, int fd)
{
  struct __spawn_action *rec;

  if (!__spawn_valid_fd(fd))
    return EBADF;
  rec = next_action(file_actions);
  if (rec == NULL)
    return ENOMEM;
  rec->tag = spawn_do_close;
  rec->action.close_action.fd = fd;
  ++file_actions->__used;
  return 0;
}

/* The child makes newfd a copy of fd; with fd == newfd it only clears FD_CLOEXEC. */
int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t *file_actions, int fd, int newfd)
{
  struct __spawn_action *rec;

  if (!__spawn_valid_fd(fd) || !__spawn_valid_fd(newfd))
    return EBADF;
  rec = next_action(file_actions);
  if (rec == NULL)
    return ENOMEM;
  rec->tag = spawn_do_dup2;
  rec->action.dup2_action.fd = fd;
  rec->action.dup2_action.newfd = newfd;
  ++file_actions->__used;
  return 0;
}

/* The child opens path as open(path, oflag, mode) would, as descriptor fd. The path is copied: the
   caller's string may be gone by the time of the spawn. */
int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t *file_actions, int fd, const char *path, int oflag,
                                     mode_t mode)
{
  struct __spawn_action *rec;
  char *path_copy;

  if (!__spawn_valid_fd(fd))
    return EBADF;
  path_copy = strdup(path);
  if (path_copy == NULL)
    return ENOMEM;
  rec = next_action(file_actions);
  if (rec == NULL) {
    free(path_copy);
    return ENOMEM;
  }
  rec->tag = spawn_do_open;
  rec->action.open_action.fd = fd;
  rec->action.open_action.path = path_copy;
  rec->action.open_action.oflag = oflag;
  rec->action.open_action.mode = mode;
  ++file_actions->__used;
  return 0;
}
