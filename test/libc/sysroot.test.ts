import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, formatDiagnostics } from '../../debug-adapter/engine/index';
import { loadLibcSources, loadSystemHeaders } from '../../debug-adapter/engine/sysroot';

const SYSROOT = path.join(__dirname, '../../debug-adapter/engine/sysroot');
const hasCc = spawnSync('cc', ['--version'], { stdio: 'ignore' }).status === 0;

/**
 * Headers a Linux system has too; the linux/ ones are the kernel's, absent from user space, and so are
 * the vdso/ ones the kernel shares with its vDSO (the C library's lib/vdso.c here).
 */
const userHeaders = (): string[] =>
  [...loadSystemHeaders().keys()].filter((h) => !h.startsWith('linux/') && !h.startsWith('vdso/') && !isSharedWithKernel(h) && !isLibcInternal(h)).sort();
/**
 * The kernel's uapi headers: those user headers include (as <fcntl.h> includes <asm-generic/fcntl.h>),
 * and uapi/, what the kernel and the C library's own sources share (clone3's struct clone_args). Not
 * included directly.
 */
const isSharedWithKernel = (h: string): boolean => h.startsWith('asm-generic/') || h.startsWith('uapi/');
/** bits/: the C library's internal headers, which user headers include (as glibc's do) and programs never name. */
const isLibcInternal = (h: string): boolean => h.startsWith('bits/');

function inTempDir<R>(fn: (dir: string) => R): R {
  const dir = mkdtempSync(path.join(tmpdir(), 'forkscope-sysroot-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Compiles and runs `source`, against our headers (`ours`) or the host's. */
function runC(source: string, ours: boolean): string {
  return inTempDir((dir) => {
    writeFileSync(path.join(dir, 't.c'), source);
    const flags = ours ? ['-nostdinc', '-isystem', path.join(SYSROOT, 'include')] : [];
    execFileSync('cc', ['-std=gnu11', '-w', ...flags, '-c', '-o', path.join(dir, 't.o'), path.join(dir, 't.c')]);
    execFileSync('cc', ['-o', path.join(dir, 't'), path.join(dir, 't.o')]);
    return execFileSync(path.join(dir, 't')).toString();
  });
}

describe('sysroot', () => {
  it('loads the headers by include name and the C library sources', () => {
    const headers = loadSystemHeaders();
    for (const name of ['stdio.h', 'stdlib.h', 'sys/wait.h', 'linux/list.h', 'stdarg.h', 'pthread.h']) expect(headers.has(name)).toBe(true);
    expect(headers.get('stdio.h')).toContain('typedef struct _IO_FILE');
    const libc = [...loadLibcSources().keys()];
    expect(libc).toEqual(expect.arrayContaining(['libc/exit.c', 'libc/qsort.c', 'libc/start.c', 'libc/stdio_streams.c', 'libc/libc_state.c']));
    expect(loadLibcSources().get('libc/start.c')).toContain('__libc_start_main');
  });

  it.runIf(hasCc)('every header compiles with gcc, and the structures have glibc\'s layout', () => {
    const out = runC(`${[...loadSystemHeaders().keys()].map((h) => `#include <${h}>`).join('\n')}
#include <linux/list.h>
int main(void) {
  printf("%zu %zu %zu %zu %zu %zu %zu\\n", sizeof(siginfo_t), offsetof(siginfo_t, si_pid), offsetof(siginfo_t, si_status),
         sizeof(struct sigaction), offsetof(struct sigaction, sa_flags), sizeof(sigset_t), sizeof(pthread_mutex_t));
  return 0;
}
`, true);
    const host = runC(`#define _GNU_SOURCE
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <pthread.h>
int main(void) {
  printf("%zu %zu %zu %zu %zu %zu %zu\\n", sizeof(siginfo_t), offsetof(siginfo_t, si_pid), offsetof(siginfo_t, si_status),
         sizeof(struct sigaction), offsetof(struct sigaction, sa_flags), sizeof(sigset_t), sizeof(pthread_mutex_t));
  return 0;
}
`, false);
    expect(out).toBe(host);
  });

  it.runIf(hasCc)('gives every numeric constant the value the host\'s headers give it', () => {
    const headers = loadSystemHeaders();
    const names = new Set<string>();
    for (const h of [...headers.keys()].filter((k) => userHeaders().includes(k) || isSharedWithKernel(k) || isLibcInternal(k))) {
      for (const m of headers.get(h)!.matchAll(/^#define\s+([A-Z][A-Z0-9_]*)\s+\(?-?(?:0x[0-9a-fA-F]+|\d+)[UL]*\)?\s*$/gm)) names.add(m[1]!);
    }
    const program = (prelude: string): string => `${prelude}
${userHeaders().map((h) => `#include <${h}>`).join('\n')}
#include <stdio.h>
int main(void) {
${[...names].map((n) => `#ifdef ${n}\n  printf("${n}=%lld\\n", (long long)(${n}));\n#endif`).join('\n')}
  return 0;
}
`;
    const ours = runC(program(''), true).split('\n');
    const host = new Set(runC(program('#define _GNU_SOURCE'), false).split('\n'));
    // Constants the host also defines must agree; a few are ours alone (e.g. glibc hides some).
    const disagreeing = ours.filter((line) => line && !host.has(line) && [...host].some((h) => h.startsWith(line.split('=')[0] + '=')));
    expect(disagreeing).toEqual([]);
    expect(ours.length).toBeGreaterThan(200);
  });

  it('defines every function the user headers declare: a program may call any of them', () => {
    // A prototype: a name followed by a parameter list and ';' (comments and directives, with their
    // continuation lines, removed).
    const declared = new Set<string>();
    for (const h of userHeaders()) {
      const text = loadSystemHeaders().get(h)!.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^#(?:.*\\\n)*.*$/gm, '');
      for (const m of text.matchAll(/\b([A-Za-z_]\w*)\s*\((?:[^;{}()]|\([^()]*\))*\)\s*(?:__attribute__\s*\(\([^)]*\)\))?\s*;/g)) declared.add(m[1]!);
    }
    expect(declared.size).toBeGreaterThan(200);
    expect(declared).toContain('open');
    const source = `#define _GNU_SOURCE
${userHeaders().map((h) => `#include <${h}>`).join('\n')}
int main(void) {
${[...declared].map((name) => `  (void)&${name};`).join('\n')}
  return 0;
}
`;
    const r = compile('/w/all.c', { readFile: (p) => (p === '/w/all.c' ? source : undefined) });
    expect(formatDiagnostics(r.diagnostics, r.sources)).toBe('');
  });

  it.runIf(hasCc)('the C library sources compile with gcc against the headers', () => {
    inTempDir((dir) => {
      for (const [name, text] of loadLibcSources()) {
        const file = path.join(dir, path.basename(name));
        writeFileSync(file, text);
        execFileSync('cc', ['-std=gnu89', '-Wall', '-Werror', '-nostdinc', '-isystem', path.join(SYSROOT, 'include'), '-fsyntax-only', file]);
      }
    });
  });
});
