import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// The json report is what .ci/run reads to print "N passed, M failed".
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    // Test corpora are temp folders: keep their index caches out of the project's .cache.
    env: { INDEX_CACHE_DIR: join(tmpdir(), 'newsdesk-test-index-cache') },
    hookTimeout: 60_000,
    reporters: ['default', ['json', { outputFile: '.cache/vitest-report.json' }]],
  },
});
