// system() and `sh -c` beyond what the differential programs can show natively: the command runs in the
// shell's own process (sh -c execs it in place, as dash does), the caller ignores SIGINT and SIGQUIT while
// it waits, and the command starts with the caller's own dispositions, not the ignored ones.
import { describe, expect, it } from 'vitest';
import { compile, formatDiagnostics, run } from '../../debug-adapter/engine/index';

const MAIN = `#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
static void on_signal(int sig) { printf("caller got signal %d\\n", sig); }
int main(void) {
  signal(SIGINT, on_signal);
  fflush(stdout);
  int status = system("./sender  one two");
  printf("system: WIFEXITED %d, WEXITSTATUS %d\\n", WIFEXITED(status), WEXITSTATUS(status));
  return 0;
}
`;

/** Run by the shell: signals its parent, which is system()'s caller when sh -c replaced itself. */
const SENDER = `#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
int main(int argc, char **argv) {
  struct sigaction now;
  sigaction(SIGINT, NULL, &now);
  printf("%s: %d args, %s %s, SIGINT at default: %d\\n", argv[0], argc, argv[1], argv[2], now.sa_handler == SIG_DFL);
  kill(getppid(), SIGINT);
  kill(getppid(), SIGQUIT);
  return 5;
}
`;

function runFiles(files: Record<string, string>): { stdout: string; stderr: string; outcome: unknown } {
  const fs = { readFile: (p: string) => files[p] };
  const c = compile('/work/main.c', fs);
  if (!c.program) throw new Error(formatDiagnostics(c.diagnostics, c.sources));
  let stdout = '';
  let stderr = '';
  const outcome = run(c.program, {
    argv: ['./main'],
    stdio: 'pipe',
    stdout: (b) => (stdout += Buffer.from(b).toString()),
    stderr: (b) => (stderr += Buffer.from(b).toString()),
  });
  return { stdout, stderr, outcome };
}

describe('system()', () => {
  it("runs the command in sh's process, with SIGINT and SIGQUIT ignored by the caller while it waits", () => {
    const r = runFiles({ '/work/main.c': MAIN, '/work/sender.c': SENDER });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('./sender: 3 args, one two, SIGINT at default: 1\nsystem: WIFEXITED 1, WEXITSTATUS 5\n');
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 0 });
  });

  it('reports a command the shell cannot find as dash does, with status 127', () => {
    const r = runFiles({ '/work/main.c': MAIN.replace('./sender  one two', 'sender') });
    expect(r.stderr).toBe('sh: 1: sender: not found\n');
    expect(r.stdout).toBe('system: WIFEXITED 1, WEXITSTATUS 127\n');
  });
});
