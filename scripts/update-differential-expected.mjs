// Regenerates test/differential/expected/ from the host's C compiler: for each program NAME.c, its
// stdout (NAME.out), stderr (NAME.err) and exit status (NAME.status). The differential test falls back
// to these files on machines without cc. Run after adding or changing a program:
//   node scripts/update-differential-expected.mjs
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compileNative,
  expectedDir,
  hasCC,
  listPrograms,
  mapConcurrent,
  runNative,
} from './differential-native.mjs';

if (!hasCC()) {
  console.error('update-differential-expected: no cc on this machine; install gcc first');
  process.exit(1);
}

const programs = listPrograms();
const buildDir = mkdtempSync(join(tmpdir(), 'forkscope-expected-'));
try {
  // Drop files of programs that no longer exist.
  const names = new Set(programs.map((p) => p.name));
  for (const f of readdirSync(expectedDir)) {
    if (!names.has(f.replace(/\.(out|err|status)$/, ''))) rmSync(join(expectedDir, f));
  }
  await mapConcurrent(programs, availableParallelism(), async (p) => {
    const exe = join(buildDir, p.name);
    await compileNative(p.path, exe);
    const result = await runNative(exe, p.argv);
    writeFileSync(join(expectedDir, `${p.name}.out`), result.stdout);
    writeFileSync(join(expectedDir, `${p.name}.err`), result.stderr);
    writeFileSync(join(expectedDir, `${p.name}.status`), `${result.status}\n`);
  });
  console.log(`wrote expected output of ${programs.length} programs to ${expectedDir}`);
} finally {
  rmSync(buildDir, { recursive: true, force: true });
}
