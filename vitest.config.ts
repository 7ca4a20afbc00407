import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Builds dist/ once before any test file runs: the CLI tests drive the bundled `node dist/cli.js`.
    globalSetup: ['test/support/build-dist.ts'],
  },
});
