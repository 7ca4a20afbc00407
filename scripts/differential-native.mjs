// The native half of the differential suite: finds the test programs and builds and runs them with the
// host's C compiler. Shared by test/differential.test.ts and scripts/update-differential-expected.mjs,
// so the committed expected files are made exactly the way the live comparison is.
import { execFile, spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const programsDir = fileURLToPath(new URL('../test/differential/programs/', import.meta.url));
export const expectedDir = fileURLToPath(new URL('../test/differential/expected/', import.meta.url));

/** A program may ask for command-line arguments with a first line `// ARGS: a b c` (split on spaces). */
const ARGS_LINE = /^\/\/ ARGS:(.*)$/m;

/** The programs of `dir` (default: the main suite's folder), sorted by name. */
export function listPrograms(dir = programsDir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.c'))
    .sort()
    .map((f) => {
      const path = join(dir, f);
      const source = readFileSync(path, 'utf8');
      const argsLine = ARGS_LINE.exec(source);
      const args = argsLine ? argsLine[1].trim().split(/\s+/).filter((a) => a !== '') : [];
      const name = basename(f, '.c');
      // The same argv[0] natively and in Forkscope, so programs may print it.
      return { name, path, source, argv: [`./${name}`, ...args] };
    });
}

export function hasCC() {
  return spawnSync('sh', ['-c', 'command -v cc'], { stdio: 'ignore' }).status === 0;
}

/** gcc at -O0 is the reference: signed overflow wraps and evaluation follows the source, as Forkscope does. */
export function compileNative(sourcePath, exePath) {
  return new Promise((resolve, reject) => {
    execFile('cc', ['-O0', '-w', '-o', exePath, sourcePath], (err, _stdout, stderr) => {
      if (err) reject(new Error(`cc failed on ${sourcePath}:\n${stderr}`));
      else resolve();
    });
  });
}

/** Runs a native program with stdout and stderr as pipes; a signal death reads as a shell would: 128+sig. */
export function runNative(exePath, argv) {
  return new Promise((resolve, reject) => {
    const child = spawn(exePath, argv.slice(1), { argv0: argv[0], stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout = [];
    const stderr = [];
    child.stdout.on('data', (b) => stdout.push(b));
    child.stderr.on('data', (b) => stderr.push(b));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const status = signal === null ? code : 128 + constants.signals[signal];
      resolve({ stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr), status });
    });
  });
}


/** Runs `task` over `items` with at most `limit` running at once, results in input order. */
export async function mapConcurrent(items, limit, task) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
