import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPrintf, type PrintfArgs } from '../../debug-adapter/engine/libc/format';
import { bitsToDouble, printfCases, printfCProgram, type CArg, type PrintfCase } from './printf-cases';

const EXPECTED_FILE = path.join(__dirname, 'printf-expected.json');

function hasCc(): boolean {
  try {
    execFileSync('cc', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** glibc's output for every case, hex-encoded, from a freshly compiled C program. */
function glibcOutputs(cases: PrintfCase[]): string[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'forkscope-printf-'));
  try {
    writeFileSync(path.join(dir, 'cases.c'), printfCProgram(cases));
    execFileSync('cc', ['-w', '-O0', '-o', path.join(dir, 'cases'), path.join(dir, 'cases.c')]);
    return execFileSync(path.join(dir, 'cases'), { maxBuffer: 64 << 20 }).toString('latin1').split('\n').slice(0, -1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Arguments laid out as the VM's 8-byte slots: integers extended to 64 bits, doubles as their bits. */
function argsFor(c: PrintfCase): PrintfArgs {
  const strings = new Map<number, Uint8Array>();
  const slots = c.args.map((a: CArg, k): bigint => {
    switch (a.t) {
      case 'double': return a.bits;
      case 'str': {
        if (a.v === null) return 0n;
        const addr = 0x10000 * (k + 1);
        strings.set(addr, new TextEncoder().encode(a.v));
        return BigInt(addr);
      }
      default: return BigInt.asUintN(64, a.v);
    }
  });
  let next = 0;
  const slot = (): bigint => slots[next++] ?? 0n;
  return {
    nextInt: (size, signed) => (signed ? BigInt.asIntN(size * 8, slot()) : BigInt.asUintN(size * 8, slot())),
    nextDouble: () => bitsToDouble(slot()),
    readString: (addr, max) => {
      const bytes = strings.get(addr)!;
      return max === undefined ? bytes : bytes.subarray(0, max);
    },
    errno: () => 0,
  };
}

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

describe('formatPrintf', () => {
  const expected = JSON.parse(readFileSync(EXPECTED_FILE, 'utf8')) as string[];

  it.runIf(hasCc())('the committed expectations are what this machine\'s glibc prints', () => {
    const live = glibcOutputs(printfCases);
    if (process.env.UPDATE_PRINTF_EXPECTED) writeFileSync(EXPECTED_FILE, JSON.stringify(live, null, 0).replace(/","/g, '",\n"') + '\n');
    expect(live).toEqual(expected);
  });

  it('has an expectation for every case', () => {
    expect(existsSync(EXPECTED_FILE)).toBe(true);
    expect(expected.length).toBe(printfCases.length);
  });

  it('matches glibc byte for byte on every case', () => {
    const mismatches: string[] = [];
    printfCases.forEach((c, k) => {
      const got = hex(formatPrintf(new TextEncoder().encode(c.fmt), argsFor(c)));
      if (got !== expected[k]) {
        const text = (h: string): string => Buffer.from(h, 'hex').toString('latin1');
        mismatches.push(`#${k} ${JSON.stringify(c.fmt)} ${JSON.stringify(c.args, (_, v) => (typeof v === 'bigint' ? v.toString(16) : v))}\n  want ${JSON.stringify(text(expected[k] ?? ''))}\n  got  ${JSON.stringify(text(got))}`);
      }
    });
    expect(mismatches.slice(0, 20).join('\n')).toBe('');
  });

  it('prints the exact decimal expansion where JavaScript rounds', () => {
    const out = (fmt: string, x: number): string => {
      const args: PrintfArgs = { nextInt: () => 0n, nextDouble: () => x, readString: () => new Uint8Array(0), errno: () => 0 };
      return Buffer.from(formatPrintf(new TextEncoder().encode(fmt), args)).toString('latin1');
    };
    expect(out('%.20f', 0.1)).toBe('0.10000000000000000555');
    expect(out('%.0f', 1e21)).toBe('1000000000000000000000');
    expect(out('%.2f', 2.675)).toBe('2.67');
  });

  it('reads no further than the precision in a %s string', () => {
    let askedMax: number | undefined = -1;
    const args: PrintfArgs = {
      nextInt: () => 0x1000n,
      nextDouble: () => 0,
      readString: (_addr, max) => { askedMax = max; return new TextEncoder().encode('ab'); },
      errno: () => 0,
    };
    expect(Buffer.from(formatPrintf(new TextEncoder().encode('%.2s'), args)).toString()).toBe('ab');
    expect(askedMax).toBe(2);
  });

  it('prints strerror(errno) for %m', () => {
    const args: PrintfArgs = { nextInt: () => 0n, nextDouble: () => 0, readString: () => new Uint8Array(0), errno: () => 2 };
    expect(Buffer.from(formatPrintf(new TextEncoder().encode('open: %m'), args)).toString()).toBe('open: No such file or directory');
  });
});
