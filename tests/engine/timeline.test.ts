import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, TIMELINE_MAX, type SearchIndex } from '../../src/engine/index.ts';
import { openIndex } from '../../src/app/index.ts';
import { seedIndex, tempCorpus } from '../helpers.ts';

describe('timeline over the seed articles', () => {
  let index: SearchIndex;
  beforeAll(async () => {
    index = await seedIndex();
  });

  it('dates what happened to a topic across articles, oldest first', () => {
    const entries = answer(index, 'timeline', 'Azm-e-Istehkam');
    expect(entries.length).toBeGreaterThanOrEqual(3);
    expect(entries.length).toBeLessThanOrEqual(TIMELINE_MAX);
    expect(new Set(entries.map((e) => e.source.file)).size).toBeGreaterThanOrEqual(2);
    const dates = entries.map((e) => e.date!);
    expect(dates).toEqual([...dates].sort());
    for (const e of entries) {
      expect(e.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      expect(['text', 'article']).toContain(e.date_from);
      expect(e.source.sentence).toContain(e.evidence);
      if (e.date_from === 'article') expect(e.date).toBe(e.source.date);
    }
    // "The decision … was taken on June 22" dates the decision, not the article (2024-06-29).
    const decision = entries.find((e) => e.answer.includes('was taken on June 22'));
    expect(decision).toMatchObject({ date: '2024-06-22', date_from: 'text', evidence: 'June 22' });
  });
});

describe('timeline over invented articles', () => {
  let dir: string;
  let index: SearchIndex;
  beforeAll(async () => {
    dir = tempCorpus({
      'a.txt': {
        date: '2031-03-10',
        title: 'Harbour bridge plan unveiled',
        paragraphs: ['The city council unveiled the Kestrel Bridge plan on Monday.', 'Engineers say the Kestrel Bridge will cost more than the old ferry.'],
      },
      'b.txt': {
        date: '2032-08-02',
        title: 'Kestrel Bridge opens',
        paragraphs: ['The Kestrel Bridge opened to traffic on 1 August 2032.', 'Building the Kestrel Bridge began in May 2031.'],
      },
      'c.txt': { date: '2030-01-05', title: 'Weather', paragraphs: ['Snow fell across the valley on Sunday.'] },
    });
    index = await openIndex({ corpusDir: dir, cacheDir: `${dir}/.cache`, onWarn: () => {} });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('orders dates stated in the text, and marks where the article date stands in', () => {
    const entries = answer(index, 'timeline', 'Kestrel Bridge');
    expect(entries.map((e) => [e.date, e.date_from])).toEqual([
      ['2031-03-10', 'text'],
      ['2031-03-10', 'article'],
      ['2031-05', 'text'],
      ['2032-08-01', 'text'],
    ]);
    expect(entries.every((e) => e.source.file !== 'c.txt')).toBe(true);
  });

  it('is empty when nothing mentions the topic', () => {
    expect(answer(index, 'timeline', 'submarine cable')).toEqual([]);
  });
});
