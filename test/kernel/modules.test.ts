// Kernel modules: a C file using module_init is loaded by insmod (its init runs in insmod's process
// context) and removed by rmmod once only its kernel threads are left; what it prints is the kernel log.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../debug-adapter/engine/api';
import { compile, createMachine, formatDiagnostics, isKernelModule } from '../../debug-adapter/engine/index';

interface ModuleRun {
  outcome: RunOutcome;
  /** The kernel log as dmesg prints it, with the timestamps taken off. */
  log: string[];
  stderr: string;
}

function runModule(file: string, source: string): ModuleRun {
  const c = compile(file, { readFile: (p) => (p === file ? source : undefined) });
  if (!c.program) throw new Error(formatDiagnostics(c.diagnostics, c.sources));
  expect(isKernelModule(c.program)).toBe(true);
  const err: Uint8Array[] = [];
  const machine = createMachine(c.program, { argv: [file], stdio: 'pipe', maxSteps: 5_000_000, stdout: () => {}, stderr: (b) => err.push(b.slice()) });
  const outcome = machine.run();
  const log = machine.dmesg().split('\n').filter((l) => l !== '').map((l) => l.replace(/^\[ *\d+\.\d{6}\] /, ''));
  return { outcome, log, stderr: Buffer.concat(err).toString() };
}

function runSample(name: string): ModuleRun {
  const file = path.join(__dirname, '../../sample-programs', name);
  return runModule(file, readFileSync(file, 'utf8'));
}

const MODULE_HEADER = `#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/delay.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/completion.h>
MODULE_LICENSE("GPL");
`;

describe('for_each_process.c', () => {
  const r = runSample('for_each_process.c');
  const rows = r.log.filter((l) => /^ *\d+ \S+ +[RSDIZ] +\d+$/.test(l)).map((l) => l.trim().split(/ +/));

  it('lists the boot tasks with their parents, then the session that loaded the module', () => {
    expect(r.outcome.kind).toBe('exited');
    expect(rows.slice(0, 3)).toEqual([
      ['0', 'swapper/0', 'R', '0'],
      ['1', 'init', 'S', '0'],
      ['2', 'kthreadd', 'S', '0'],
    ]);
    const byComm = new Map(rows.map((row) => [row[1], row]));
    for (const k of ['kworker/0:0', 'kworker/0:0H']) expect(byComm.get(k)?.slice(2)).toEqual(['I', '2']);
    for (const k of ['ksoftirqd/0', 'migration/0', 'cpuhp/0']) expect(byComm.get(k)?.slice(2)).toEqual(['S', '2']);
    // insmod runs the module's init: it is the running task, a user process outside kthreadd's tree.
    const insmod = byComm.get('insmod')!;
    expect(insmod[2]).toBe('R');
    expect(insmod[3]).not.toBe('2');
  });

  it("walks init_task's and kthreadd's children lists", () => {
    const at = r.log.indexOf('children of swapper/0 (pid 0):');
    expect(r.log.slice(at + 1, at + 3).map((l) => l.trim())).toEqual(['1 init', '2 kthreadd']);
    const k = r.log.indexOf('children of kthreadd (pid 2):');
    const kids = r.log.slice(k + 1).filter((l) => l.startsWith('  ')).map((l) => l.trim().split(' ')[1]);
    expect(kids).toEqual(['kworker/0:0', 'kworker/0:0H', 'ksoftirqd/0', 'migration/0', 'cpuhp/0']);
  });

  it('runs module_exit from rmmod', () => {
    expect(r.log[r.log.length - 1]).toMatch(/^tasks: bye from rmmod \(pid \d+\)$/);
  });
});

describe('kthread.c', () => {
  const r = runSample('kthread.c');

  it('ticks once a second while insmod sleeps 3.5 s, then once more until kthread_stop', () => {
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 0 });
    const ticks = r.log.filter((l) => l.startsWith('hello_thread: tick'));
    expect(ticks).toHaveLength(4);
    // The thread is kthreadd's child and has no user memory.
    for (const t of ticks) expect(t).toMatch(/\(pid \d+, parent kthreadd\/2, mm NULL\)$/);
    expect(r.log[0]).toMatch(/^hello: loading, in the context of insmod \(pid \d+\)$/);
    expect(r.log).toContain('hello_thread: asked to stop after 4 ticks');
    expect(r.log[r.log.length - 1]).toMatch(/^hello: unloading, in the context of rmmod \(pid \d+\); the thread ticked 4 times$/);
  });

  it('stamps the ticks with the virtual clock: msleep(1000) sleeps 251 jiffies of 4 ms', () => {
    const c = compile('/m/kthread.c', { readFile: () => readFileSync(path.join(__dirname, '../../sample-programs/kthread.c'), 'utf8') });
    const machine = createMachine(c.program!, { argv: ['/m/kthread.c'], stdio: 'pipe', stdout: () => {}, stderr: () => {} });
    machine.run();
    const times = machine.dmesg().split('\n').filter((l) => /tick \d/.test(l)).map((l) => Number(/\[ *([\d.]+)\]/.exec(l)![1]));
    expect(times.slice(1).map((t, i) => Math.round((t - times[i]!) * 1000))).toEqual([1004, 1004, 1004]);
  });
});

describe('kernel threads', () => {
  it('kthread_stop returns what the thread function returned, and a thread stopped before it ran returns -EINTR', () => {
    const r = runModule('/m/stopper.c', `${MODULE_HEADER}
static int answer(void *data) {
  while (!kthread_should_stop())
    msleep(10);
  return 42;
}
static int never_run(void *data) { printk("never printed\\n"); return 0; }
static int __init stopper_init(void) {
  struct task_struct *a = kthread_run(answer, NULL, "answer/%d", 7);
  struct task_struct *b = kthread_create(never_run, NULL, "idle_%s", "b");
  printk(KERN_INFO "created %s and %s, state %u\\n", a->comm, b->comm, b->__state);
  msleep(50);
  printk(KERN_INFO "kthread_stop(a) = %d\\n", kthread_stop(a));
  printk(KERN_INFO "kthread_stop(b) = %d\\n", kthread_stop(b));
  return 0;
}
static void __exit stopper_exit(void) {}
module_init(stopper_init);
module_exit(stopper_exit);
`);
    expect(r.log).toEqual(['created answer/7 and idle_b, state 2', 'kthread_stop(a) = 42', 'kthread_stop(b) = -4']);
  });

  it('wait_event sleeps until a condition wake_up announces holds: a producer and a consumer', () => {
    const r = runModule('/m/pc.c', `${MODULE_HEADER}
static DECLARE_WAIT_QUEUE_HEAD(wq);
static DEFINE_SPINLOCK(lock);
static DECLARE_COMPLETION(all_consumed);
static int items;
static int consumed;
static struct task_struct *producer, *consumer;

static int produce(void *data) {
  int i;
  for (i = 0; i < 3; i++) {
    msleep(100);
    spin_lock(&lock);
    items++;
    spin_unlock(&lock);
    printk(KERN_INFO "produced item %d\\n", i);
    wake_up(&wq);
  }
  return 0;
}

static int consume(void *data) {
  while (consumed < 3) {
    wait_event(wq, items > 0);
    spin_lock(&lock);
    items--;
    spin_unlock(&lock);
    printk(KERN_INFO "consumed item %d\\n", consumed++);
  }
  complete(&all_consumed);
  return consumed;
}

static int __init pc_init(void) {
  consumer = kthread_run(consume, NULL, "consumer");
  producer = kthread_run(produce, NULL, "producer");
  msleep(50);
  printk(KERN_INFO "consumer state %u (TASK_UNINTERRUPTIBLE), items %d\\n", consumer->__state, items);
  wait_for_completion(&all_consumed);
  return 0;
}
static void __exit pc_exit(void) {
  printk(KERN_INFO "items left %d\\n", items);
}
module_init(pc_init);
module_exit(pc_exit);
`);
    expect(r.outcome.kind).toBe('exited');
    expect(r.log).toEqual([
      'consumer state 2 (TASK_UNINTERRUPTIBLE), items 0',
      'produced item 0', 'consumed item 0',
      'produced item 1', 'consumed item 1',
      'produced item 2', 'consumed item 2',
      'items left 0',
    ]);
  });

  it('reports "BUG: scheduling while atomic" when msleep is called under a spinlock, to the log and the console', () => {
    const r = runModule('/m/atomic.c', `${MODULE_HEADER}
static DEFINE_SPINLOCK(lock);
static int __init atomic_init(void) {
  spin_lock(&lock);
  msleep(10);
  spin_unlock(&lock);
  printk(KERN_INFO "still here\\n");
  return 0;
}
static void __exit atomic_exit(void) {}
module_init(atomic_init);
module_exit(atomic_exit);
`);
    const bug = r.log.find((l) => l.startsWith('BUG:'));
    expect(bug).toMatch(/^BUG: scheduling while atomic: insmod\/\d+\/0x00000002$/);
    expect(r.stderr).toMatch(/\[ *\d+\.\d+\] BUG: scheduling while atomic: insmod\/\d+\/0x00000002\n/);
    expect(r.log).toContain('still here');
    // Without the lock, sleeping is fine.
    const ok = runModule('/m/fine.c', `${MODULE_HEADER}
static int __init fine_init(void) { msleep(10); return 0; }
static void __exit fine_exit(void) {}
module_init(fine_init);
module_exit(fine_exit);
`);
    expect(ok.log.some((l) => l.startsWith('BUG:'))).toBe(false);
  });
});

describe('mutexes and atomic counters', () => {
  // Two kthreads each add 1 to a shared counter three times, sleeping between the read and the write.
  // Under the mutex the other sleeps (D) until the holder unlocks, and no update is lost; without it,
  // both read the same value and updates are lost. <linux/sched/signal.h> is where today's modules
  // find for_each_process.
  const COUNTER = (locked: boolean) => `${MODULE_HEADER}
#include <linux/sched/signal.h>
#include <linux/mutex.h>
#include <linux/atomic.h>
static DEFINE_MUTEX(lock);
static int shared;
static atomic_t rounds = ATOMIC_INIT(0);
static int worker(void *data) {
  for (int i = 0; i < 3; i++) {
    ${locked ? 'mutex_lock(&lock);' : ''}
    int v = shared;
    msleep(5);
    shared = v + 1;
    ${locked ? 'mutex_unlock(&lock);' : ''}
    atomic_inc(&rounds);
  }
  return 0;
}
static int __init counter_init(void) {
  struct task_struct *p;
  int tasks = 0;
  for_each_process(p)
    tasks++;
  kthread_run(worker, NULL, "worker-a");
  kthread_run(worker, NULL, "worker-b");
  msleep(200);
  printk(KERN_INFO "shared %d, rounds %d, locked %d, walked %d\\n", shared, atomic_read(&rounds), mutex_is_locked(&lock), tasks > 3);
  return 0;
}
static void __exit counter_exit(void) {}
module_init(counter_init);
module_exit(counter_exit);
`;

  it('keeps every update under the mutex, while the other kthread sleeps; loses some without it', () => {
    expect(runModule('/m/locked.c', COUNTER(true)).log).toContain('shared 6, rounds 6, locked 0, walked 1');
    const unlocked = runModule('/m/unlocked.c', COUNTER(false)).log.find((l) => l.startsWith('shared '));
    expect(unlocked).toMatch(/^shared [1-5], rounds 6, locked 0, walked 1$/);
  });

  it('gives the atomic operations their new or old value as Linux names them, and mutex_trylock its answer', () => {
    const r = runModule('/m/atomic.c', `${MODULE_HEADER}
#include <linux/mutex.h>
#include <linux/atomic.h>
static DEFINE_MUTEX(lock);
static int __init atomic_init(void) {
  atomic_t v = ATOMIC_INIT(2);
  int a = atomic_inc_return(&v);
  int b = atomic_fetch_add(10, &v);
  int c = atomic_dec_and_test(&v);
  int d = atomic_cmpxchg(&v, 12, 0);
  int e = atomic_sub_and_test(0, &v);
  int t1 = mutex_trylock(&lock);
  int t2 = mutex_trylock(&lock);
  mutex_unlock(&lock);
  printk(KERN_INFO "%d %d %d %d %d %d, trylock %d then %d, locked %d\\n", a, b, c, d, e, atomic_read(&v), t1, t2, mutex_is_locked(&lock));
  return 0;
}
static void __exit atomic_exit(void) {}
module_init(atomic_init);
module_exit(atomic_exit);
`);
    expect(r.log).toContain('3 3 0 12 1 0, trylock 1 then 0, locked 0');
  });
});

describe('pending signals', () => {
  it('keeps a sigqueue for each pending signal only: one per non-realtime signal, freed when flushed', () => {
    // insmod's process context: its own SIGUSR1 and SIGUSR2 blocked, so that they stay pending.
    const r = runModule('/m/sigqueue.c', `${MODULE_HEADER}
static void show(const char *when)
{
  struct sigqueue *q;
  int n = 0;
  list_for_each_entry(q, &current->pending_queue, list) {
    printk(KERN_INFO "%s: signo %d code %#x\\n", when, q->info.si_signo, q->info.si_code);
    n++;
  }
  printk(KERN_INFO "%s: %d queued, pending %#lx\\n", when, n, current->pending);
}
static int __init sq_init(void)
{
  current->blocked |= sigmask(SIGUSR1) | sigmask(SIGUSR2);
  show("before");
  send_sig_info(SIGUSR2, SEND_SIG_PRIV, current);
  send_sig_info(SIGUSR1, SEND_SIG_PRIV, current);
  send_sig_info(SIGUSR2, SEND_SIG_PRIV, current);
  show("sent");
  flush_sigqueue(&current->pending, &current->pending_queue);
  show("flushed");
  return 0;
}
static void __exit sq_exit(void) {}
module_init(sq_init);
module_exit(sq_exit);
`);
    expect(r.log).toEqual([
      'before: 0 queued, pending 0',
      'sent: signo 12 code 0x80',
      'sent: signo 10 code 0x80',
      'sent: 2 queued, pending 0xa00',
      'flushed: 0 queued, pending 0',
    ]);
    expect(r.stderr).toBe('');
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 0 });
  });
});

describe('module loading', () => {
  it('fails insmod when init returns an error, and then runs no module_exit', () => {
    const r = runModule('/m/broken.c', `${MODULE_HEADER}
#include <linux/errno.h>
static int __init broken_init(void) { printk(KERN_INFO "broken: init\\n"); return -ENOMEM; }
static void __exit broken_exit(void) { printk(KERN_INFO "broken: exit\\n"); }
module_init(broken_init);
module_exit(broken_exit);
`);
    expect(r.log).toEqual(['broken: init']);
    expect(r.stderr).toBe('insmod: ERROR: could not insert module broken.ko: Cannot allocate memory\n');
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 1 });
  });

  // Linux 6.1 prints the same lines (with addresses where Forkscope has source lines, as
  // scripts/decode_stacktrace.sh shows them) and kills the task; the kernel goes on.
  it('reports an oops when init dereferences NULL: the fault, the task, where, the call trace; insmod dies of SIGKILL', () => {
    const r = runModule('/m/oops.c', `${MODULE_HEADER}
static int *nowhere;
static int __init oops_init(void) {
  printk(KERN_INFO "oops: before\\n");
  *nowhere = 1;
  printk(KERN_INFO "oops: never\\n");
  return 0;
}
static void __exit oops_exit(void) {}
module_init(oops_init);
module_exit(oops_exit);
`);
    const from = r.log.indexOf('oops: before') + 1;
    expect(r.log.slice(from)).toEqual([
      'BUG: kernel NULL pointer dereference, address: 0000000000000000',
      '#PF: supervisor write access in kernel mode',
      '#PF: error_code(0x0002) - not-present page',
      'Oops: 0002 [#1] SMP',
      expect.stringMatching(/^CPU: 0 PID: \d+ Comm: insmod$/),
      'RIP: 0010:oops_init (/m/oops.c:14)',
      'Call Trace:',
      ' <TASK>',
      ' do_one_initcall (kernel/module/main.c:60)',
      ' do_init_module (kernel/module/main.c:68)',
      ' sys_init_module (kernel/module/main.c:87)',
      ' </TASK>',
    ]);
    // Oops lines reach the console whatever their level.
    expect(r.stderr).toMatch(/\] Oops: 0002 \[#1\] SMP\n/);
    // The session that ran insmod reports its death as a shell does: 128 + SIGKILL.
    expect(r.outcome).toMatchObject({ kind: 'exited', status: 137 });
  });

  it('numbers oopses, and reports a division by zero in kernel code as a divide error', () => {
    const r = runModule('/m/div.c', `${MODULE_HEADER}
static volatile int zero;
static int worker(void *data) {
  return 1 / zero;
}
static int __init div_init(void) {
  struct task_struct *t = kthread_run(worker, NULL, "divider");
  msleep(10);
  *(volatile int *)zero = 0;
  return 0;
}
static void __exit div_exit(void) {}
module_init(div_init);
module_exit(div_exit);
`);
    const oopses = r.log.filter((l) => /\[#\d\] SMP$/.test(l) || l.startsWith('CPU: '));
    expect(oopses).toEqual([
      'divide error: 0000 [#1] SMP',
      expect.stringMatching(/^CPU: 0 PID: \d+ Comm: divider$/),
      'Oops: 0002 [#2] SMP',
      expect.stringMatching(/^CPU: 0 PID: \d+ Comm: insmod$/),
    ]);
    expect(r.log).toContain('RIP: 0010:worker (/m/div.c:13)');
  });

  // On Linux both CPUs would spin forever (until the soft-lockup watchdog barks); Forkscope knows no one
  // can ever release the lock, and ends the run saying who spins on whose lock.
  it('ends the run when a task spins on a spinlock it holds itself, naming the line that took it again', () => {
    const r = runModule('/m/twice.c', `${MODULE_HEADER}
static DEFINE_SPINLOCK(lock);
static int __init twice_init(void) {
  spin_lock(&lock);
  spin_lock(&lock);
  return 0;
}
static void __exit twice_exit(void) {}
module_init(twice_init);
module_exit(twice_exit);
`);
    expect(r.log).toContainEqual(expect.stringMatching(/^BUG: spinlock recursion on CPU#0, insmod\/\d+$/));
    expect(r.outcome.kind).toBe('deadlock');
    const message = r.outcome.kind === 'deadlock' ? r.outcome.message.split('\n') : [];
    expect(message).toEqual([
      expect.stringMatching(/^no task can run again: insmod \(pid \d+\) spins on a spinlock it holds itself$/),
      expect.stringMatching(/^ {2}insmod \(pid \d+\) spins in spin_lock\(\) at kernel\/locking\/spinlock\.c:\d+, called from twice_init\(\) at \/m\/twice\.c:14$/),
    ]);
  });

  it('ends the run when the only CPU spins on a spinlock whose holder sleeps, and names the holder', () => {
    const r = runModule('/m/holder.c', `${MODULE_HEADER}
static DEFINE_SPINLOCK(lock);
static int holder(void *data) {
  spin_lock(&lock);
  msleep(100);
  spin_unlock(&lock);
  return 0;
}
static int __init holder_init(void) {
  kthread_run(holder, NULL, "holder");
  msleep(10);
  spin_lock(&lock);
  spin_unlock(&lock);
  return 0;
}
static void __exit holder_exit(void) {}
module_init(holder_init);
module_exit(holder_exit);
`);
    expect(r.outcome.kind).toBe('deadlock');
    const message = r.outcome.kind === 'deadlock' ? r.outcome.message.split('\n') : [];
    expect(message[0]).toMatch(/^no task can run again: insmod \(pid \d+\) spins on a spinlock that holder \(pid \d+\) holds, and this CPU will never run it$/);
    expect(message[1]).toMatch(/called from holder_init\(\) at \/m\/holder\.c:21$/);
    expect(message[2]).toMatch(/^ {2}holder \(pid \d+\) holds it, stopped in \w+\(\) at /);
  });

  it('ends the run when a task spins on a spinlock whose holder exited holding it', () => {
    const r = runModule('/m/gone.c', `${MODULE_HEADER}
static DEFINE_SPINLOCK(lock);
static int holder(void *data) {
  spin_lock(&lock);
  return 0;
}
static int __init gone_init(void) {
  kthread_run(holder, NULL, "holder");
  msleep(10);
  spin_lock(&lock);
  return 0;
}
static void __exit gone_exit(void) {}
module_init(gone_init);
module_exit(gone_exit);
`);
    expect(r.outcome.kind).toBe('deadlock');
    const message = r.outcome.kind === 'deadlock' ? r.outcome.message.split('\n') : [];
    expect(message).toEqual([
      expect.stringMatching(/^no task can run again: insmod \(pid \d+\) spins on a spinlock whose holder has exited$/),
      expect.stringMatching(/called from gone_init\(\) at \/m\/gone\.c:19$/),
    ]);
  });

  it('rejects a module that calls what the kernel does not export, at link time', () => {
    const c = compile('/m/bad.c', { readFile: () => `${MODULE_HEADER}
static int __init bad_init(void) { printf("hi\\n"); return 0; }
module_init(bad_init);
` });
    expect(c.program).toBeUndefined();
    expect(formatDiagnostics(c.diagnostics, c.sources)).toContain("undefined reference to 'printf'");
  });

  it('keeps programs without module_init ordinary user programs', () => {
    const c = compile('/m/prog.c', { readFile: () => 'int main(void) { return 0; }' });
    expect(isKernelModule(c.program!)).toBe(false);
  });
});
