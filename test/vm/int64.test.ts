// The 64-bit operations' number fast paths against BigInt arithmetic wrapped as x86-64 wraps it: a
// value is a number while it is a safe integer and a bigint beyond, and every result is in that form.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { I64, U64 } from '../../debug-adapter/engine/vm/int64';
import type { Value } from '../../debug-adapter/engine/vm/host';

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const canonical = (b: bigint): Value => (b >= -MAX_SAFE && b <= MAX_SAFE ? Number(b) : b);

/** 64-bit values that stress the halves: near 0, near ±2^32, near ±2^53, and the extremes. */
function int64(signed: boolean): fc.Arbitrary<bigint> {
  const edges = [0n, 1n, 2n ** 31n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 52n, MAX_SAFE, MAX_SAFE + 1n, 2n ** 63n - 1n];
  const pool = signed ? [...edges, ...edges.map((e) => -e), -(2n ** 63n)] : [...edges, 2n ** 64n - 1n];
  const any = signed ? fc.bigInt(-(2n ** 63n), 2n ** 63n - 1n) : fc.bigInt(0n, 2n ** 64n - 1n);
  const near = fc.tuple(fc.constantFrom(...pool), fc.bigInt(-3n, 3n)).map(([e, d]) => (signed ? BigInt.asIntN(64, e + d) : BigInt.asUintN(64, e + d)));
  return fc.oneof(any, near, fc.bigInt(-(2n ** 40n), 2n ** 40n).map((b) => (signed ? b : BigInt.asUintN(64, b))));
}

const cases = [
  { name: 'signed', ops: I64, wrap: (b: bigint) => BigInt.asIntN(64, b), signed: true },
  { name: 'unsigned', ops: U64, wrap: (b: bigint) => BigInt.asUintN(64, b), signed: false },
] as const;

for (const { name, ops, wrap, signed } of cases) {
  describe(`${name} 64-bit operations`, () => {
    const binary: [string, (a: Value, b: Value) => Value, (a: bigint, b: bigint) => bigint][] = [
      ['and', ops.and, (a, b) => a & b],
      ['or', ops.or, (a, b) => a | b],
      ['xor', ops.xor, (a, b) => a ^ b],
      ['add', ops.add, (a, b) => a + b],
      ['sub', ops.sub, (a, b) => a - b],
      ['mul', ops.mul, (a, b) => a * b],
    ];
    for (const [op, fn, ref] of binary) {
      it(`${op} matches BigInt arithmetic, in canonical form`, () => {
        fc.assert(
          fc.property(int64(signed), int64(signed), (a, b) => {
            expect(fn(canonical(a), canonical(b))).toStrictEqual(canonical(wrap(ref(a, b))));
          }),
          { numRuns: 3000 },
        );
      });
    }
    it('shl and shr match BigInt shifts, with the count masked to 6 bits', () => {
      fc.assert(
        fc.property(int64(signed), fc.integer({ min: 0, max: 70 }), (a, n) => {
          const s = BigInt(n & 63);
          expect(ops.shl(canonical(a), n)).toStrictEqual(canonical(wrap(a << s)));
          expect(ops.shr(canonical(a), n)).toStrictEqual(canonical(wrap(a >> s)));
        }),
        { numRuns: 3000 },
      );
    });
    it('not matches BigInt complement', () => {
      fc.assert(
        fc.property(int64(signed), (a) => {
          expect(ops.not(canonical(a))).toStrictEqual(canonical(wrap(~a)));
        }),
        { numRuns: 3000 },
      );
    });
  });
}
