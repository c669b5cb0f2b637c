import { beforeAll, describe, expect, it } from 'vitest';
import { answer, type SearchIndex } from '../../../src/engine/index.ts';
import { openIndex } from '../../../src/app/index.ts';
import { planQuery } from '../../../src/engine/query.ts';
import { retrieve } from '../../../src/engine/retrieve/retrieve.ts';
import { whenCandidates } from '../../../src/engine/when/when.ts';
import { checkCandidates, ruledOut } from '../../../src/engine/verify/index.ts';
import { tempCorpus } from '../../helpers.ts';

// Articles written for these tests: invented people, places and events.
const CORPUS = {
  'a_lumsk.txt': {
    date: '2025-03-03',
    title: 'A short history of Lumsk',
    paragraphs: [
      'The Lumsk choir was established in 1931.',
      'In 1950 the poet Ines Vard wrote about the Lumsk choir.',
      'The plague reached Varnia in 1349, and Norvik was struck by the fever a year later.',
    ],
  },
  'b_painters.txt': {
    date: '2025-02-11',
    title: 'Painters of Varnia',
    paragraphs: [
      'The painter Eva Strand was born in Varnia in 1950.',
      'The critic Lars Moe (1911) praised her first show.',
      'The painter Tove Lunde (1899–1975) taught at the Varnia school.',
    ],
  },
};

let index: SearchIndex;
beforeAll(async () => {
  index = await openIndex({ corpusDir: tempCorpus(CORPUS), cacheDir: false, onWarn: () => {} });
});

/** The /when candidate `date` of a question, with its checks. */
function candidateOf(q: string, date: string) {
  const plan = planQuery(index, q);
  const hits = retrieve(index, plan, { minCoverage: 0.3 }).filter((h) => h.coverage >= 0.3);
  const c = checkCandidates(index, 'when', plan, whenCandidates(index, plan, hits)).find((x) => x.answer === date);
  if (!c) throw new Error(`${date} is no candidate of "${q}"`);
  return c;
}

const checksOf = (q: string, date: string) => candidateOf(q, date).checks;
const when = (q: string) => answer(index, 'when', q);

describe('verification: how a /when answer ties to the question', () => {
  it("ties the date to the event said by a WordNet synonym of the question's verb, in its clause", () => {
    expect(checksOf('was the Lumsk choir founded', '1931').tie).toBe('clause');
  });

  it("tells a date whose clause states another act ('other') from one with no act at all", () => {
    expect(checksOf('was the poet Ines Vard born', '1950').tie).toBe('other');
  });

  it("weighs the share of the question's names in the date's own clause", () => {
    expect(checksOf('did the plague reach Varnia', '1349').nameClause).toBe(1);
    expect(checksOf('did the fever strike Norvik', '1349').nameClause).toBe(0);
  });

  it('rules out a birth or death asked about that the sentence does not state (another act, the other event, a citation year)', () => {
    expect(ruledOut(candidateOf('was the poet Ines Vard born', '1950'))).toBe('a birth or death asked, none stated');
    expect(when('was the painter Eva Strand born')[0]?.answer).toBe('1950');
    expect(when('did the painter Eva Strand die')).toEqual([]);
    expect(ruledOut(candidateOf('was the critic Lars Moe born', '1911'))).toBe('a birth or death asked, none stated');
    expect(when('was the painter Tove Lunde born')[0]?.answer).toMatch(/1899/);
  });
});
