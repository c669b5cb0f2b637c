import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndex } from '../../src/engine/index.ts';
import { benchQueries } from '../../src/bench/queries.ts';
import { seedIndex } from '../helpers.ts';

let index: SearchIndex;
beforeAll(async () => {
  index = await seedIndex();
});

describe("the bench's query set", () => {
  it('is the same set on every run, drawn from the corpus', () => {
    const a = benchQueries(index, 30);
    expect(a).toEqual(benchQueries(index, 30));
    expect(a).toHaveLength(30);
    expect(a.every((q) => typeof q === 'string' && q.trim().length > 0)).toBe(true);
    const text = index.sentences.map((s) => s.text.toLowerCase()).join(' ');
    // Most queries are the corpus's own words (a few are deliberate misses).
    const fromCorpus = a.filter((q) => q.split(/\s+/).some((w) => text.includes(w.toLowerCase())));
    expect(fromCorpus.length).toBeGreaterThan(a.length / 2);
  });
});
