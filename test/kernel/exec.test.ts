// execve: the new program is another C file beside the program (./child runs child.c) or one of the
// /bin built-ins; the process keeps its PID, its parent and its open files.
import { describe, expect, it } from 'vitest';
import { compile, run } from '../../debug-adapter/engine/index';

function runFiles(files: Record<string, string>) {
  const fs = { readFile: (p: string) => files[p] };
  const c = compile('/w/prog.c', fs);
  if (!c.program) throw new Error(JSON.stringify(c.diagnostics));
  const out: Uint8Array[] = [];
  const err: Uint8Array[] = [];
  const outcome = run(c.program, { argv: ['./prog'], stdio: 'pipe', stdout: (b) => out.push(b.slice()), stderr: (b) => err.push(b.slice()) });
  return { outcome, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() };
}

describe('execve', () => {
  it('runs a sibling program in the same process, keeping the PID, parent and descriptors', () => {
    const r = runFiles({
      '/w/prog.c': `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
  int fds[2];
  pipe(fds);
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fds[1], 1);
    close(fds[0]);
    close(fds[1]);
    execl("./child", "child", "one", "two", NULL);
    _exit(127);
  }
  close(fds[1]);
  char buf[128];
  int n = read(fds[0], buf, sizeof buf - 1);
  buf[n] = 0;
  int st;
  waitpid(pid, &st, 0);
  printf("parent got: %s", buf);
  printf("child pid matched: %d, exit %d\\n", atoi(buf) == pid, WEXITSTATUS(st));
  return 0;
}
int atoi(const char *);
`,
      '/w/child.c': `#include <stdio.h>
#include <unistd.h>
int main(int argc, char **argv) {
  printf("%d %s %s %s argc=%d ppid_is_parent=%d\\n", getpid(), argv[0], argv[1], argv[2], argc, getppid() > 1);
  return 4;
}
`,
    });
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 0 });
    expect(r.stdout).toMatch(/^parent got: \d+ child one two argc=3 ppid_is_parent=1\nchild pid matched: 1, exit 4\n$/);
  });

  it('fails with ENOENT for a program that does not exist, and the caller goes on', () => {
    const r = runFiles({
      '/w/prog.c': `#include <stdio.h>
#include <errno.h>
#include <unistd.h>
int main(void) {
  execl("./nowhere", "nowhere", NULL);
  printf("still here, errno == ENOENT: %d\\n", errno == ENOENT);
  execlp("definitely-not-a-command", "x", NULL);
  printf("PATH search too: %d\\n", errno == ENOENT);
  return 0;
}
`,
    });
    expect(r.stdout).toBe('still here, errno == ENOENT: 1\nPATH search too: 1\n');
  });

  it('runs the /bin built-ins: echo, true, false, cat', () => {
    const r = runFiles({
      '/w/prog.c': `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
static int run(const char *path, char *const argv[]) {
  pid_t p = fork();
  if (p == 0) { execv(path, argv); _exit(127); }
  int st;
  waitpid(p, &st, 0);
  return WEXITSTATUS(st);
}
int main(void) {
  char *echo[] = { "echo", "hello", "from", "echo", NULL };
  char *t[] = { "true", NULL };
  char *f[] = { "false", NULL };
  int a = run("/bin/echo", echo);
  int b = run("/bin/true", t);
  int c = run("/usr/bin/false", f);
  printf("statuses %d %d %d\\n", a, b, c);
  return 0;
}
`,
    });
    expect(r.stdout).toBe('hello from echo\nstatuses 0 0 1\n');
  });
});
