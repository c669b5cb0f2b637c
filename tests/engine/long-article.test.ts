// A query's work is bounded by the sentences that match, up to fixed caps, never by an article's
// length: an invented file of 12,000 sentences of press releases, next to the seed articles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { answer, type SearchIndex } from '../../src/engine/index.ts';
import { openIndex } from '../../src/app/index.ts';
import { examined, LONG_ARTICLE } from '../../src/index/index.ts';
import type { CommandName } from '../../src/types.ts';
import { SEEDS, seedIndex, tempCorpus } from '../helpers.ts';

const FIRST = ['Mara', 'Tobin', 'Ilse', 'Dorian', 'Petra', 'Caspar', 'Wren', 'Odile', 'Lars', 'Neve'];
const LAST = [
  'Quist',
  'Harrow',
  'Venn',
  'Okafor',
  'Lindqvist',
  'Marsh',
  'Tiller',
  'Szabo',
  'Ferro',
  'Kellan',
  'Brandt',
  'Ostrow',
  'Pell',
  'Rask',
  'Umber',
  'Voss',
  'Wilde',
  'Yarrow',
  'Zell',
  'Abend',
];
const CITIES = ['Eastport', 'Millbrook', 'Cedar Falls', 'Norhaven', 'Port Ellis', 'Redwater', 'Gansett'];
const AGENCIES = ['FBI', 'IRS Criminal Investigation', 'Postal Inspection Service', 'Secret Service'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const RELEASES = 3000;

/** One invented press release of four sentences; the names repeat, the details differ. */
function release(i: number): string {
  const who = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
  const attorney = `${FIRST[(i + 3) % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
  const month = MONTHS[i % 12];
  const year = 2001 + (i % 20);
  return (
    `${CITIES[i % CITIES.length]} businessman ${who} was sentenced on ${month} ${1 + (i % 28)}, ${year} to ${12 + (i % 90)} months in prison for wire fraud, announced U.S. Attorney ${attorney}. ` +
    `“${who} stole from ${100 + i} families who trusted him,” said U.S. Attorney ${attorney.split(' ')[1]}. ` +
    `The case was investigated by the ${AGENCIES[i % AGENCIES.length]} field office in ${CITIES[(i + 2) % CITIES.length]}. ` +
    `${who.split(' ')[1]} pleaded guilty in ${MONTHS[(i + 5) % 12]} ${year}.`
  );
}

const HUGE = 'zz_collected_releases.txt';
let dir: string;
let index: SearchIndex;

beforeAll(async () => {
  dir = tempCorpus({ [HUGE]: { date: '2021-06-30', title: 'Collected press releases', paragraphs: Array.from({ length: RELEASES }, (_, i) => release(i)) } });
  for (const f of readdirSync(SEEDS)) if (f.endsWith('.txt')) copyFileSync(join(SEEDS, f), join(dir, f));
  index = await openIndex({ corpusDir: dir, cacheDir: false, onWarn: () => {} });
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Sentences the engine read one by one for this one question. */
function cost(command: CommandName, query: string): { answers: number; sentences: number } {
  const before = examined.sentences;
  const answers = answer(index, command, query).length;
  return { answers, sentences: examined.sentences - before };
}

describe('a query over an article of 12,000 sentences', () => {
  it('is a long article, read through its matching sentences', () => {
    const doc = index.docs.find((d) => d.file === HUGE);
    expect(doc?.count).toBeGreaterThanOrEqual(4 * RELEASES - 10);
    expect(doc?.count).toBeGreaterThan(20 * LONG_ARTICLE);
  });

  // Rare words, words in every release, names, a speaker: none reads more than a fraction of the article.
  const asks: [CommandName, string][] = [
    ['who', 'was sentenced to months in prison for wire fraud'],
    ['who', 'is the U.S. Attorney'],
    ['who', 'stole from 1234 families'],
    ['who', 'Mara Quist'],
    ['when', 'was Dorian Venn sentenced'],
    ['when', 'did Quist plead guilty'],
    ['quote', 'stole from families who trusted him'],
    ['quote', 'Harrow'],
    ['search', 'wire fraud field office'],
    ['who', 'investigated the case in Redwater'],
  ];
  for (const [command, query] of asks) {
    it(`/${command} ${query}: answered from at most 10,000 sentences read, whatever the article's length`, () => {
      const { answers, sentences } = cost(command, query);
      expect(answers).toBeGreaterThan(0);
      expect(sentences).toBeGreaterThan(0);
      expect(sentences).toBeLessThanOrEqual(10_000);
    });
  }

  it('finds the release a specific question is about', () => {
    const got = answer(index, 'when', 'was Dorian Venn sentenced to prison');
    expect(got[0].source.file).toBe(HUGE);
    expect(got[0].evidence).toContain('Dorian Venn');
  });
});

describe('the ordinary articles beside it', () => {
  it('give the same answers as in the seeds alone', async () => {
    const seeds = await seedIndex();
    const strip = (xs: ReturnType<typeof answer>) => xs.map((a) => ({ answer: a.answer, speaker: a.speaker, date: a.date, file: a.source.file, sentence: a.source.sentence }));
    for (const [command, query] of [
      ['who', 'is the State Department spokesperson'],
      ['when', 'will the Pakistan-US counter-terrorism dialogue start'],
      ['quote', 'diplomatic efforts'],
    ] as [CommandName, string][]) {
      const file = answer(seeds, command, query)[0].source.file;
      expect(strip(answer(index, command, query, { source: file })), `/${command} ${query}`).toEqual(strip(answer(seeds, command, query, { source: file })));
    }
  });
});
