// The five real seed files: each exercises one kind of mess the parser must survive.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/types.ts';
import { parseArticle, readCorpus } from '../../src/corpus/index.ts';

const SEEDS = path.resolve(import.meta.dirname, '../../seeds');

function seed(prefix: string): Article {
  const file = ['000_becc9658f8bc904d.txt', '001_4c37596a6a6b1c86.txt', '002_84d199cf34c98c0a.txt', '003_0059b237ed54ef96.txt', '004_318a672dbf011d73.txt'].find((f) =>
    f.startsWith(prefix),
  )!;
  return parseArticle(file, readFileSync(path.join(SEEDS, file), 'utf8'));
}

const all = () => ['000', '001', '002', '003', '004'].map(seed);

describe('seed files', () => {
  let corpus: Awaited<ReturnType<typeof readCorpus>>;
  beforeAll(async () => {
    corpus = await readCorpus(SEEDS);
  });

  it('reads all five, sorted, none skipped', () => {
    expect(corpus.skipped).toEqual([]);
    expect(corpus.articles.map((a) => a.file.slice(0, 3))).toEqual(['000', '001', '002', '003', '004']);
    expect(corpus.articles).toEqual(all());
  });

  it('parses the date header', () => {
    expect(seed('000').date).toBe('2024-06-29');
    expect(seed('001').date).toBe('2024-06-27');
    expect(seed('003').date).toBe('2024-11-20');
  });

  it('keeps a glued date header out of the text', () => {
    for (const a of all()) {
      for (const p of a.paragraphs) expect(p).not.toMatch(/\bdate \d{4}-\d{2}-\d{2}/);
      expect(a.title ?? '').not.toMatch(/\bdate \d{4}/);
    }
    const a = seed('000');
    expect(a.paragraphs[0]).toMatch(/^Pakistan's Ambassador to the United States, Masood Khan, has urged/);
    expect(seed('001').paragraphs[0]).toMatch(/^The United States \(US\) has voiced its support/);
  });

  it('derives a title from the first sentence when there is no headline line', () => {
    const t = seed('000').title!;
    expect(t.length).toBeLessThanOrEqual(101);
    expect(t).toMatch(/^Pakistan's Ambassador to the United States, Masood Khan, has urged Washington/);
    expect(t.endsWith('…')).toBe(true);
    expect(seed('001').title).toMatch(/^The United States \(US\) has voiced its support for Pakistan/);
  });

  it('has no date for 002 (no header, no banner)', () => {
    expect(seed('002').date).toBeUndefined();
  });

  it('strips datelines and keeps the place', () => {
    const a = seed('002');
    expect(a.place).toBe('ISLAMABAD');
    expect(a.paragraphs[0]).toMatch(/^Prime Minister Shehbaz Sharif on Saturday gave the go-ahead/);
    const b = seed('004');
    expect(b.place).toBe('Islamabad');
    for (const p of [...a.paragraphs, ...b.paragraphs]) expect(p).not.toMatch(/^(ISLAMABAD|Islamabad):/);
  });

  it('removes page chrome from 003 and 004', () => {
    const chrome = [
      'info_icon',
      'Buy now',
      '13.1 C',
      'Representational Image Photo: AP',
      'International',
      'New York',
      'Related Articles',
      'Stay Connected',
      'Latest Articles',
      'FansLike',
      'Pakistan anti-terror operations',
      'Tuesday, April 30, 2024',
    ];
    for (const a of [seed('003'), seed('004')]) {
      for (const p of a.paragraphs) for (const c of chrome) expect(p).not.toContain(c);
    }
  });

  it('takes the headline after section labels and banners as the title', () => {
    expect(seed('003').title).toBe('Pakistan To Launch Comprehensive Operation Against Militants In Balochistan');
    expect(seed('004').title).toBe('Pak-US dialogue to counter growing terrorism');
  });

  it('dates 004 from its banner', () => {
    expect(seed('004').date).toBe('2024-04-30');
  });

  it('keeps a repeated paragraph once', () => {
    const a = seed('004');
    const lead = a.paragraphs.filter((p) => p.startsWith('Pakistan and the US will start the all-important dialogue'));
    expect(lead).toHaveLength(1);
    expect(new Set(a.paragraphs).size).toBe(a.paragraphs.length);
  });

  it('drops subheadings and credit footers but keeps prose', () => {
    const a = seed('001');
    expect(a.paragraphs).not.toContain('Operation Azm-e-Istehkam');
    expect(a.paragraphs).toHaveLength(8);
    expect(seed('000').paragraphs.some((p) => p.includes('With PTI Inputs'))).toBe(false);
    // A trailing agency tag is a credit, not part of the last sentence.
    expect(seed('004').paragraphs.at(-1)).toMatch(/alarm bell for the Afghan Taliban\.$/);
  });

  it('keeps curly and straight quotes as found', () => {
    expect(seed('000').paragraphs.some((p) => p.includes('“This is crucial'))).toBe(true);
    expect(seed('003').paragraphs.some((p) => p.includes('"Azm-e-Istehkam"'))).toBe(true);
  });
});
