// Regenerates test/differential/process-expected/ from the host's C compiler: for each process program
// NAME.c, its stdout (NAME.out), stderr (NAME.err) and exit status (NAME.status), in the same format as
// the main differential suite. Programs that fork can race, so each one is run several times and its
// results are written only if every run gave the same bytes; a program that varies is reported and the
// script fails. Run after adding or changing a program:
//   node scripts/update-process-expected.mjs
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileNative, hasCC, listPrograms, mapConcurrent, runNative } from './differential-native.mjs';

const processProgramsDir = fileURLToPath(new URL('../test/differential/process-programs/', import.meta.url));
const processExpectedDir = fileURLToPath(new URL('../test/differential/process-expected/', import.meta.url));

/** Runs per program; a race that shows up less often than this would slip through, so keep it a few. */
const RUNS = 5;

if (!hasCC()) {
  console.error('update-process-expected: no cc on this machine; install gcc first');
  process.exit(1);
}

function sameResult(a, b) {
  return a.stdout.equals(b.stdout) && a.stderr.equals(b.stderr) && a.status === b.status;
}

const programs = listPrograms(processProgramsDir);
const buildDir = mkdtempSync(join(tmpdir(), 'forkscope-process-expected-'));
try {
  // Drop files of programs that no longer exist.
  const names = new Set(programs.map((p) => p.name));
  for (const f of readdirSync(processExpectedDir)) {
    if (!names.has(f.replace(/\.(out|err|status)$/, ''))) rmSync(join(processExpectedDir, f));
  }
  // Programs sleep and wait on each other, so they run side by side; the runs of one program run in turn.
  const unstable = await mapConcurrent(programs, availableParallelism(), async (p) => {
    const exe = join(buildDir, p.name);
    await compileNative(p.path, exe);
    const first = await runNative(exe, p.argv);
    for (let run = 1; run < RUNS; run++) {
      if (sameResult(first, await runNative(exe, p.argv))) continue;
      // No record at all beats a record of one arbitrary interleaving.
      for (const ext of ['out', 'err', 'status']) rmSync(join(processExpectedDir, `${p.name}.${ext}`), { force: true });
      return p.name;
    }
    writeFileSync(join(processExpectedDir, `${p.name}.out`), first.stdout);
    writeFileSync(join(processExpectedDir, `${p.name}.err`), first.stderr);
    writeFileSync(join(processExpectedDir, `${p.name}.status`), `${first.status}\n`);
    return undefined;
  });
  const failed = unstable.filter((name) => name !== undefined);
  if (failed.length > 0) {
    console.error(`update-process-expected: output differs between runs of: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
  console.log(`wrote expected output of ${programs.length - failed.length} programs to ${processExpectedDir}`);
} finally {
  rmSync(buildDir, { recursive: true, force: true });
}
