import { defineConfig } from 'vitest/config';

// The json report is what .ci/run reads to print "N passed, M failed".
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Temp folders (corpora, index caches) under one folder per run, removed at the end (see there).
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: '.cache/vitest-report.json' }]],
  },
});
