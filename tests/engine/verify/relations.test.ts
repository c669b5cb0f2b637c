import { beforeAll, describe, expect, it } from 'vitest';
import { answer, type SearchIndex } from '../../../src/engine/index.ts';
import { openIndex } from '../../../src/app/index.ts';
import { planQuery } from '../../../src/engine/query.ts';
import { retrieve } from '../../../src/engine/retrieve/retrieve.ts';
import { whoCandidates } from '../../../src/engine/who/who.ts';
import { checkCandidates, ruledOut } from '../../../src/engine/verify/index.ts';
import { tempCorpus } from '../../helpers.ts';

// Articles written for these tests: invented people, places and events. Each sentence is the one
// a trick question would copy and change.
const CORPUS = {
  'a_council.txt': {
    date: '2025-03-03',
    title: 'Council moves its offices',
    paragraphs: [
      'Mayor Oren Vasko moved the council offices from Lumsk to Varnia in 2020.',
      'Harbour Board chair Ana Ferreira opened the ferry terminal on August 4, 2021.',
      'Councillor Ida Marr accepted the harbour plan after a long debate.',
      'Rosa Lind is the chair of the sailing committee.',
      'Treasurer Pavel Dune approved the ferry budget.',
      'Treasurer Milan Orsk did not approve the rail budget.',
      'In 2019 the council planned a footbridge over the canal.',
      'The footbridge was opened in 2021 by engineer Lena Kowal.',
      'Teacher Yara Holt established the rowing club in 2010.',
      'Skipper Nils Berg painted the lighthouse; the boathouse was repaired by carpenter Ola Wik.',
    ],
  },
  'c_fees.txt': {
    date: '2025-01-20',
    title: 'Parking and buses',
    paragraphs: [
      'Councillor Tomas Reel increased the parking fees.',
      'Captain Edda Vorn began the night bus route.',
      'The plans for the marina were drawn up in 2014.',
      'The marina was renamed in 2016 by architect Sanna Brek.',
    ],
  },
  'b_theatre.txt': {
    date: '2025-02-10',
    title: 'A new play at the Lumsk theatre',
    paragraphs: [
      'Robert Hale wrote the play for the Lumsk theatre.',
      "In Tobin Arde's play, Mira Salk defies Lord Carran, the old king.",
      'English chemist John Hale refined the stage lighting.',
    ],
  },
};

let index: SearchIndex;
beforeAll(async () => {
  index = await openIndex({ corpusDir: tempCorpus(CORPUS), cacheDir: false, onWarn: () => {} });
});

const who = (q: string) => answer(index, 'who', q);
const score = (q: string): number => who(q)[0]?.score ?? 0;

/** The checks of the /who candidate `name` for a question. */
function checksOf(q: string, name: string) {
  const plan = planQuery(index, q);
  const hits = retrieve(index, plan, { minCoverage: 0.5 }).filter((h) => h.coverage >= 0.5);
  const c = checkCandidates(index, 'who', plan, whoCandidates(index, plan, hits)).find((x) => x.answer === name);
  if (!c) throw new Error(`${name} is no candidate of "${q}"`);
  return c;
}

describe('verification: relations the words alone do not show', () => {
  it('rules an answer out when the sentence turns "from X to Y" round', () => {
    expect(who('moved the council offices from Lumsk to Varnia')[0]?.answer).toBe('Oren Vasko');
    expect(ruledOut(checksOf('moved the council offices from Varnia to Lumsk', 'Oren Vasko'))).toBe('from Varnia to Lumsk asked, the other way stated');
    expect(who('moved the council offices from Varnia to Lumsk')).toEqual([]);
  });

  it('rules an answer out when another number stands beside the same word ("August 9" asked, "August 4" stated)', () => {
    expect(who('opened the ferry terminal on August 4, 2021')[0]?.answer).toBe('Ana Ferreira');
    expect(ruledOut(checksOf('opened the ferry terminal on August 9, 2021', 'Ana Ferreira'))).toBe('August 9 asked, 4 stated');
  });

  it('rules out a changed name even when the answer holds the changed word ("Robert Hale" asked, "John Hale" stated)', () => {
    expect(ruledOut(checksOf("refined Robert Hale's stage lighting", 'John Hale'))).toBe('Robert asked, John stated');
  });

  it('lowers the confidence when the sentence has an antonym of a question word (WordNet)', () => {
    const c = checksOf('rejected the harbour plan', 'Ida Marr');
    expect(c.checks.constraints.relations.antonym).toBe(1);
    expect(checksOf('accepted the harbour plan', 'Ida Marr').checks.constraints.relations.antonym).toBe(0);
    expect(score('rejected the harbour plan')).toBeLessThan(score('accepted the harbour plan'));
  });

  it('rules an answer out when an antonym of a question word stands in its place (WordNet)', () => {
    expect(who('increased the parking fees')[0]?.answer).toBe('Tomas Reel');
    expect(ruledOut(checksOf('decreased the parking fees', 'Tomas Reel'))).toBe('decreased asked, increased stated');
    expect(who('decreased the parking fees')).toEqual([]);
    // The antonym's synonyms too: "stop" is opposed to "start", which "begin" says.
    expect(ruledOut(checksOf('stopped the night bus route', 'Edda Vorn'))).toBe('stopped asked, began stated');
  });

  it("rules an answer out when another year follows the question's verb (the year asked only in the sentence before)", () => {
    expect(who('renamed the marina in 2016')[0]?.answer).toBe('Sanna Brek');
    expect(ruledOut(checksOf('renamed the marina in 2014', 'Sanna Brek'))).toBe('2014 asked, "renamed in 2016" stated');
    expect(who('renamed the marina in 2014')).toEqual([]);
  });

  it('lowers the confidence when a modifier of the question is missing ("the first chair")', () => {
    expect(checksOf('is the first chair of the sailing committee', 'Rosa Lind').checks.constraints.relations.modifier).toBe(1);
    expect(checksOf('is the chair of the sailing committee', 'Rosa Lind').checks.constraints.relations.modifier).toBe(0);
    expect(score('is the first chair of the sailing committee')).toBeLessThan(score('is the chair of the sailing committee'));
  });

  it('lowers the confidence when the sentence negates what the question affirms ("did not approve")', () => {
    expect(checksOf('approved the rail budget', 'Milan Orsk').checks.constraints.relations.negated).toBe(1);
    expect(checksOf('approved the ferry budget', 'Pavel Dune').checks.constraints.relations.negated).toBe(0);
    expect(score('approved the rail budget')).toBeLessThan(score('approved the ferry budget'));
  });

  it("lowers the confidence when the question's year is only around the sentence, which states another", () => {
    expect(checksOf('opened the footbridge in 2019', 'Lena Kowal').checks.constraints.relations.numberElsewhere).toBe(1);
    expect(checksOf('opened the footbridge in 2021', 'Lena Kowal').checks.constraints.relations.numberElsewhere).toBe(0);
    expect(score('opened the footbridge in 2019')).toBeLessThan(score('opened the footbridge in 2021'));
  });

  it('lowers the confidence when the sentence gives the act to another name than the question does', () => {
    expect(checksOf('does Tobin Arde defy', 'Lord Carran').checks.actor).toBe('other');
    expect(checksOf('does Mira Salk defy', 'Lord Carran').checks.actor).toBeUndefined();
    expect(score('does Tobin Arde defy')).toBeLessThan(score('does Mira Salk defy'));
  });

  it('counts a WordNet synonym or derivation of a question word as partly met ("founded" by "established")', () => {
    const c = checksOf('founded the rowing club', 'Yara Holt');
    expect(c.checks.constraints.paraphrased).toBeGreaterThan(0);
    expect(c.checks.constraints.missing.verb).toBe(0);
    expect(score('founded the rowing club')).toBeGreaterThan(score('painted the rowing club'));
  });

  it("weighs how much of the question the evidence says in the answer's own clause", () => {
    const berg = checksOf('painted the lighthouse', 'Nils Berg');
    const wik = checksOf('painted the lighthouse', 'Ola Wik');
    expect(berg.checks.clause).toBe(1);
    expect(wik.checks.clause).toBeLessThan(1);
    const [first, ...rest] = who('painted the lighthouse');
    expect(first.answer).toBe('Nils Berg');
    for (const a of rest) expect(a.score).toBeLessThan(first.score);
  });
});
