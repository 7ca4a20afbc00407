import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { E, ERRNO_NAMES, NSIG, SIG, SIGNAL_NAMES, shellSignalMessage, strerror, strsignal } from '../../debug-adapter/engine/libc/errno';

const INCLUDE = path.join(__dirname, '../../debug-adapter/engine/sysroot/include');

const has = (cmd: string, arg = '--version'): boolean => spawnSync(cmd, [arg], { stdio: 'ignore' }).status === 0;

/** Compiles and runs a C program against the host's headers and glibc. */
function runC(source: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'forkscope-errno-'));
  try {
    writeFileSync(path.join(dir, 't.c'), source);
    execFileSync('cc', ['-w', '-o', path.join(dir, 't'), path.join(dir, 't.c')]);
    return execFileSync(path.join(dir, 't')).toString();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('errno', () => {
  it('words strerror as glibc does', () => {
    expect(strerror(0)).toBe('Success');
    expect(strerror(E.ENOENT)).toBe('No such file or directory');
    expect(strerror(E.EAGAIN)).toBe('Resource temporarily unavailable');
    expect(strerror(E.ECHILD)).toBe('No child processes');
    expect(strerror(E.ERANGE)).toBe('Numerical result out of range');
    expect(strerror(E.ENOSYS)).toBe('Function not implemented');
    expect(strerror(999)).toBe('Unknown error 999');
    expect(strerror(-1)).toBe('Unknown error -1');
  });

  it.runIf(has('cc'))('agrees with the host\'s glibc on every value and message', () => {
    const codes = [...Array(140).keys(), 999, -3];
    const names = [...ERRNO_NAMES.values()];
    const out = runC(`#include <stdio.h>
#include <string.h>
#include <errno.h>
int main(void) {
  static const int codes[] = { ${codes.join(', ')} };
  for (unsigned i = 0; i < sizeof codes / sizeof codes[0]; i++) printf("%s\\n", strerror(codes[i]));
${names.map((n) => `  printf("${n}=%d\\n", ${n});`).join('\n')}
  return 0;
}
`).split('\n');
    expect(out.slice(0, codes.length)).toEqual(codes.map(strerror));
    expect(out.slice(codes.length, codes.length + names.length)).toEqual([...ERRNO_NAMES].map(([v, n]) => `${n}=${v}`));
  });

  it('errno.h defines every name with the table\'s value', () => {
    const header = readFileSync(path.join(INCLUDE, 'errno.h'), 'utf8');
    const defined = new Map([...header.matchAll(/^#define\s+(E\w+)\s+(\d+)$/gm)].map((m) => [m[1]!, Number(m[2])]));
    expect(defined).toEqual(new Map([...ERRNO_NAMES].map(([v, n]) => [n, v])));
  });
});

describe('signals', () => {
  it('words strsignal as glibc does', () => {
    expect(strsignal(SIG.SIGSEGV)).toBe('Segmentation fault');
    expect(strsignal(SIG.SIGFPE)).toBe('Floating point exception');
    expect(strsignal(SIG.SIGCHLD)).toBe('Child exited');
    expect(strsignal(34)).toBe('Real-time signal 0');
    expect(strsignal(64)).toBe('Real-time signal 30');
    expect(strsignal(65)).toBe('Unknown signal 65');
    expect(strsignal(0)).toBe('Unknown signal 0');
  });

  it.runIf(has('cc'))('agrees with the host\'s glibc on every signal', () => {
    const sigs = [...Array(NSIG + 2).keys()];
    const out = runC(`#include <stdio.h>
#include <string.h>
#include <signal.h>
int main(void) {
  for (int i = 0; i < ${NSIG + 2}; i++) printf("%s\\n", strsignal(i));
${[...SIGNAL_NAMES.values()].map((n) => `  printf("%d\\n", ${n});`).join('\n')}
  return 0;
}
`).split('\n');
    expect(out.slice(0, sigs.length)).toEqual(sigs.map(strsignal));
    expect(out.slice(sigs.length, sigs.length + SIGNAL_NAMES.size)).toEqual([...SIGNAL_NAMES.keys()].map(String));
  });

  it('describes deaths as bash does: nothing for SIGINT and SIGPIPE', () => {
    expect(shellSignalMessage(SIG.SIGSEGV)).toBe('Segmentation fault');
    expect(shellSignalMessage(SIG.SIGKILL)).toBe('Killed');
    expect(shellSignalMessage(SIG.SIGTERM)).toBe('Terminated');
    expect(shellSignalMessage(SIG.SIGABRT)).toBe('Aborted');
    expect(shellSignalMessage(SIG.SIGALRM)).toBe('Alarm clock');
    expect(shellSignalMessage(SIG.SIGUSR1)).toBe('User defined signal 1');
    expect(shellSignalMessage(SIG.SIGINT)).toBe('');
    expect(shellSignalMessage(SIG.SIGPIPE)).toBe('');
  });

  it.runIf(has('bash'))('matches what this machine\'s bash prints for a child killed by each signal', () => {
    // Signals whose default action kills (the stop signals and the ignored ones would hang or do nothing).
    const fatal = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 24, 25, 26, 27, 29, 30, 31, 34, 64];
    for (const sig of fatal) {
      const r = spawnSync('bash', ['-c', `sh -c 'kill -${sig} $$'; true`], { encoding: 'utf8' });
      const line = r.stderr.split('\n')[0] ?? '';
      const described = line.replace(/^bash: line \d+: +\d+ /, '').replace(/sh -c .*$/, '').trimEnd();
      expect(`${sig}: ${described}`).toBe(`${sig}: ${shellSignalMessage(sig)}`);
    }
  });
});
