import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndex } from '../../../src/engine/index.ts';
import { planQuery } from '../../../src/engine/query.ts';
import { retrieve } from '../../../src/engine/retrieve/retrieve.ts';
import { termKey } from '../../../src/nlp/terms.ts';
import { seedIndex } from '../../helpers.ts';

let index: SearchIndex;
beforeAll(async () => {
  index = await seedIndex();
});

describe('planQuery and retrieve over the seeds', () => {
  it('makes an acronym and its corpus expansion one concept', () => {
    const plan = planQuery(index, 'is the TTP');
    expect(plan.concepts).toHaveLength(1);
    expect([...plan.concepts[0].keys]).toEqual(expect.arrayContaining([termKey('ttp'), termKey('Taliban')]));
  });

  it('lets the expansion in a question match the acronym in the text', () => {
    const plan = planQuery(index, 'National Action Plan');
    expect(plan.ownKeys.has(termKey('NAP')!)).toBe(true);
  });

  it('finds the Azm-e spelling from an Azm-i question', () => {
    const hits = retrieve(index, planQuery(index, 'Azm-i-Istahkam'));
    expect(hits.some((h) => h.sentence.text.includes('Azm-e-Istehkam'))).toBe(true);
  });

  it('ranks the sentence holding all the question words first, with full coverage', () => {
    const [best] = retrieve(index, planQuery(index, 'State Department spokesperson'));
    expect(best.sentence.text).toContain('State Department spokesperson Matthew Miller');
    expect(best.coverage).toBe(1);
  });

  it('drops articles that lack a name the question asks about', () => {
    const hits = retrieve(index, planQuery(index, 'the prime minister of Japan'));
    expect(hits).toEqual([]);
  });
});

describe('word forms', () => {
  it('matches a question verb to its inflections the stemmer splits (die / died)', () => {
    const plan = planQuery(index, 'when did he die');
    expect(plan.concepts[0].keys.has(termKey('died')!)).toBe(true);
  });
});
