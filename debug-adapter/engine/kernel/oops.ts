// What Linux prints when kernel code faults, and what then becomes of the task: arch/x86/mm/fault.c's
// page_fault_oops and show_fault_oops, traps.c's do_error_trap and dumpstack.c's __die. The report
// names the fault, numbers the oops (die_counter), names the task, and gives the call trace, its
// frames decoded to source lines as scripts/decode_stacktrace.sh decodes Linux's addresses. Oops lines
// go to the console whatever its level (oops_begin's console_verbose), hence KERN_ALERT. The task then
// dies of SIGKILL (make_task_dead), and the kernel goes on.
import { SIGFPE, SIGSEGV, SignalFault } from '../vm/faults';
import { MemoryFault, PAGE_SIZE } from '../vm/memory';
import type { Frame } from '../vm/thread';

const KERN_ALERT = '\x011';
/** The page fault error code's bits (arch/x86/include/asm/trap_pf.h). */
const X86_PF_PROT = 0x1;
const X86_PF_WRITE = 0x2;

/** Who faulted: what __die's "CPU: … PID: … Comm: …" line shows. */
export interface OopsTask {
  cpu: number;
  pid: number;
  comm: string;
}

const hex16 = (n: number): string => n.toString(16).padStart(16, '0');

/** A frame as decode_stacktrace.sh prints a return address: the function and its source line. */
function decoded(f: Frame): string {
  const pos = f.code.opPos[Math.max(0, f.pc - 1)] ?? f.code.pos;
  return `${f.code.name} (${pos.file}:${pos.line})`;
}

/** The lines before the task's: what faulted, then the Oops line with its error code. */
function faultLines(fault: MemoryFault | SignalFault, count: number): string[] {
  if (fault instanceof MemoryFault) {
    const code = (fault.reason === 'protection' ? X86_PF_PROT : 0) | (fault.access === 'write' ? X86_PF_WRITE : 0);
    return [
      fault.addr < PAGE_SIZE
        ? `BUG: kernel NULL pointer dereference, address: ${hex16(fault.addr)}`
        : `BUG: unable to handle page fault for address: ${hex16(fault.addr)}`,
      `#PF: supervisor ${fault.access} access in kernel mode`,
      `#PF: error_code(0x${code.toString(16).padStart(4, '0')}) - ${fault.reason === 'protection' ? 'permissions violation' : 'not-present page'}`,
      `Oops: ${code.toString(16).padStart(4, '0')} [#${count}] SMP`,
    ];
  }
  const trap = fault.signal === SIGFPE ? 'divide error' : fault.signal === SIGSEGV ? 'kernel stack overflow (double-fault)' : 'invalid opcode';
  return [`${trap}: 0000 [#${count}] SMP`];
}

/**
 * The oops report for `fault` in kernel code, a printk record a line, `count` the oopses so far this run, including this one.
 * `frames` are the thread's, outermost first: the innermost is where it faulted (RIP), the kernel
 * frames below it the call trace; user frames, if the task came from user mode, are not the kernel's
 * to show.
 */
export function oopsReport(fault: MemoryFault | SignalFault, frames: readonly Frame[], task: OopsTask, count: number): string[] {
  const kernel = frames.filter((f) => f.code.inKernel);
  const where = kernel[kernel.length - 1];
  const lines = [
    ...faultLines(fault, count),
    `CPU: ${task.cpu} PID: ${task.pid} Comm: ${task.comm}`,
    `RIP: 0010:${where ? decoded(where) : '0x0'}`,
    'Call Trace:',
    ' <TASK>',
    ...kernel.slice(0, -1).reverse().map((f) => ` ${decoded(f)}`),
    ' </TASK>',
  ];
  return lines.map((l) => `${KERN_ALERT}${l}\n`);
}
