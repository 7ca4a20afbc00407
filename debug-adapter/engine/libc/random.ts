// rand()/random() as glibc's TYPE_3 additive feedback generator (x[i] = x[i-3] + x[i-31]), so that
// srand(1); rand() gives 1804289383 as on Linux. Its state is the C library's global
// __libc_random_state (sysroot/lib/libc_state.c): 31 state words, the front and rear indexes and a
// "seeded" flag, all in process memory so fork() copies it.
import type { BuiltinContext } from '../vm/host';

const DEGREE = 31;
const SEPARATION = 3;
const FRONT = 31;
const REAR = 32;
const SEEDED = 33;

type RandomHost = Pick<BuiltinContext, 'mem' | 'symbol'>;

function stateAddr(ctx: RandomHost): number {
  const addr = ctx.symbol('__libc_random_state');
  if (addr === undefined) throw new Error("the C library sources define no '__libc_random_state'");
  return addr;
}

/** One step of glibc's random_r: a 31-bit result. */
function step(ctx: RandomHost, base: number): number {
  const word = (i: number): number => base + 4 * i;
  const front = ctx.mem.readI32(word(FRONT));
  const rear = ctx.mem.readI32(word(REAR));
  const sum = (ctx.mem.readI32(word(front)) + ctx.mem.readI32(word(rear))) | 0;
  ctx.mem.write32(word(front), sum);
  let f = front + 1;
  let r = rear + 1;
  if (f >= DEGREE) f = 0;
  else if (r >= DEGREE) r = 0;
  ctx.mem.write32(word(FRONT), f);
  ctx.mem.write32(word(REAR), r);
  return (sum >>> 1) & 0x7fffffff;
}

/** glibc's srandom_r: fills the state from the seed with 16807·x mod (2^31-1), then discards 310 outputs. */
export function randomSeed(ctx: RandomHost, seed: number): void {
  const base = stateAddr(ctx);
  if (seed === 0) seed = 1;
  let word = seed | 0;
  ctx.mem.write32(base, word);
  for (let i = 1; i < DEGREE; i++) {
    // Schrage's method, in C's truncating division, as glibc computes it.
    const hi = Math.trunc(word / 127773);
    const lo = word % 127773;
    word = 16807 * lo - 2836 * hi;
    if (word < 0) word += 2147483647;
    ctx.mem.write32(base + 4 * i, word);
  }
  ctx.mem.write32(base + 4 * FRONT, SEPARATION);
  ctx.mem.write32(base + 4 * REAR, 0);
  ctx.mem.write32(base + 4 * SEEDED, 1);
  for (let i = 0; i < DEGREE * 10; i++) step(ctx, base);
}

/** rand()/random(); an unseeded generator behaves as after srand(1), as glibc's initial table does. */
export function randomNext(ctx: RandomHost): number {
  const base = stateAddr(ctx);
  if (ctx.mem.readI32(base + 4 * SEEDED) === 0) randomSeed(ctx, 1);
  return step(ctx, base);
}
