// How a run ends, in the words the engine reports it: the user's program's wait status decoded, and
// the deadlock report naming who sleeps where when no task can ever run again.
import type { RunOutcome } from '../api';
import { shellSignalMessage } from '../libc/errno';
import type { Frame } from '../vm/thread';

/** The outcome of a process whose exit_code is `code` (a wait status: exit status << 8, or the signal). */
export function exitOutcome(code: number): RunOutcome {
  const sig = code & 0x7f;
  return sig === 0
    ? { kind: 'exited', status: (code >> 8) & 0xff, steps: 0 }
    : { kind: 'signaled', signal: sig, description: shellSignalMessage(sig), steps: 0 };
}

/** A user process asleep for good: its name, PID and the frame it sleeps in. */
export interface Sleeper {
  comm: string;
  pid: number;
  frame: Frame | undefined;
}

/** `fn() at file:line` for a frame (its pc has already moved past the op it stopped in). */
function whereIn(f: Frame | undefined): string {
  if (!f) return '?';
  const pos = f.code.opPos[Math.max(0, f.pc - 1)];
  return `${f.code.name}() at ${pos?.file}:${pos?.line}`;
}

export function deadlockReport(sleepers: readonly Sleeper[]): string {
  const lines = ['no task can run again: every process is asleep and nothing will wake it'];
  for (const { comm, pid, frame } of sleepers) lines.push(`  ${comm} (pid ${pid}) sleeps in ${whereIn(frame)}`);
  return lines.join('\n');
}

/**
 * A CPU spins in spin_lock on a lock nothing can release: the spinner holds it itself, its holder has
 * exited, or its holder can never run. `frames` are the spinner's, outermost first: the report names
 * the code that called spin_lock, and where the holder stopped.
 */
export function spinLockupReport(spinner: Sleeper, holder: Sleeper | 'self' | 'gone', frames: readonly Frame[]): string {
  const caller = frames[frames.length - 2];
  const who = `${spinner.comm} (pid ${spinner.pid})`;
  const why =
    holder === 'self'
      ? 'it holds itself'
      : holder === 'gone'
        ? 'whose holder has exited'
        : `that ${holder.comm} (pid ${holder.pid}) holds, and this CPU will never run it`;
  const lines = [`no task can run again: ${who} spins on a spinlock ${why}`, `  ${who} spins in ${whereIn(spinner.frame)}, called from ${whereIn(caller)}`];
  if (holder !== 'self' && holder !== 'gone') lines.push(`  ${holder.comm} (pid ${holder.pid}) holds it, stopped in ${whereIn(holder.frame)}`);
  return lines.join('\n');
}
