// Bundles Forkscope's entry points into dist/ with esbuild. Run by `npm run build` and by the `prepare`
// script, so a fresh `npm ci` leaves a working `npx forkscope`.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');

/** Each bundle: source entry point → output file, and whether it is a command run directly from a shell. */
const entryPoints = [
  { source: 'debug-adapter/cli.ts', output: 'cli.js', executable: true },
  { source: 'debug-adapter/cli-snapshot.ts', output: 'cli-snapshot.js', executable: false },
  { source: 'bench/bench.ts', output: 'bench.js', executable: false },
];

// The engine finds the C headers it compiles against at path.join(__dirname, 'sysroot'); in a bundle
// __dirname is dist/, so the headers must be copied there.
const sysrootSource = join(root, 'debug-adapter/engine/sysroot');
const sysrootTarget = join(dist, 'sysroot');

async function main() {
  if (!existsSync(sysrootSource)) {
    throw new Error(`missing ${sysrootSource}: the engine's C headers are needed at run time`);
  }
  for (const entry of entryPoints) {
    const outfile = join(dist, entry.output);
    await build({
      entryPoints: [join(root, entry.source)],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: true,
      logLevel: 'warning',
      banner: entry.executable ? { js: '#!/usr/bin/env node' } : undefined,
    });
    if (entry.executable) chmodSync(outfile, 0o755);
  }
  // Replace rather than merge, so a header deleted from the sources does not linger in dist/.
  rmSync(sysrootTarget, { recursive: true, force: true });
  cpSync(sysrootSource, sysrootTarget, { recursive: true });
  buildStartupSnapshot();
  const launcher = join(dist, 'forkscope');
  copyFileSync(join(root, 'debug-adapter/forkscope.sh'), launcher);
  chmodSync(launcher, 0o755);
}

/**
 * dist/forkscope.blob: the CLI's heap with the sysroot compiled (see debug-adapter/cli-snapshot.ts),
 * and beside it the node version that made it, which alone can load it (the launcher checks).
 */
function buildStartupSnapshot() {
  const blob = join(dist, 'forkscope.blob');
  const version = join(dist, 'forkscope.blob.node');
  rmSync(blob, { force: true });
  rmSync(version, { force: true });
  const made = spawnSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', join(dist, 'cli-snapshot.js')], { encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`the startup snapshot failed to build:\n${made.stderr}`);
  writeFileSync(version, process.version);
}

main().catch((err) => {
  console.error(`build failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
