/* posix_spawn and posix_spawnp, glibc 2.36's posix/spawn.c and spawnp.c: both are __spawni
   (lib/spawni.c), posix_spawnp with the PATH search execvp makes. */
#include <spawn.h>

/* __spawni's xflags (glibc's spawn_int.h). */
#define SPAWN_XFLAGS_USE_PATH 0x1

int __spawni(pid_t *pid, const char *file, const posix_spawn_file_actions_t *file_actions,
             const posix_spawnattr_t *attrp, char *const argv[], char *const envp[], int xflags);

int posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *file_actions,
                const posix_spawnattr_t *attrp, char *const argv[], char *const envp[])
{
  return __spawni(pid, path, file_actions, attrp, argv, envp, 0);
}

int posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *file_actions,
                 const posix_spawnattr_t *attrp, char *const argv[], char *const envp[])
{
  return __spawni(pid, file, file_actions, attrp, argv, envp, SPAWN_XFLAGS_USE_PATH);
}
