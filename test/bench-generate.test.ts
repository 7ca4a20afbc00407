// The compile benchmark is only meaningful if its generated program is the size it claims and is valid C.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCProgram, generateJsonDocument } from '../bench/generate-c';
import { hasCC } from '../scripts/differential-native.mjs';

describe('benchmark program generator', () => {
  it('makes a C program of at least the requested size, close to it', () => {
    const lines = generateCProgram(5000).split('\n').length - 1;
    expect(lines).toBeGreaterThanOrEqual(5000);
    expect(lines).toBeLessThan(5100);
  });

  it.runIf(hasCC())('makes a program gcc compiles without warnings and runs', () => {
    const dir = mkdtempSync(join(tmpdir(), 'forkscope-gen-'));
    try {
      const source = join(dir, 'generated.c');
      writeFileSync(source, generateCProgram(5000));
      const cc = spawnSync('cc', ['-O0', '-Wall', '-Werror', '-o', join(dir, 'generated'), source], { encoding: 'utf8' });
      expect(cc.stderr).toBe('');
      expect(cc.status).toBe(0);
      const run = spawnSync(join(dir, 'generated'), { encoding: 'utf8' });
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^\d+\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('makes a JSON document of exactly the requested number of lines', () => {
    const doc = generateJsonDocument(5000);
    expect(doc.split('\n').length - 1).toBe(5000);
    expect((JSON.parse(doc) as unknown[]).length).toBe(4998);
  });
});
