// Several CPUs (--cpus N): each has its run queue, its idle task swapper/N and its per-CPU kernel
// threads; new tasks spread over the CPUs; the CPUs take turns deterministically; the timer tick runs
// in interrupt context; CFS shares a CPU by nice weight.
import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../debug-adapter/engine/api';
import { parseCliArgs, UsageError } from '../../debug-adapter/cli-args';
import { compile, createMachine, formatDiagnostics, type Machine } from '../../debug-adapter/engine/index';
import { kernelImage } from '../../debug-adapter/engine/kernel/image';
import { emptyHooks } from '../../debug-adapter/engine/vm/debug';

type Policy = 'cfs' | 'fifo' | 'random';

interface Run {
  stdout: string;
  log: string[];
  outcome: RunOutcome;
  tree: string;
}

function machineFor(source: string, cpus: number, policy?: Policy, file = '/w/prog.c'): { machine: Machine; out: Uint8Array[] } {
  const c = compile(file, { readFile: (p) => (p === file ? source : undefined) });
  if (!c.program) throw new Error(formatDiagnostics(c.diagnostics, c.sources));
  const out: Uint8Array[] = [];
  let machine: Machine | undefined;
  let tree = '';
  machine = createMachine(
    c.program,
    { argv: ['./prog'], stdio: 'pipe', maxSteps: 20_000_000, stdout: (b) => out.push(b.slice()), stderr: () => {} },
    { cpus, sched: policy ? { policy } : undefined, onProgramExit: () => (tree ||= machine!.processTree()) },
  );
  (machine as unknown as { treeAtExit: () => string }).treeAtExit = () => tree;
  return { machine, out };
}

function runOn(source: string, cpus: number, policy?: Policy, file?: string): Run {
  const { machine, out } = machineFor(source, cpus, policy, file);
  const outcome = machine.run();
  const log = machine.dmesg().split('\n').filter((l) => l !== '').map((l) => l.replace(/^\[ *\d+\.\d{6}\] /, ''));
  const tree = (machine as unknown as { treeAtExit: () => string }).treeAtExit() || machine.processTree();
  return { stdout: Buffer.concat(out).toString(), log, outcome, tree };
}

/** Forks four children that each spin, then exit with the CPU they ran on; prints those CPUs sorted. */
const SPREAD = `#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
  int cpus[4], n = 0, status;
  for (int i = 0; i < 4; i++) {
    if (fork() == 0) {
      volatile int spin = 0;
      for (int k = 0; k < 20000; k++) spin++;
      _exit(sched_getcpu());
    }
  }
  while (wait(&status) > 0) cpus[n++] = WEXITSTATUS(status);
  for (int i = 0; i < n; i++)
    for (int j = i + 1; j < n; j++)
      if (cpus[j] < cpus[i]) { int t = cpus[i]; cpus[i] = cpus[j]; cpus[j] = t; }
  for (int i = 0; i < n; i++) printf("%d ", cpus[i]);
  printf("\\n");
  return 0;
}
`;

describe('booting several CPUs', () => {
  it('gives each CPU its cpuhp/N, migration/N and ksoftirqd/N under kthreadd', () => {
    const r = runOn('int main(void) { return 0; }\n', 4);
    expect(r.outcome.kind).toBe('exited');
    for (let cpu = 0; cpu < 4; cpu++) {
      for (const name of ['cpuhp', 'migration', 'ksoftirqd']) expect(r.tree).toMatch(new RegExp(`[─┬├└]${name}/${cpu}\\(\\d+\\)`));
    }
    expect(r.tree).not.toContain('cpuhp/4');
    // Linux's order: CPU 0's threads as their subsystems start, then each CPU as it comes up.
    const pid = (name: string) => Number(new RegExp(`${name.replace('/', '\\/')}\\((\\d+)\\)`).exec(r.tree)![1]);
    expect(pid('ksoftirqd/0')).toBeLessThan(pid('migration/0'));
    expect(pid('migration/0')).toBeLessThan(pid('cpuhp/0'));
    expect(pid('cpuhp/0')).toBeLessThan(pid('cpuhp/1'));
    expect([pid('cpuhp/1') + 1, pid('cpuhp/1') + 2]).toEqual([pid('migration/1'), pid('ksoftirqd/1')]);
    expect(pid('ksoftirqd/1')).toBeLessThan(pid('cpuhp/2'));
  });

  it('has an idle task per CPU, swapper/N with PID 0, and binds the per-CPU threads (read from the task_structs)', () => {
    const r = runOn(
      `#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/sched.h>
#include <linux/sched/rq.h>
#include <linux/cpumask.h>
MODULE_LICENSE("GPL");
static int __init show_init(void)
{
  unsigned int cpu;
  struct task_struct *p;
  printk(KERN_INFO "online %lx nr_cpu_ids %u\\n", cpu_online_mask, nr_cpu_ids);
  for_each_online_cpu(cpu) {
    struct task_struct *idle = cpu_rq(cpu)->idle;
    printk(KERN_INFO "rq %d idle %s pid %d cpu %d allowed %lx n %d\\n", cpu_rq(cpu)->cpu, idle->comm, idle->pid, idle->cpu, idle->cpus_allowed, idle->nr_cpus_allowed);
  }
  for_each_process(p) {
    if (p->comm[0] == 'm' && p->comm[1] == 'i')
      printk(KERN_INFO "%s cpu %d allowed %lx n %d\\n", p->comm, p->cpu, p->cpus_allowed, p->nr_cpus_allowed);
    if (p->pid == 1 || p->pid == 2)
      printk(KERN_INFO "%s allowed %lx n %d\\n", p->comm, p->cpus_allowed, p->nr_cpus_allowed);
  }
  printk(KERN_INFO "current %s on cpu %d = %d, on_cpu %d\\n", current->comm, smp_processor_id(), current->cpu, current->on_cpu);
  return 0;
}
module_init(show_init);
`,
      3,
      undefined,
      '/w/show.c',
    );
    expect(r.outcome.kind).toBe('exited');
    expect(r.log).toEqual(
      expect.arrayContaining([
        'online 7 nr_cpu_ids 3',
        'rq 0 idle swapper/0 pid 0 cpu 0 allowed 1 n 1',
        'rq 1 idle swapper/1 pid 0 cpu 1 allowed 2 n 1',
        'rq 2 idle swapper/2 pid 0 cpu 2 allowed 4 n 1',
        'migration/0 cpu 0 allowed 1 n 1',
        'migration/1 cpu 1 allowed 2 n 1',
        'migration/2 cpu 2 allowed 4 n 1',
        'init allowed 7 n 3',
        'kthreadd allowed 7 n 3',
      ]),
    );
    const cur = r.log.find((l) => l.startsWith('current insmod on cpu'));
    expect(cur).toMatch(/^current insmod on cpu (\d) = \1, on_cpu 1$/);
  });
});

describe('placement', () => {
  it('spreads new tasks over the least loaded CPUs', () => {
    expect(runOn(SPREAD, 4).stdout).toBe('0 1 2 3 \n');
    expect(runOn(SPREAD, 1).stdout).toBe('0 0 0 0 \n');
    // Two per CPU at fork; a CPU that runs out of work pulls a waiting task from the other, so where the
    // last ones end depends on timing, but both CPUs work.
    expect(runOn(SPREAD, 2).stdout).toMatch(/^0 (0|1) 1 1 \n$/);
  });

  it('is deterministic: the same options give the same output and the same step count', () => {
    for (const policy of ['cfs', 'fifo', 'random'] as const) {
      const a = runOn(SPREAD, 3, policy);
      const b = runOn(SPREAD, 3, policy);
      expect(a.stdout).toMatch(/^0 [0-2] [1-2] 2 \n$/);
      expect(b.stdout).toBe(a.stdout);
      expect(b.outcome.steps).toBe(a.outcome.steps);
    }
  });
});

/**
 * The child, alone on CPU 1, spends most of each loop in a system call; DELAY shifts where its loop
 * starts against the CPUs' turns. The parent, on CPU 0, needs a few turns to print.
 */
const SYSCALL_LOOP = (delay: number) => `#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>
static void pin(int cpu) { cpu_set_t set; CPU_ZERO(&set); CPU_SET(cpu, &set); sched_setaffinity(0, sizeof set, &set); }
int main(void) {
  int ready[2]; char c;
  pipe(ready);
  pin(0);
  if (fork() == 0) {
    pin(1);
    for (volatile int j = 0; j < ${delay}; j++) ;
    write(ready[1], "x", 1);
    int last = sched_getcpu();
    for (long i = 0; i < 20000; i++) { int now = sched_getcpu(); if (now != last) printf("moved\\n"); last = now; }
    printf("child done\\n");
    return 0;
  }
  read(ready[0], &c, 1);
  for (volatile int i = 0; i < 1000; i++) ;
  printf("parent done\\n");
  fflush(stdout);
  wait(NULL);
  return 0;
}
`;

describe('turns', () => {
  // A CPU's turn that runs out in kernel code ends on the way back to user mode. Checking the mode
  // only at the end of each short overtime slice missed it for good when the loop's period divided
  // the slice: CPU 1 kept its turn for all 20000 calls, and CPU 0 stood still.
  it('a CPU whose task lives in system calls still hands the turn on, whatever the phase of its loop', () => {
    const late: number[] = [];
    for (let delay = 0; delay <= 40; delay++) {
      if (runOn(SYSCALL_LOOP(delay), 2).stdout !== 'parent done\nchild done\n') late.push(delay);
    }
    expect(late).toEqual([]);
  }, 120_000);
});

describe('the timer interrupt', () => {
  it('runs its handler in hardirq context: in_interrupt() is true in scheduler_tick, false around it', () => {
    const { machine } = machineFor(
      `#include <unistd.h>
#include <sys/wait.h>
int main(void) {
  if (fork() == 0) { volatile int s = 0; for (int k = 0; k < 50000; k++) s++; _exit(0); }
  volatile int s = 0;
  for (int k = 0; k < 50000; k++) s++;
  wait(0);
  return 0;
}
`,
      1,
    );
    const kernel = kernelImage().program.functions;
    const hooks = { ...emptyHooks(), functionEntry: new Set([kernel.get('scheduler_tick')!, kernel.get('preempt_schedule_irq')!]) };
    const seen: string[] = [];
    for (let i = 0; i < 100_000 && seen.length < 4; i++) {
      const r = machine.step(4096, hooks);
      if (r.outcome) break;
      if (r.stop?.kind === 'function-entry') seen.push(`${r.stop.code.name} ${machine.inInterrupt(0)}`);
    }
    expect(seen).toEqual(['scheduler_tick true', 'preempt_schedule_irq false', 'scheduler_tick true', 'preempt_schedule_irq false']);
  });
});

describe('CFS', () => {
  it('is the default policy, and shares a CPU by nice weight (nice 0 : nice 5 is 1024 : 335)', () => {
    // Both children print a letter per chunk of work to a pipe; the parent shows the order.
    const source = `#include <stdio.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
  int fds[2];
  char buf[128];
  pipe(fds);
  for (int i = 0; i < 2; i++) {
    if (fork() == 0) {
      if (i == 1) nice(5);
      for (int j = 0; j < 30; j++) {
        volatile int spin = 0;
        for (int k = 0; k < 1000; k++) spin++;
        char c = 'a' + i;
        write(fds[1], &c, 1);
      }
      _exit(0);
    }
  }
  close(fds[1]);
  int n, len = 0;
  while ((n = read(fds[0], buf + len, sizeof buf - len)) > 0) len += n;
  while (wait(NULL) > 0) {
  }
  printf("%.*s\\n", len, buf);
  return 0;
}
`;
    const out = runOn(source, 1).stdout.trim();
    expect(runOn(source, 1, 'cfs').stdout.trim()).toBe(out);
    expect([...out].sort().join('')).toBe('a'.repeat(30) + 'b'.repeat(30));
    // While a (nice 0) does its 30 chunks, b (nice 5) should do about 30 * 335 / 1024 ≈ 10.
    const bsWhileBothRan = [...out.slice(0, out.lastIndexOf('a'))].filter((c) => c === 'b').length;
    expect(bsWhileBothRan).toBeGreaterThanOrEqual(6);
    expect(bsWhileBothRan).toBeLessThanOrEqual(14);
    // Round robin shares it evenly whatever the nice level.
    const fifo = runOn(source, 1, 'fifo').stdout.trim();
    expect([...fifo.slice(0, fifo.lastIndexOf('a'))].filter((c) => c === 'b').length).toBeGreaterThanOrEqual(25);
  });
});

describe('--cpus', () => {
  it('takes 1 to 64 CPUs and refuses 0 and 65 as usage errors', () => {
    expect(parseCliArgs(['run', 'x.c', '--cpus', '64'])).toMatchObject({ cpus: 64 });
    expect(parseCliArgs(['run', 'x.c', '--cpus=1'])).toMatchObject({ cpus: 1 });
    expect(() => parseCliArgs(['run', 'x.c', '--cpus', '0'])).toThrow(UsageError);
    expect(() => parseCliArgs(['run', 'x.c', '--cpus', '65'])).toThrow(/--cpus needs a whole number from 1 to 64, not '65'/);
  });
});
