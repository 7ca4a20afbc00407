// Collects one function's ops as the compiler walks its body: registers, stack memory, labels and the
// source position of every op.
import type { SourcePos } from '../../lang/token';
import type { CType, FunctionType } from '../../lang/types';
import { alignOf, alignUp, sizeOf } from '../../lang/types';
import type { FunctionCode, LocalInfo, Op } from '../thread';

/** A jump target; `pc` is filled in when the label is placed. */
export interface Label {
  pc: number;
}

export class FunctionBuilder {
  readonly ops: Op[] = [];
  readonly opPos: SourcePos[] = [];
  readonly stmtStarts: number[] = [];
  readonly locals: LocalInfo[] = [];
  private readonly fusable: { pc: number; fuse?: (next: Op) => Op | undefined }[] = [];
  private nregs = 0;
  private frameSize = 0;
  private freeTemps: number[] = [];
  private tempsInUse: number[] = [];
  /** The position the next op is attributed to, and whether it begins a statement. */
  private pos: SourcePos;
  private startsStmt = false;

  constructor(readonly name: string, readonly type: FunctionType, readonly addr: number, readonly defPos: SourcePos, readonly inKernel = false) {
    this.pos = defPos;
  }

  /** Marks the next emitted op as the start of a statement at `pos`. */
  statement(pos: SourcePos): void {
    this.pos = pos;
    this.startsStmt = true;
  }
  at(pos: SourcePos): void {
    this.pos = pos;
  }

  emit(op: Op): number {
    const pc = this.ops.length;
    this.ops.push(op);
    this.opPos.push(this.pos);
    if (this.startsStmt) {
      this.stmtStarts.push(pc);
      this.startsStmt = false;
    }
    return pc;
  }

  /**
   * Marks the op just emitted as one that only falls through or returns (never jumps): the fast loop
   * may run it and the next op as one, saving a dispatch. The debugger's loop keeps them apart.
   * `fuse` may build a single closure doing the work of both, given the next op.
   */
  fuseWithNext(fuse?: (next: Op) => Op | undefined): void {
    this.fusable.push({ pc: this.ops.length - 1, fuse });
  }

  get pc(): number {
    return this.ops.length;
  }

  label(): Label {
    return { pc: -1 };
  }
  place(l: Label): void {
    l.pc = this.ops.length;
  }

  newReg(): number {
    return this.nregs++;
  }
  /** A scratch register, handed back by releaseTemps at the end of the statement that took it. */
  temp(): number {
    const r = this.freeTemps.pop() ?? this.nregs++;
    this.tempsInUse.push(r);
    return r;
  }
  tempMark(): number {
    return this.tempsInUse.length;
  }
  releaseTemps(mark: number): void {
    while (this.tempsInUse.length > mark) this.freeTemps.push(this.tempsInUse.pop()!);
  }

  /** Reserves stack memory for a variable of type `t`; returns its offset from the frame base. */
  stackSlot(t: CType, bytes = sizeOf(t)): number {
    const a = Math.max(alignOf(t), bytes >= 16 ? 16 : 1);
    this.frameSize = alignUp(this.frameSize, a);
    const off = this.frameSize;
    this.frameSize += Math.max(bytes, 1);
    return off;
  }

  finish(): FunctionCode {
    const stmtStart = new Uint8Array(this.ops.length);
    for (const pc of this.stmtStarts) if (pc < stmtStart.length) stmtStart[pc] = 1;
    const fastOps = this.ops.slice();
    for (const { pc, fuse } of this.fusable) {
      const a = this.ops[pc]!;
      const b = this.ops[pc + 1];
      if (!b) continue;
      // The op may know a closer fusion with this particular successor; otherwise run one after the other.
      fastOps[pc] = fuse?.(b) ?? ((t, r) => {
        const f = t.frame;
        a(t, r);
        if (t.frame === f) {
          f!.pc++;
          b(t, r);
        }
      });
    }
    return {
      name: this.name,
      inKernel: this.inKernel,
      syscallEntry: this.inKernel && this.name.startsWith('sys_'),
      fastOps,
      type: this.type,
      addr: this.addr,
      pos: this.defPos,
      ops: this.ops,
      opPos: this.opPos,
      stmtStart,
      nregs: this.nregs,
      frameSize: alignUp(this.frameSize, 16) + 16,
      locals: this.locals,
    };
  }
}
