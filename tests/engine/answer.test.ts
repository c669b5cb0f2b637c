import { beforeAll, describe, expect, it } from 'vitest';
import { answer, type SearchIndex } from '../../src/engine/index.ts';
import { COMMANDS } from '../../src/types.ts';
import { seedIndex } from '../helpers.ts';

let index: SearchIndex;
beforeAll(async () => {
  index = await seedIndex();
});

describe('answer over the seed articles', () => {
  it('answers /who with the person holding the asked role, cited', () => {
    const [best] = answer(index, 'who', 'is the State Department spokesperson');
    expect(best.answer).toBe('Matthew Miller');
    expect(best.source.file).toMatch(/^00[01]_/);
    expect(best.source.sentence).toContain(best.evidence);
  });

  it('folds acronyms and spelling variants into one retrieval concept', () => {
    const [best] = answer(index, 'who', 'is the TTP');
    expect(best.answer).toMatch(/^Tehreek-[ei]-Taliban/);
    // Azm-i-Istehkam in the query still finds the articles spelling it Azm-e-Istehkam.
    const files = answer(index, 'search', 'Azm-i-Istehkam operation approved', { limit: 10 }).map((a) => a.source.file);
    expect(files).toContain('001_4c37596a6a6b1c86.txt');
  });

  it('resolves a future weekday against the article date', () => {
    const [best] = answer(index, 'when', 'will the Pakistan-US counter-terrorism dialogue start');
    expect(best.answer).toBe('Monday');
    // 004 is dated by its banner, Tuesday 2024-04-30; "will start on Monday" is the Monday after.
    expect(best.date).toBe('2024-05-06');
  });

  it('attributes a quote said by "the PM" to the prime minister the article names', () => {
    const [best] = answer(index, 'quote', 'diplomatic efforts');
    expect(best.answer).toContain('Diplomatic efforts will be intensified');
    expect(best.speaker).toBe('Shehbaz Sharif');
  });

  it('returns the same answer once, with the other articles as corroboration', () => {
    const [best] = answer(index, 'who', 'is the State Department spokesperson');
    expect(best.also?.map((a) => a.file)).toContain('000_becc9658f8bc904d.txt');
  });

  it.each([
    ['who', 'won the football world cup'],
    ['quote', 'cricket match result'],
    ['when', 'did the moon landing happen'],
  ] as const)('abstains on /%s %s, which the corpus does not answer', (command, query) => {
    expect(answer(index, command, query)).toEqual([]);
  });

  it('keeps every answer inside the contract: a phrase, evidence from a real sentence of the cited article, a score in [0, 1]', () => {
    const answered = new Map<string, number>();
    for (const command of COMMANDS) {
      const answers = answer(index, command, 'Pakistan counter-terrorism operation', { limit: 5 });
      answered.set(command, answers.length);
      for (const a of answers) {
        expect(a.answer.trim().length).toBeGreaterThan(0);
        expect(a.source.sentence).toContain(a.evidence);
        const doc = index.docs.find((d) => d.file === a.source.file);
        expect(doc, a.source.file).toBeDefined();
        const sentences = Array.from({ length: doc!.count }, (_, i) => index.sentences[doc!.first + i].text);
        expect(sentences.some((text) => a.source.sentence.includes(text) || text.includes(a.source.sentence))).toBe(true);
        expect(a.score).toBeGreaterThanOrEqual(0);
        expect(a.score).toBeLessThanOrEqual(1);
        if (a.date) expect(a.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      }
    }
    // The check above must have had answers to check: /search always finds these words in the seeds.
    expect(answered.get('search')).toBeGreaterThan(0);
  });

  it('restricts answers to one article when asked', () => {
    const answers = answer(index, 'search', 'counter-terrorism', { source: '004_318a672dbf011d73.txt', limit: 5 });
    expect(answers.length).toBeGreaterThan(0);
    expect(new Set(answers.map((a) => a.source.file))).toEqual(new Set(['004_318a672dbf011d73.txt']));
  });
});
