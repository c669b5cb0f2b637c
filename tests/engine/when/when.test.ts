import { beforeAll, describe, expect, it } from 'vitest';
import { answer, type SearchIndex } from '../../../src/engine/index.ts';
import { openIndex } from '../../../src/app/index.ts';
import { seedIndex, tempCorpus } from '../../helpers.ts';

let seeds: SearchIndex;
let written: SearchIndex;

beforeAll(async () => {
  seeds = await seedIndex();
  // Articles written for these tests. 2023-03-15 is a Wednesday.
  const dir = tempCorpus({
    'a_harbour.txt': {
      date: '2023-03-15',
      title: 'Harbour bridge reopens after repairs',
      paragraphs: [
        'The harbour bridge, which was built in 1932, reopened to traffic on Monday after two years of repairs.',
        'The city council approved the repair plan in March 2020, and the mayor will inspect the bridge on Friday.',
        'A 47-year-old engineer led the work for the last three years.',
      ],
    },
    'b_museum.txt': {
      date: '2023-03-20',
      title: 'Museum director resigns',
      paragraphs: [
        'The museum director resigned last night after a dispute with the board.',
        'The museum opened in 1998. That year, the collection grew to four thousand objects, and the founder, Anna Lindqvist (1921–2004), donated her library.',
      ],
    },
    'c_undated.txt': {
      title: 'Orchestra tour announced',
      paragraphs: ['The orchestra said it began its tour on Saturday in Vienna.'],
    },
  });
  written = await openIndex({ corpusDir: dir, onWarn: () => {} });
});

const top = (index: SearchIndex, q: string) => answer(index, 'when', q)[0];

describe('/when over the seed articles', () => {
  it('resolves a future weekday to the one after the article date', () => {
    const best = top(seeds, 'will the Pakistan-US counter-terrorism dialogue start');
    expect(best.answer).toBe('Monday');
    expect(best.source.file).toBe('004_318a672dbf011d73.txt');
    // 004 is dated Tuesday 2024-04-30.
    expect(best.date).toBe('2024-05-06');
  });

  it('resolves a past weekday to the one before the article date', () => {
    const best = top(seeds, 'did the Federal Apex Committee approve the Balochistan operation');
    expect(best.answer).toBe('Tuesday');
    expect(best.date).toBe('2024-11-19');
  });

  it('prefers the date attached to the asked verb, in the asked voice: "was the plan approved"', () => {
    // 003 has "the Federal Apex Committee of the National Action Plan on Tuesday approved an operation":
    // there the committee approves something else; 000 has "the National Action Plan, a strategy approved in 2014".
    const best = top(seeds, 'was the National Action Plan approved');
    expect(best.answer).toBe('2014');
    expect(best.date).toBe('2014');
    expect(best.source.file).toBe('000_becc9658f8bc904d.txt');
  });

  it('answers with the date phrase, not the sentence, and cites the sentence', () => {
    const best = top(seeds, 'was the decision to launch Azm-e-Istehkam taken');
    expect(best.answer).toBe('June 22');
    expect(best.date).toBe('2024-06-22');
    expect(best.source.sentence).toContain(best.evidence);
    expect(best.source.sentence).toContain('June 22');
  });
});

describe('/when over written articles', () => {
  it('picks the date in the clause of the asked event among several', () => {
    expect(top(written, 'did the harbour bridge reopen')).toMatchObject({ answer: 'Monday', date: '2023-03-13' });
    expect(top(written, 'was the harbour bridge built')).toMatchObject({ answer: '1932', date: '1932' });
    expect(top(written, 'did the council approve the repair plan')).toMatchObject({ answer: 'March 2020', date: '2020-03' });
  });

  it('reads the tense of the clause: "will inspect … on Friday" is the Friday after', () => {
    expect(top(written, 'will the mayor inspect the bridge')).toMatchObject({ answer: 'Friday', date: '2023-03-17' });
  });

  it('never answers with a duration or an age', () => {
    const answers = answer(written, 'when', 'did the engineer lead the work on the bridge repairs');
    for (const a of answers) expect(a.answer).not.toMatch(/years?\b/);
  });

  it('finds "last night", which the tagger calls a time', () => {
    expect(top(written, 'did the museum director resign')).toMatchObject({ answer: 'last night', date: '2023-03-19' });
  });

  it('dates "that year" from the year stated before it', () => {
    const best = top(written, 'did the museum collection grow to four thousand objects');
    expect(best.answer).toBe('That year (1998)');
    expect(best.date).toBe('1998');
  });

  it('takes the first year of a lifespan for a birth', () => {
    expect(top(written, 'was Anna Lindqvist born')).toMatchObject({ answer: '1921', date: '1921' });
  });

  it('keeps a weekday with no article date as a phrase, with no invented ISO date', () => {
    const best = top(written, 'did the orchestra begin its tour in Vienna');
    expect(best.answer).toBe('Saturday');
    expect(best.date).toBeUndefined();
  });
});
