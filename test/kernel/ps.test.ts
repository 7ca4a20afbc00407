// `ps -eo pid,ppid,stat,comm` of the simulated kernel: the state letters (Linux's task_state_to_char, in
// the kernel's fs/proc/array.c and re-stated by the host's ps.ts, which must agree), procps's STAT flags,
// the table's format, and --ps from the command line as a user runs it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { compile, createMachine, formatDiagnostics, type Machine } from '../../debug-adapter/engine/index';
import { formatProcessList, type ProcessRow, taskStateToChar } from '../../debug-adapter/engine/kernel/ps';
import { memoryFS, PROG_PATH } from '../support/run-c';

/** Runs a kernel module; `atFirstLine` is called once, at the step where the kernel log gets its first line. */
function runModule(file: string, source: string, atFirstLine?: (m: Machine) => void): string[] {
  const c = compile(file, { readFile: (p) => (p === file ? source : undefined) });
  if (!c.program) throw new Error(formatDiagnostics(c.diagnostics, c.sources));
  const machine = createMachine(c.program, { argv: [file], stdio: 'pipe', maxSteps: 5_000_000, stdout: () => {}, stderr: () => {} });
  if (atFirstLine) {
    // One step at a time, so the list is taken in the very state the module's loop is about to walk.
    while (machine.dmesg() === '') expect(machine.step(1).outcome).toBeUndefined();
    atFirstLine(machine);
  }
  expect(machine.run()).toMatchObject({ kind: 'exited', status: 0 });
  return machine.dmesg().split('\n').filter((l) => l !== '').map((l) => l.replace(/^\[ *\d+\.\d{6}\] /, ''));
}

// include/linux/sched.h's values.
const S = { RUNNING: 0, INTERRUPTIBLE: 0x1, UNINTERRUPTIBLE: 0x2, __STOPPED: 0x4, __TRACED: 0x8, EXIT_DEAD: 0x10, EXIT_ZOMBIE: 0x20, PARKED: 0x40, DEAD: 0x80, WAKEKILL: 0x100, WAKING: 0x200, NOLOAD: 0x400, NEW: 0x800 };

/** [__state, exit_state, the letter Linux's ps shows]. */
const CASES: [number, number, string][] = [
  [S.RUNNING, 0, 'R'],
  [S.INTERRUPTIBLE, 0, 'S'],
  [S.UNINTERRUPTIBLE, 0, 'D'],
  [S.WAKEKILL | S.UNINTERRUPTIBLE, 0, 'D'], // TASK_KILLABLE
  [S.UNINTERRUPTIBLE | S.NOLOAD, 0, 'I'], // TASK_IDLE
  [S.WAKEKILL | S.__STOPPED, 0, 'T'], // TASK_STOPPED
  [S.WAKEKILL | S.__TRACED, 0, 't'], // TASK_TRACED
  [S.PARKED, 0, 'P'],
  [S.DEAD, S.EXIT_ZOMBIE, 'Z'],
  [S.RUNNING, S.EXIT_ZOMBIE, 'Z'],
  [S.DEAD, S.EXIT_DEAD, 'X'],
  [S.WAKING, 0, 'R'], // not in TASK_REPORT: masked away
  [S.NEW, 0, 'R'],
  [S.INTERRUPTIBLE | S.UNINTERRUPTIBLE, 0, 'D'], // the highest reported bit wins
];

describe('task_state_to_char', () => {
  it("gives Linux's letter for each state, in the host's ps.ts", () => {
    for (const [state, exit, letter] of CASES) expect(`${state}/${exit} ${taskStateToChar(state, exit)}`).toBe(`${state}/${exit} ${letter}`);
  });

  it("agrees with the kernel's fs/proc/array.c, called from a module", () => {
    const source = `#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/sched/task_state.h>
MODULE_LICENSE("GPL");
static unsigned int cases[][2] = { ${CASES.map(([s, e]) => `{ ${s}, ${e} }`).join(', ')} };
static int __init states_init(void)
{
  for (int i = 0; i < ${CASES.length}; i++) {
    unsigned int index = __task_state_index(cases[i][0], cases[i][1]);
    printk(KERN_INFO "%u/%u %c %s\\n", cases[i][0], cases[i][1], task_index_to_char(index), task_state_array[index]);
  }
  return 0;
}
static void __exit states_exit(void) {}
module_init(states_init);
module_exit(states_exit);
`;
    const log = runModule('/work/states.c', source);
    expect(log.map((l) => l.split(' ').slice(0, 2).join(' '))).toEqual(CASES.map(([s, e]) => `${s}/${e} ${taskStateToChar(s, e)}`));
    // /proc/PID/status's name for each state begins with the same letter.
    for (const l of log) expect(l.split(' ')[2]).toBe(l.split(' ')[1]);
  });

  it("matches, task by task, what a module's for_each_process prints (sample-programs/task_states.c)", () => {
    const file = path.join(__dirname, '../../sample-programs/task_states.c');
    let rows: ProcessRow[] = [];
    const log = runModule(file, readFileSync(file, 'utf8'), (m) => (rows = m.processList()));
    const printed = log.filter((l) => /^ *\d+ \S /.test(l)).map((l) => l.trim().split(' ').slice(0, 2).join(' '));
    expect(printed).toEqual(rows.map((r) => `${r.pid} ${r.state}`));
    expect(rows.find((r) => r.comm === 'insmod')?.state).toBe('R');
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(['R', 'S', 'I']));
  });
});

/**
 * The process list taken while the program's last child writes: one child is a zombie, one stopped, one
 * nice and two-threaded, one a session leader, and the parent sleeps.
 */
const FAMILY = `#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
static void *sleeper(void *arg) { pause(); return arg; }
int main(void) {
  pid_t kids[5];
  if ((kids[0] = fork()) == 0) _exit(0);
  if ((kids[1] = fork()) == 0) for (;;) pause();
  if ((kids[2] = fork()) == 0) { pthread_t t; nice(5); pthread_create(&t, NULL, sleeper, NULL); for (;;) pause(); }
  if ((kids[3] = fork()) == 0) { setsid(); for (;;) pause(); }
  kill(kids[1], SIGSTOP);
  if ((kids[4] = fork()) == 0) { usleep(100000); write(1, "now\\n", 4); _exit(0); }
  sleep(1);
  for (int i = 1; i < 4; i++) kill(kids[i], SIGKILL);
  return 0;
}
`;

describe('processList() of a running program', () => {
  const c = compile(PROG_PATH, memoryFS(FAMILY));
  if (!c.program) throw new Error(formatDiagnostics(c.diagnostics, c.sources));
  let rows: ProcessRow[] = [];
  let table = '';
  const machine = createMachine(c.program, {
    argv: ['./prog'],
    stdio: 'pipe',
    stdout: () => {
      rows = machine.processList();
      table = machine.processTable();
    },
    stderr: () => {},
  });
  const outcome = machine.run();
  const progs = rows.filter((r) => r.comm === 'prog');
  const parent = progs[0]!;
  const kids = progs.slice(1);

  it('shows the zombie as Z while its parent sleeps in S, a stopped child as T, the writer as R', () => {
    expect(outcome).toMatchObject({ kind: 'exited', status: 0 });
    expect(parent.stat).toBe('S');
    expect(kids.map((k) => k.ppid)).toEqual([parent.pid, parent.pid, parent.pid, parent.pid, parent.pid]);
    expect(kids.map((k) => k.stat)).toEqual(['Z', 'T', 'SNl', 'Ss', 'R']);
    expect(kids[2]!.threads).toBe(2);
    expect(rows.find((r) => r.pid === parent.ppid)).toMatchObject({ comm: 'sh', state: 'S', isKernelThread: false });
  });

  it('shows the kernel threads under kthreadd (PID 2) as I or S, and init and kthreadd with PPID 0', () => {
    const kthreads = rows.filter((r) => r.ppid === 2);
    expect(kthreads.length).toBeGreaterThan(0);
    for (const k of kthreads) {
      expect(k.isKernelThread).toBe(true);
      expect(['I', 'S']).toContain(k.state);
    }
    expect(kthreads.some((k) => k.state === 'I')).toBe(true);
    expect(rows.slice(0, 2)).toMatchObject([
      { pid: 1, ppid: 0, comm: 'init', isKernelThread: false },
      { pid: 2, ppid: 0, comm: 'kthreadd', isKernelThread: true },
    ]);
    expect(rows.some((r) => r.pid === 0)).toBe(false);
  });

  it("prints the list as ps -eo pid,ppid,stat,comm does, names without brackets", () => {
    const lines = table.split('\n');
    expect(lines[0]).toBe('  PID  PPID STAT COMMAND');
    expect(lines[1]).toBe('    1     0 Ss   init');
    expect(lines).toContain(`${String(kids[2]!.pid).padStart(5)} ${String(parent.pid).padStart(5)} SNl  prog`);
    expect(lines.filter((l) => l.includes('kworker/')).length).toBeGreaterThan(0);
  });
});

describe('formatProcessList', () => {
  const row = (pid: number, ppid: number, stat: string, comm: string): ProcessRow => ({ pid, ppid, state: stat[0]!, stat, comm, threads: 1, isKernelThread: false });

  it("sizes PID and PPID by pid_max's digits, or their header's width when wider, as procps does", () => {
    const rows = [row(1, 0, 'Ss', 'init'), row(4194303, 1, 'SNl<', 'prog')];
    expect(formatProcessList(rows, 32768)).toBe('  PID  PPID STAT COMMAND\n    1     0 Ss   init\n4194303     1 SNl< prog\n');
    expect(formatProcessList(rows, 4194304)).toBe('    PID    PPID STAT COMMAND\n      1       0 Ss   init\n4194303       1 SNl< prog\n');
    expect(formatProcessList([row(1, 0, 'Ss', 'init')], 400)).toBe('PID PPID STAT COMMAND\n  1    0 Ss   init\n');
    expect(formatProcessList([row(1, 0, 'Ss', 'init')], 1000)).toBe(' PID PPID STAT COMMAND\n   1    0 Ss   init\n');
  });
});

describe('--ps from the command line', () => {
  const cliPath = path.join(__dirname, '../../dist/cli.js');
  let workDir: string;
  beforeAll(() => {
    const buildError = inject('distBuildError');
    if (buildError !== null) throw new Error(`building dist/ failed:\n${buildError}`);
    workDir = mkdtempSync(path.join(tmpdir(), 'forkscope-ps-'));
  });
  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('prints every process on stderr as the program exits: the program a zombie, its shell woken to reap it', () => {
    writeFileSync(path.join(workDir, 'hello.c'), '#include <stdio.h>\nint main(void) { printf("hi\\n"); return 4; }\n');
    const r = spawnSync(process.execPath, [cliPath, 'run', 'hello.c', '--ps', '--pid-max', '4194304'], { cwd: workDir, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(4);
    expect(r.stdout).toBe('hi\n');
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe('    PID    PPID STAT COMMAND');
    expect(lines[1]).toBe('      1       0 Ss   init');
    const prog = lines.find((l) => / Z +hello$/.test(l));
    expect(prog).toBeDefined();
    const shPid = prog!.trim().split(/ +/)[1]!;
    expect(lines.find((l) => l.trim().startsWith(`${shPid} `))).toMatch(/ R +sh$/);
    expect(lines.at(-1)).toBe('');
  });
});
