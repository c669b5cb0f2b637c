import { describe, expect, it } from 'vitest';
import { runnable } from '../src/runnable.ts';

describe('runnable', () => {
  it('is the source itself when the code runs from source (the build is tested in tests/build.test.ts)', () => {
    const file = new URL('../src/index/nlp-worker.mjs', import.meta.url);
    const folder = new URL('../commands/', import.meta.url);
    expect(runnable(file).href).toBe(file.href);
    expect(runnable(folder).href).toBe(folder.href);
  });
});
