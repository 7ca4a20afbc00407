// The differential suite's engine, shared by the language and process suites: every program in a
// folder must behave in Forkscope exactly as it does compiled with gcc -O0 and run natively with stdout
// and stderr piped: the same stdout bytes, the same stderr and the same exit status. Without cc, the
// committed expected files stand in for gcc.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceFS } from '../../debug-adapter/engine/api';
import { compile, formatDiagnostics, run } from '../../debug-adapter/engine/index';
import {
  compileNative,
  hasCC,
  listPrograms,
  mapConcurrent,
  runNative,
  type DifferentialProgram,
  type NativeResult,
} from '../../scripts/differential-native.mjs';

export interface SuiteOptions {
  title: string;
  programsDir: string;
  expectedDir: string;
  minPrograms: number;
  /** How the expected files are regenerated, for the message when they go stale. */
  updateCommand: string;
}

export function differentialSuite(options: SuiteOptions): void {
  const { programsDir, expectedDir } = options;
  /** Far beyond what any test program needs; only a Forkscope bug (a loop that never ends) reaches it. */
  const MAX_STEPS = 200_000_000;

  const programs = listPrograms(programsDir);
  const ccAvailable = hasCC();

  function readExpected(name: string): NativeResult {
    return {
      stdout: readFileSync(join(expectedDir, `${name}.out`)),
      stderr: readFileSync(join(expectedDir, `${name}.err`)),
      status: Number(readFileSync(join(expectedDir, `${name}.status`), 'utf8')),
    };
  }

  const hostFS: SourceFS = {
    readFile(path) {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
  };

  function runInForkscope(program: DifferentialProgram): NativeResult {
    const compiled = compile(program.path, hostFS);
    if (!compiled.program) {
      throw new Error(`Forkscope could not compile ${program.name}.c:\n${formatDiagnostics(compiled.diagnostics, compiled.sources)}`);
    }
    const stdout: Uint8Array[] = [];
    const stderr: Uint8Array[] = [];
    const outcome = run(compiled.program, {
      argv: program.argv,
      stdio: 'pipe',
      maxSteps: MAX_STEPS,
      // Copies, because the engine may reuse its buffer once the callback returns.
      stdout: (bytes) => stdout.push(Uint8Array.from(bytes)),
      stderr: (bytes) => stderr.push(Uint8Array.from(bytes)),
    });
    if (outcome.kind !== 'exited' && outcome.kind !== 'signaled') throw new Error(`${program.name} ended with ${outcome.kind}: ${JSON.stringify(outcome)}`);
    return {
      stdout: Buffer.concat(stdout),
      stderr: Buffer.concat(stderr),
      status: outcome.kind === 'exited' ? outcome.status : 128 + outcome.signal,
    };
  }

  /** Byte-exact comparison that still shows a readable diff: latin1 maps each byte to one character. */
  function asBytes(b: Buffer): string {
    return b.toString('latin1');
  }

  /** What gcc's build of each program did (or the committed record of it), by program name. */
  const reference = new Map<string, NativeResult>();
  let buildDir: string | undefined;

  beforeAll(async () => {
    if (!ccAvailable) {
      for (const p of programs) reference.set(p.name, readExpected(p.name));
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'forkscope-differential-'));
    buildDir = dir;
    const results = await mapConcurrent(programs, availableParallelism(), async (p) => {
      const exe = join(dir, p.name);
      await compileNative(p.path, exe);
      return runNative(exe, p.argv);
    });
    programs.forEach((p, i) => reference.set(p.name, results[i]));
  }, 120_000);

  afterAll(() => {
    if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  });

  describe(`${options.title}: Forkscope matches ${ccAvailable ? 'cc -O0' : 'the recorded cc -O0 output'}`, () => {
    it('has a good number of programs to compare', () => {
      expect(programs.length).toBeGreaterThanOrEqual(options.minPrograms);
    });

    it.each(programs.map((p) => [p.name, p] as const))('%s', (_name, program) => {
      const expected = reference.get(program.name)!;
      const actual = runInForkscope(program);
      expect(asBytes(actual.stdout)).toBe(asBytes(expected.stdout));
      expect(asBytes(actual.stderr)).toBe(asBytes(expected.stderr));
      expect(actual.status).toBe(expected.status);
    }, 30_000);
  });

  describe.runIf(ccAvailable)(`${options.title}: the committed expected files`, () => {
    // Machines without cc trust these files, so they must not go stale when a program changes.
    it.each(programs.map((p) => [p.name, p] as const))(
      `%s agrees with cc (else run ${options.updateCommand})`,
      (name) => {
        const recorded = readExpected(name);
        const live = reference.get(name)!;
        expect(asBytes(recorded.stdout)).toBe(asBytes(live.stdout));
        expect(asBytes(recorded.stderr)).toBe(asBytes(live.stderr));
        expect(recorded.status).toBe(live.status);
      },
    );
  });
}
