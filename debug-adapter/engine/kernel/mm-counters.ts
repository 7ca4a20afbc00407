// The memory counters of each mm_struct (rss_stat and Forkscope's own, see linux/sched.h), kept from
// the pages of its address space, and the `--mem` table that shows them per process, as `ps` shows
// columns. Cheap counts (faults) are copied whenever a task leaves the CPU; the page counts need a walk
// of the page table (AddressSpace.stats), so they are taken only when asked for and as an mm goes.
import { findMember } from '../lang/types';
import type { AddressSpace } from '../vm/memory';
import type { StructView } from './layout';

const MM_FILEPAGES = 0;
const MM_ANONPAGES = 1;
const RSS_COUNTER_SIZE = 8;

/** What an address space's page table holds, counted. */
export interface PageCounts {
  residentPages: number;
  /** Resident pages another address space maps too: a forked relative's, or the program image's. */
  sharedPages: number;
  /** Resident pages only this process maps (after copy-on-write, or written fresh). */
  privatePages: number;
  cowFaults: number;
  demandZeroFaults: number;
}

/** One process's memory, as the kernel's mm_struct counts it. */
export interface MemoryCounters extends PageCounts {
  pid: number;
  comm: string;
  /** mm_users: the tasks sharing this memory (a process's threads, a vfork child before it execs). */
  users: number;
  /** rss_stat[MM_ANONPAGES] and rss_stat[MM_FILEPAGES] (always 0: Forkscope has no page cache). */
  anonPages: number;
  filePages: number;
}

/** A walk of the page table: O(pages), so never per switch. */
export function countPages(space: AddressSpace): PageCounts {
  const s = space.stats();
  return {
    residentPages: s.residentPages,
    sharedPages: s.sharedPages,
    privatePages: s.residentPages - s.sharedPages,
    cowFaults: s.cowFaults,
    demandZeroFaults: s.demandZeroFaults,
  };
}

/** Reads and writes the counters of mm_structs in kernel memory. */
export class MmCounters {
  private readonly rssStat: number;
  private readonly sharedPages: number;
  private readonly privatePages: number;
  private readonly cowFaults: number;
  private readonly demandZeroFaults: number;

  constructor(private readonly kmem: AddressSpace, private readonly mm: StructView) {
    this.rssStat = mm.offsetOf('rss_stat');
    this.sharedPages = forkscopeField(mm, 'shared_pages');
    this.privatePages = forkscopeField(mm, 'private_pages');
    this.cowFaults = forkscopeField(mm, 'cow_faults');
    this.demandZeroFaults = forkscopeField(mm, 'demand_zero_faults');
  }

  /** O(1), for every context switch: the faults the memory has taken so far. */
  syncFaults(mmAddr: number, space: AddressSpace): void {
    this.kmem.write64(mmAddr + this.cowFaults, space.cowFaults);
    this.kmem.write64(mmAddr + this.demandZeroFaults, space.demandZeroFaults);
  }

  /** Every counter of the mm at `mmAddr` brought up to date from its address space, and returned. */
  sync(mmAddr: number, space: AddressSpace, pid: number, comm: string): MemoryCounters {
    const pages = countPages(space);
    const counters: MemoryCounters = {
      pid,
      comm,
      users: this.mm.get(this.kmem, mmAddr, 'mm_users'),
      ...pages,
      anonPages: pages.residentPages,
      filePages: 0,
    };
    this.kmem.write64(mmAddr + this.rssStat + MM_ANONPAGES * RSS_COUNTER_SIZE, counters.anonPages);
    this.kmem.write64(mmAddr + this.rssStat + MM_FILEPAGES * RSS_COUNTER_SIZE, counters.filePages);
    this.kmem.write64(mmAddr + this.sharedPages, counters.sharedPages);
    this.kmem.write64(mmAddr + this.privatePages, counters.privatePages);
    this.syncFaults(mmAddr, space);
    return counters;
  }
}

/** The offset in mm_struct of a member of its `forkscope` counters. */
function forkscopeField(mm: StructView, name: string): number {
  const stat = findMember(mm.type, 'forkscope');
  const field = stat?.member.type.kind === 'struct' ? findMember(stat.member.type, name) : undefined;
  if (!stat || !field) throw new Error(`mm_struct has no forkscope.${name}`);
  return stat.offset + field.offset;
}

/**
 * The user's program's processes, for `--mem`: each one's counters as its memory went (at exit, or
 * at an exec, which a later row for the same PID replaces), plus those of processes still running
 * when the table is drawn.
 */
export class MemoryRecords {
  private readonly rows = new Map<number, MemoryRow>();
  /** When the program's process was forked: only it and the processes after it are the program's. */
  private programStart: number | undefined;

  programStarted(startTime: number): void {
    this.programStart ??= startTime;
  }

  isProgramProcess(startTime: number): boolean {
    return this.programStart !== undefined && startTime >= this.programStart;
  }

  record(row: MemoryRow): void {
    this.rows.set(row.pid, row);
  }

  /** The table, oldest process first, with `live` (the processes still running) merged in. */
  table(live: readonly MemoryRow[]): string {
    const rows = new Map(this.rows);
    for (const r of live) rows.set(r.pid, r);
    return formatMemoryTable([...rows.values()].sort((a, b) => a.startTime - b.startTime));
  }
}

/** A line of the --mem table: a process (by its PID, which its threads share) and its memory. */
export interface MemoryRow extends PageCounts {
  pid: number;
  comm: string;
  /** When the process was forked (task_struct's start_time): rows go oldest first. */
  startTime: number;
}

/** ps-like columns: numbers right-aligned under their headings, the command last. Pages are 4 KiB. */
export function formatMemoryTable(rows: readonly MemoryRow[]): string {
  const header = ['PID', 'RSS', 'SHARED', 'PRIVATE', 'COWFLT'];
  const widths = [7, 6, 7, 8, 7];
  const line = (cells: (string | number)[], comm: string): string =>
    cells.map((c, i) => String(c).padStart(widths[i]!)).join(' ') + ' ' + comm + '\n';
  let out = line(header, 'COMMAND');
  for (const r of rows) out += line([r.pid, r.residentPages, r.sharedPages, r.privatePages, r.cowFaults], r.comm);
  return out;
}
