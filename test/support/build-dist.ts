// Vitest global setup: bundle dist/ with the real build script before the tests run, so the CLI tests
// exercise exactly what `npm ci` produces.
//
// A failed build is handed to the tests that need dist/ (see test/cli.test.ts) instead of being thrown
// here, because throwing would stop every other test file too.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The build's error output, or null when dist/ was built. */
    distBuildError: string | null;
  }
}

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export default function buildDist(project: TestProject): void {
  const build = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  const failed = build.status !== 0;
  project.provide('distBuildError', failed ? `${build.stdout}${build.stderr}` || `build exited with ${build.status}` : null);
}
