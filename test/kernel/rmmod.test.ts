// Removing a kernel module on request: Machine.rmmod starts /sbin/rmmod through the kernel's usermode
// helper (kernel/umh.c) at any moment, and `forkscope run --rmmod-after SECONDS` removes the module that
// many virtual seconds after its init returned, instead of once only its kernel threads are left.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseCliArgs } from '../../debug-adapter/cli-args';
import { compile, createMachine, formatDiagnostics } from '../../debug-adapter/engine/index';

const cliPath = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'cli.js');

/** A module whose kernel thread naps in 100 ms steps until kthread_stop, which its exit function calls. */
const TICKER = `#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/delay.h>
#include <linux/sched.h>
MODULE_LICENSE("GPL");
static struct task_struct *worker;
static int loop(void *arg)
{
  while (!kthread_should_stop())
    msleep(100);
  return 0;
}
static int __init ticker_init(void)
{
  worker = kthread_run(loop, NULL, "ticker");
  printk(KERN_INFO "ticker: loaded\\n");
  return 0;
}
static void __exit ticker_exit(void)
{
  printk(KERN_INFO "ticker: exit in %s, child of pid %d\\n", current->comm, current->real_parent->pid);
  /* The thread finishes the nap it is in (msleep sleeps on after a wake-up) before it sees the stop. */
  kthread_stop(worker);
  printk(KERN_INFO "ticker: stopped\\n");
}
module_init(ticker_init);
module_exit(ticker_exit);
`;

/** dmesg's lines as [seconds, text]. */
function stamped(dmesg: string): [number, string][] {
  return dmesg
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const m = /^\[ *(\d+\.\d{6})\] (.*)$/.exec(l);
      if (!m) throw new Error(`not a dmesg line: ${l}`);
      return [Number(m[1]), m[2]!];
    });
}

const at = (log: [number, string][], text: RegExp): number => {
  const line = log.find(([, t]) => text.test(t));
  if (!line) throw new Error(`no ${text} in the log:\n${log.map(([s, t]) => `${s} ${t}`).join('\n')}`);
  return line[0];
};

const TIMEOUT = { timeout: 60_000 };

describe('Machine.rmmod', TIMEOUT, () => {
  it('starts rmmod through the usermode helper whenever asked; the late rmmod of the session then finds nothing to remove', () => {
    const file = '/work/ticker.c';
    const c = compile(file, { readFile: (p) => (p === file ? TICKER : undefined) });
    if (!c.program) throw new Error(formatDiagnostics(c.diagnostics, c.sources));
    const err: Uint8Array[] = [];
    const machine = createMachine(
      c.program,
      { argv: [file], stdio: 'pipe', stdout: () => {}, stderr: (b) => err.push(b.slice()) },
      { rmmodAfterSeconds: 5 },
    );
    // Run until the module is in, then ask for its removal.
    let asked = false;
    let outcome;
    while (!(outcome = machine.step(4096).outcome)) {
      if (!asked && machine.dmesg().includes('ticker: loaded')) {
        machine.rmmod('ticker');
        asked = true;
      }
    }
    const log = stamped(machine.dmesg());
    // The usermode helper's rmmod is kthreadd's child, as in Linux.
    expect(at(log, /^ticker: exit in rmmod, child of pid 2$/)).toBeLessThan(0.01);
    expect(at(log, /^ticker: stopped$/)).toBeLessThan(0.11);
    // The session's own rmmod, 5 s later, is a second one.
    expect(Buffer.concat(err).toString()).toContain('rmmod: ERROR: Module ticker is not currently loaded\n');
    expect(outcome).toMatchObject({ kind: 'exited', status: 1 });
  });
});

describe('--rmmod-after', TIMEOUT, () => {
  let workDir: string;
  beforeAll(() => {
    const buildError = inject('distBuildError');
    if (buildError !== null) throw new Error(`building dist/ failed:\n${buildError}`);
    workDir = mkdtempSync(join(tmpdir(), 'forkscope-rmmod-'));
  });
  afterAll(() => {
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });
  const forkscope = (args: string[]) => spawnSync(process.execPath, [cliPath, ...args], { cwd: workDir, encoding: 'utf8', timeout: 60_000 });

  it('parses a number of seconds', () => {
    expect(parseCliArgs(['run', 'm.c', '--rmmod-after', '2'])).toMatchObject({ rmmodAfter: 2 });
    expect(parseCliArgs(['run', 'm.c', '--rmmod-after=0.25'])).toMatchObject({ rmmodAfter: 0.25 });
    expect(() => parseCliArgs(['run', 'm.c', '--rmmod-after', 'soon'])).toThrow(/--rmmod-after needs a number of seconds/);
  });

  it("runs the module's exit function 2 virtual seconds after its init returned", () => {
    writeFileSync(join(workDir, 'ticker.c'), TICKER);
    const r = forkscope(['run', 'ticker.c', '--rmmod-after', '2', '--dmesg']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const log = stamped(r.stdout);
    const removed = at(log, /^ticker: exit in rmmod/) - at(log, /^ticker: loaded$/);
    expect(removed).toBeGreaterThanOrEqual(2);
    expect(removed).toBeLessThan(2.01);
  });

  it('without it, the module goes once only its kernel thread is left: at once', () => {
    const r = forkscope(['run', 'ticker.c']);
    expect(r.status).toBe(0);
    const log = stamped(r.stdout);
    expect(at(log, /^ticker: exit in rmmod/) - at(log, /^ticker: loaded$/)).toBeLessThan(0.01);
  });

  it('is refused for a program that is no module', () => {
    writeFileSync(join(workDir, 'plain.c'), 'int main(void) { return 0; }\n');
    const r = forkscope(['run', 'plain.c', '--rmmod-after', '1']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('forkscope: --rmmod-after: plain.c is not a kernel module (it has no module_init)\n');
  });
});
