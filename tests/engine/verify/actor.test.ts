import { beforeAll, describe, expect, it } from 'vitest';
import { answer, type SearchIndex } from '../../../src/engine/index.ts';
import { openIndex } from '../../../src/app/index.ts';
import { planQuery } from '../../../src/engine/query.ts';
import { retrieve } from '../../../src/engine/retrieve/retrieve.ts';
import { whoCandidates } from '../../../src/engine/who/who.ts';
import { whenCandidates } from '../../../src/engine/when/when.ts';
import { checkCandidates, ruledOut } from '../../../src/engine/verify/index.ts';
import { questionActors } from '../../../src/engine/verify/actor.ts';
import { tempCorpus } from '../../helpers.ts';

// Articles written for these tests: invented people, places and events. Each sentence is the one
// a trick question would copy, moving one of its names to another role of the act.
const CORPUS = {
  'a_harbour.txt': {
    date: '2025-03-03',
    title: 'The new harbour crane',
    paragraphs: [
      'In 2019 engineer Ilse Varga, inspired by a remark made by Tomas Brandt, designed the harbour crane.',
      'The Lumsk Rowing Fund, established in 2012 by the Varnia Maritime Trust (VMT), pays for the boats.',
      'Varnia built the footbridge over the canal in 2018, after Lumsk had paid for it.',
      'Skipper Pia Olsen defeated Kira Mond in the regatta of 2016.',
      'The rare moss was confirmed in 2017, with the discovery of the moss beds by botanist Edda Rune.',
      'The ferry board, led by Jon Skarv, met in March 2022, after the resignation of Lise Moberg.',
      'The boats are kept by the Nordhavn Sailing Club, which closed in 2015.',
    ],
  },
};

let index: SearchIndex;
beforeAll(async () => {
  index = await openIndex({ corpusDir: tempCorpus(CORPUS), cacheDir: false, onWarn: () => {} });
});

/** The checked candidate `answer` of a /who or /when question. */
function candidate(command: 'who' | 'when', q: string, name: string) {
  const plan = planQuery(index, q);
  const hits = retrieve(index, plan, { minCoverage: 0.5 }).filter((h) => h.coverage >= 0.5);
  const found = command === 'who' ? whoCandidates(index, plan, hits) : whenCandidates(index, plan, hits);
  const c = checkCandidates(index, command, plan, found).find((x) => x.answer === name);
  if (!c) throw new Error(`${name} is no candidate of "${q}"`);
  return c;
}

describe("verification: the question's names in the roles of the sentence's act", () => {
  it('reads the role the question gives each of its names', () => {
    expect(questionActors('did Ilse Varga inspire')?.groups).toEqual([{ names: [['ils', 'varga']], role: 'agent' }]);
    expect(questionActors('when was the Varnia Maritime Trust founded')?.groups).toEqual([{ names: [['varnia', 'maritim', 'trust']], role: 'patient' }]);
    expect(questionActors('was defeated by Kira Mond')?.groups).toEqual([{ names: [['kira', 'mond']], role: 'agent' }]);
    // A common noun heads the phrase: the name only qualifies it.
    expect(questionActors('when was the old council of Varnia founded')).toBeUndefined();
  });

  it('rules out an answer when the participle after a name makes it the one acted on ("X, inspired by …")', () => {
    const c = candidate('who', 'did Ilse Varga inspire', 'Tomas Brandt');
    expect(c.checks.actor).toBe('swapped');
    expect(ruledOut(c)).toBeDefined();
    expect(answer(index, 'who', 'inspired Ilse Varga')[0]?.answer).toBe('Tomas Brandt');
  });

  it('rules out a date when the question makes the agent of a reduced passive its patient ("established … by X")', () => {
    expect(candidate('when', 'was the Varnia Maritime Trust founded', '2012').checks.actor).toBe('swapped');
    expect(answer(index, 'when', 'was the Varnia Maritime Trust founded')[0]?.answer).not.toBe('2012');
    expect(candidate('when', 'was the Lumsk Rowing Fund founded', '2012').checks.actor).toBeUndefined();
    expect(answer(index, 'when', 'was the Lumsk Rowing Fund founded')[0]?.answer).toBe('2012');
  });

  it('rules out an answer when the passive question turns the active sentence round', () => {
    expect(ruledOut(candidate('who', 'was defeated by Kira Mond', 'Pia Olsen'))).toBeDefined();
    expect(answer(index, 'who', 'was defeated by Pia Olsen')[0]?.answer).toBe('Kira Mond');
  });

  it('lowers the confidence when the sentence gives the act to another name', () => {
    expect(candidate('when', 'did Lumsk build the footbridge', '2018').checks.actor).toBe('other');
    expect(candidate('when', 'did Varnia build the footbridge', '2018').checks.actor).toBeUndefined();
    const score = (q: string): number => answer(index, 'when', q)[0]?.score ?? 0;
    expect(score('did Lumsk build the footbridge')).toBeLessThan(score('did Varnia build the footbridge'));
  });

  it('reads the roles of a noun of the act: "the discovery of X by Y", "the resignation of X"', () => {
    expect(candidate('when', 'did Edda Rune discover the moss beds', '2017').checks.actor).toBeUndefined();
    expect(candidate('when', 'did Jon Skarv discover the moss beds', '2017').checks.actor).toBe('other');
    expect(candidate('when', 'did Lise Moberg resign from the ferry board', 'March 2022').checks.actor).toBeUndefined();
    expect(candidate('when', 'did Jon Skarv resign from the ferry board', 'March 2022').checks.actor).toBe('other');
  });

  it('reads the name a relative pronoun stands for as the subject ("X, which closed")', () => {
    expect(candidate('when', 'did the Nordhavn Sailing Club close', '2015').checks.actor).toBeUndefined();
    expect(candidate('when', 'did the Varnia Sailing Club close', '2015').checks.actor).toBe('other');
  });
});
