/* Process startup: the VM calls __libc_start_main, which runs main and exits with its result. */
#include <stdlib.h>
#include <string.h>

char **environ;
/* argv[0], and argv[0] after its last '/' (glibc's __progname): the name assert and psignal-style
   messages start with. */
char *program_invocation_name = "";
char *program_invocation_short_name = "";

/* The main thread's descriptor (lib/pthread.c): its TID, from set_tid_address. */
void __tls_init_tp(void);

int __libc_start_main(int (*main)(int, char **, char **), int argc, char **argv, char **envp)
{
  /* The one system call of glibc's start that Forkscope makes (the dynamic loader's mmap and openat,
     arch_prctl, set_robust_list, rseq and prlimit64 are left out): it is how the main thread learns
     its TID. */
  __tls_init_tp();
  environ = envp;
  if (argc > 0 && argv[0]) {
    char *slash = strrchr(argv[0], '/');
    program_invocation_name = argv[0];
    program_invocation_short_name = slash ? slash + 1 : argv[0];
  }
  exit(main(argc, argv, envp));
  return 0;
}
