// Resource limits through exec and what only Forkscope's root shows: RLIMIT_STACK sizes the stack exec
// gives the new program, the limits survive exec, root may raise a hard limit (CAP_SYS_RESOURCE) but not
// RLIMIT_NOFILE's past nr_open, RLIMIT_NPROC does not bind root, and the defaults a program starts with.
// The expected output is that of the same programs compiled with cc and run natively as root with root's
// capabilities (a container without CAP_SYS_RESOURCE refuses the raises with EPERM), but for the
// defaults, which are the simulated machine's.
import { describe, expect, it } from 'vitest';
import { compile, run } from '../../debug-adapter/engine/index';

function runFiles(files: Record<string, string>) {
  const fs = { readFile: (p: string) => files[p] };
  const c = compile('/w/prog.c', fs);
  if (!c.program) throw new Error(JSON.stringify(c.diagnostics));
  const out: Uint8Array[] = [];
  const outcome = run(c.program, { argv: ['./prog'], stdio: 'pipe', stdout: (b) => out.push(b.slice()), stderr: () => {} });
  return { outcome, stdout: Buffer.concat(out).toString() };
}

// Each program runs several processes and the first compiles the kernel: slow on a loaded machine.
describe('resource limits', { timeout: 60_000 }, () => {
  it('gives an exec\'d program a stack of RLIMIT_STACK: runaway recursion faults where the limit says', () => {
    const r = runFiles({
      '/w/prog.c': `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>

/* Each call takes a little more than 1 KiB of stack. */
static int recurse(int n)
{
  volatile char frame[1024];
  frame[0] = (char)n;
  if (n == 0)
    return frame[0];
  return recurse(n - 1) + frame[0];
}

static void run(const char *self, const char *limit_mib, const char *depth)
{
  pid_t pid = fork();
  int status;
  if (pid == 0) {
    struct rlimit r;
    r.rlim_cur = (rlim_t)atoi(limit_mib) * 1024 * 1024;
    r.rlim_max = RLIM_INFINITY;
    if (setrlimit(RLIMIT_STACK, &r) != 0)
      _exit(99);
    execl(self, self, "child", limit_mib, depth, (char *)NULL);
    _exit(98);
  }
  waitpid(pid, &status, 0);
  if (WIFSIGNALED(status))
    printf("stack %s MiB, depth %s: killed by signal %d\\n", limit_mib, depth, WTERMSIG(status));
  else
    printf("stack %s MiB, depth %s: exit %d\\n", limit_mib, depth, WEXITSTATUS(status));
  fflush(stdout);
}

int main(int argc, char **argv)
{
  struct rlimit r;
  if (argc == 4 && strcmp(argv[1], "child") == 0) {
    getrlimit(RLIMIT_STACK, &r);
    printf("child: RLIMIT_STACK %lu MiB\\n", (unsigned long)(r.rlim_cur / (1024 * 1024)));
    fflush(stdout);
    recurse(atoi(argv[3]));
    return 0;
  }
  run(argv[0], "1", "100");
  run(argv[0], "1", "4000");
  run(argv[0], "32", "16000");
  run(argv[0], "4", "16000");
  return 0;
}
`,
    });
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 0 });
    expect(r.stdout).toBe(
      [
        'child: RLIMIT_STACK 1 MiB',
        'stack 1 MiB, depth 100: exit 0',
        'child: RLIMIT_STACK 1 MiB',
        'stack 1 MiB, depth 4000: killed by signal 11',
        'child: RLIMIT_STACK 32 MiB',
        'stack 32 MiB, depth 16000: exit 0',
        'child: RLIMIT_STACK 4 MiB',
        'stack 4 MiB, depth 16000: killed by signal 11',
        '',
      ].join('\n'),
    );
  });

  it('applies a lowered RLIMIT_STACK to the stack in use, and a forked child inherits it', () => {
    const r = runFiles({
      '/w/prog.c': `#include <stdio.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>
static int recurse(int n) { volatile char frame[1024]; frame[0] = (char)n; if (n == 0) return frame[0]; return recurse(n - 1) + frame[0]; }
static void child(int lower_in_child, int depth) {
  int status; pid_t pid = fork();
  if (pid == 0) {
    if (lower_in_child) { struct rlimit r = { 1024 * 1024, RLIM_INFINITY }; setrlimit(RLIMIT_STACK, &r); }
    recurse(depth); _exit(0);
  }
  waitpid(pid, &status, 0);
  printf("lowered %s, depth %d: %s %d\\n", lower_in_child ? "in the child" : "before fork", depth, WIFSIGNALED(status) ? "signal" : "exit", WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
}
int main(void) {
  child(1, 100); child(1, 4000); child(0, 4000);
  struct rlimit r = { 2 * 1024 * 1024, RLIM_INFINITY }; setrlimit(RLIMIT_STACK, &r);
  child(0, 1000); child(0, 4000);
  return 0;
}
`,
    });
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 0 });
    expect(r.stdout).toBe(
      [
        'lowered in the child, depth 100: exit 0',
        'lowered in the child, depth 4000: signal 11',
        'lowered before fork, depth 4000: exit 0',
        'lowered before fork, depth 1000: exit 0',
        'lowered before fork, depth 4000: signal 11',
        '',
      ].join('\n'),
    );
  });

  it('keeps the limits across exec; root raises a hard limit, not NOFILE\'s past nr_open, and forks past RLIMIT_NPROC', () => {
    const r = runFiles({
      '/w/prog.c': `#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>

static void show(const char *what, int r)
{
  printf("%s: %d %s\\n", what, r, r < 0 ? strerror(errno) : "");
}

int main(void)
{
  struct rlimit r;
  pid_t pid;
  printf("start: sysconf(_SC_OPEN_MAX) %ld, _SC_CHILD_MAX %ld, _SC_SIGQUEUE_MAX %ld, _SC_ARG_MAX %ld\\n",
         sysconf(_SC_OPEN_MAX), sysconf(_SC_CHILD_MAX), sysconf(_SC_SIGQUEUE_MAX), sysconf(_SC_ARG_MAX));
  r.rlim_cur = 1000;
  r.rlim_max = 1000;
  show("FSIZE 1000", setrlimit(RLIMIT_FSIZE, &r));
  r.rlim_max = 5000;
  show("FSIZE's hard limit raised to 5000", setrlimit(RLIMIT_FSIZE, &r));
  r.rlim_cur = r.rlim_max = 1024 * 1024;
  show("NOFILE at nr_open", setrlimit(RLIMIT_NOFILE, &r));
  r.rlim_cur = r.rlim_max = 1024 * 1024 + 1;
  show("NOFILE past nr_open", setrlimit(RLIMIT_NOFILE, &r));
  r.rlim_cur = r.rlim_max = 1;
  show("NPROC 1", setrlimit(RLIMIT_NPROC, &r));
  fflush(stdout);
  pid = fork();
  if (pid == 0) {
    execl("./child", "child", (char *)NULL);
    _exit(127);
  }
  waitpid(pid, NULL, 0);
  show("fork past NPROC", pid > 0 ? 0 : -1);
  return 0;
}
`,
      '/w/child.c': `#include <stdio.h>
#include <unistd.h>
#include <sys/resource.h>
int main(void)
{
  struct rlimit f, n, p;
  getrlimit(RLIMIT_FSIZE, &f);
  getrlimit(RLIMIT_NOFILE, &n);
  getrlimit(RLIMIT_NPROC, &p);
  printf("after exec: FSIZE %lu %lu, NOFILE %lu %lu, NPROC %lu %lu, getdtablesize %d\\n", (unsigned long)f.rlim_cur,
         (unsigned long)f.rlim_max, (unsigned long)n.rlim_cur, (unsigned long)n.rlim_max, (unsigned long)p.rlim_cur,
         (unsigned long)p.rlim_max, getdtablesize());
  return 0;
}
`,
    });
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 0 });
    // The defaults: a shell's 20000 descriptors, half of the 256 MiB machine's 2048 tasks, a quarter of the 8 MiB stack.
    expect(r.stdout).toBe(
      [
        'start: sysconf(_SC_OPEN_MAX) 20000, _SC_CHILD_MAX 1024, _SC_SIGQUEUE_MAX 1024, _SC_ARG_MAX 2097152',
        'FSIZE 1000: 0 ',
        "FSIZE's hard limit raised to 5000: 0 ",
        'NOFILE at nr_open: 0 ',
        'NOFILE past nr_open: -1 Operation not permitted',
        'NPROC 1: 0 ',
        'after exec: FSIZE 1000 5000, NOFILE 1048576 1048576, NPROC 1 1, getdtablesize 1048576',
        'fork past NPROC: 0 ',
        '',
      ].join('\n'),
    );
  });
});
