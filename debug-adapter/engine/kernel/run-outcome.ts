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

export function deadlockReport(sleepers: readonly Sleeper[]): string {
  const lines = ['no task can run again: every process is asleep and nothing will wake it'];
  for (const { comm, pid, frame: f } of sleepers) {
    // pc has already moved past the op the thread stopped in.
    const pos = f?.code.opPos[Math.max(0, f.pc - 1)];
    const where = f ? `${f.code.name}() at ${pos?.file}:${pos?.line}` : '?';
    lines.push(`  ${comm} (pid ${pid}) sleeps in ${where}`);
  }
  return lines.join('\n');
}
