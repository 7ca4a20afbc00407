// Memory counters per process (mm_struct's rss_stat and Forkscope's shared/private/CoW counts), read
// through Machine.memoryCounters while the program runs, and the --mem table drawn at its end.
import { describe, expect, it } from 'vitest';
import { bootProgram, runUntil } from '../support/stepped-machine';
import { kernelImage } from '../../debug-adapter/engine/kernel/image';
import { StructView } from '../../debug-adapter/engine/kernel/layout';


const PAGES = 20;
const FORK_AND_WRITE = `#include <stdio.h>
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>
#define N ${PAGES}
/* One page more on each side: the pages written hold nothing else (the C library's data, which the
   parent writes, may share a page with the array's ends). */
static char big[(N + 2) * 4096];
int main(void) {
  for (int i = 1; i <= N; i++) big[i * 4096] = 1;
  pid_t pid = fork();
  if (pid == 0) {
    sleep(1);
    for (int i = 1; i <= N; i++) big[i * 4096] = 2;
    sleep(100);
    _exit(0);
  }
  printf("forked %d %d\\n", getpid(), pid);
  fflush(stdout);
  sleep(2);
  printf("written %d %d\\n", getpid(), pid);
  fflush(stdout);
  kill(pid, SIGKILL);
  waitpid(pid, NULL, 0);
  return 0;
}
`;

describe('memory counters per process', () => {
  it('after fork, parent and child share their pages; a child writing N pages takes N CoW faults and owns them', () => {
    const m = bootProgram(FORK_AND_WRITE);
    const [parent, child] = runUntil(m, 'forked');
    const p0 = m.machine.memoryCounters(parent!)!;
    const c0 = m.machine.memoryCounters(child!)!;
    expect(c0.users).toBe(1);
    expect(c0.residentPages).toBeGreaterThanOrEqual(PAGES);
    // Right after fork every page of the child is the parent's too (a stack page or two may have been copied already).
    expect(c0.sharedPages).toBeGreaterThanOrEqual(PAGES);
    expect(p0.sharedPages).toBeGreaterThanOrEqual(PAGES);
    expect(c0.cowFaults).toBeLessThan(5);

    runUntil(m, 'written');
    const c1 = m.machine.memoryCounters(child!)!;
    const p1 = m.machine.memoryCounters(parent!)!;
    expect(c1.cowFaults - c0.cowFaults).toBeGreaterThanOrEqual(PAGES);
    expect(c1.cowFaults - c0.cowFaults).toBeLessThan(PAGES + 3);
    expect(c1.privatePages).toBeGreaterThanOrEqual(PAGES);
    expect(c1.privatePages + c1.sharedPages).toBe(c1.residentPages);
    expect(c1.anonPages).toBe(c1.residentPages);
    // The parent's copies of those pages are its own again: nobody else maps them.
    expect(p1.privatePages - p0.privatePages).toBeGreaterThanOrEqual(PAGES);
  });

  it('keeps the fault counters in the mm_struct as the task leaves the CPU, where kernel code reads them', () => {
    const m = bootProgram(FORK_AND_WRITE);
    const [, child] = runUntil(m, 'written');
    const image = kernelImage();
    const task = new StructView(image.taskStruct);
    const mm = new StructView(image.mmStruct);
    const kmem = m.machine.kmem;
    // for_each_process, from init_task along the tasks list.
    const head = image.program.globals.get('init_task')!.addr;
    const tasksOffset = task.offsetOf('tasks');
    let ts = Number(kmem.readU64(head + tasksOffset)) - tasksOffset;
    while (ts !== head && task.get(kmem, ts, 'pid') !== child) ts = Number(kmem.readU64(ts + tasksOffset)) - tasksOffset;
    expect(ts).not.toBe(head);
    const mmAddr = task.get(kmem, ts, 'mm');
    const stat = mm.offsetOf('forkscope');
    // struct forkscope_mm_stat: shared_pages, private_pages, cow_faults, demand_zero_faults.
    const cowFaults = Number(kmem.readU64(mmAddr + stat + 16));
    expect(cowFaults).toBeGreaterThanOrEqual(PAGES);
    // The page counts are brought up to date when asked for.
    const counted = m.machine.memoryCounters(child!)!;
    expect(Number(kmem.readU64(mmAddr + stat + 8))).toBe(counted.privatePages);
    expect(Number(kmem.readU64(mmAddr + mm.offsetOf('rss_stat') + 8))).toBe(counted.residentPages); // MM_ANONPAGES
  });

  it('a thread shares its process mm (mm_users 2); kernel threads have none', () => {
    const m = bootProgram(`#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
static void *nap(void *arg) { (void)arg; sleep(5); return NULL; }
int main(void) {
  pthread_t t;
  pthread_create(&t, NULL, nap, NULL);
  printf("ready %d\\n", getpid());
  fflush(stdout);
  pthread_join(t, NULL);
  return 0;
}
`);
    const [pid] = runUntil(m, 'ready');
    expect(m.machine.memoryCounters(pid!)).toMatchObject({ pid, users: 2, comm: 'prog' });
    expect(m.machine.memoryCounters(2)).toBeNull(); // kthreadd
    expect(m.machine.memoryCounters(31999)).toBeUndefined();
  });

  it("--mem: a table of the program's processes, the child with its CoW faults and private pages", () => {
    const m = bootProgram(FORK_AND_WRITE.replace('sleep(100);', ''));
    m.machine.keepMemoryRecords();
    const [parent, child] = runUntil(m, 'written');
    while (!m.machine.step(4096).outcome);
    const lines = m.machine.memoryTable().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ +PID +RSS +SHARED +PRIVATE +COWFLT COMMAND$/);
    expect(lines).toHaveLength(3); // the program and its child: not init, nor the shell
    const row = (pid: number) => lines.find((l) => l.trim().startsWith(`${pid} `))!.trim().split(/\s+/);
    const [, rss, shared, priv, cow, comm] = row(child!);
    expect(comm).toBe('prog');
    expect(Number(cow)).toBeGreaterThanOrEqual(PAGES);
    expect(Number(priv)).toBeGreaterThanOrEqual(PAGES);
    expect(Number(shared) + Number(priv)).toBe(Number(rss));
    expect(row(parent!)[5]).toBe('prog');
  });
});
