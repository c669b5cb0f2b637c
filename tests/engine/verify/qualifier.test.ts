import { beforeAll, describe, expect, it } from 'vitest';
import { answer, type SearchIndex } from '../../../src/engine/index.ts';
import { openIndex } from '../../../src/app/index.ts';
import { planQuery } from '../../../src/engine/query.ts';
import { retrieve } from '../../../src/engine/retrieve/retrieve.ts';
import { whoCandidates } from '../../../src/engine/who/who.ts';
import { whenCandidates } from '../../../src/engine/when/when.ts';
import { checkCandidates, ruledOut } from '../../../src/engine/verify/index.ts';
import { features, setOf } from '../../../src/engine/verify/confidence.ts';
import { tempCorpus } from '../../helpers.ts';

// Articles written for these tests: invented people, places and events. Each sentence is the one
// a trick question would copy and change one qualifier of.
const CORPUS = {
  'a_court.txt': {
    date: '2025-03-03',
    title: 'The old courts of Varnia',
    paragraphs: [
      'The Swedish envoy Karl Ostrand signed the harbour treaty with Varnia.',
      'General Ivo Marek led the northern army across the river.',
      'The three brothers Tal, Bo and Ren Hask founded the mill in 1901.',
      'The winter assembly was opened by speaker Lise Moberg in 1910.',
      'Years later a Danish trawler docked at Lumsk.',
      "Lumsk's first ferry terminal was opened in 1921.",
      'In 1905, Anna Lind Berg and Oskar von Hale mapped the fjord.',
      'The Second Harbour War began in 1915, and the ferries stopped.',
      'Skipper Ada Quist won Harbour Cups I and II in 1930 and 1931.',
    ],
  },
  'b_towns.txt': {
    date: '2025-02-01',
    title: 'Travels',
    paragraphs: [
      'The ferry from Lumsk reached Osterby at dawn.',
      'She lived in Osterby for years, and later moved to Osterby again.',
      'A market opened in Osterby and a school at Osterby.',
      'Osterby hosted the visit of Karl Ostrand.',
    ],
  },
};

let index: SearchIndex;
beforeAll(async () => {
  index = await openIndex({ corpusDir: tempCorpus(CORPUS), cacheDir: false, onWarn: () => {} });
});

function checksOf(command: 'who' | 'when', q: string, name: string) {
  const plan = planQuery(index, q);
  const hits = retrieve(index, plan, { minCoverage: 0.3 });
  const candidates = command === 'who' ? whoCandidates(index, plan, hits) : whenCandidates(index, plan, hits);
  const all = checkCandidates(index, command, plan, candidates);
  const c = all.find((x) => x.answer === name || x.date === name);
  if (!c) throw new Error(`${name} is no candidate of "${q}": ${all.map((x) => x.answer)}`);
  return { c, all };
}

describe('verification: a changed qualifier rules the answer out', () => {
  it('a nationality: "the Danish envoy" asked, "the Swedish envoy" stated', () => {
    expect(answer(index, 'who', 'was the Swedish envoy who signed the harbour treaty')[0]?.answer).toBe('Karl Ostrand');
    expect(ruledOut(checksOf('who', 'was the Swedish envoy who signed the harbour treaty', 'Karl Ostrand').c)).toBeUndefined();
    expect(ruledOut(checksOf('who', 'was the Danish envoy who signed the harbour treaty', 'Karl Ostrand').c)).toBe('Danish asked, Swedish stated');
    expect(answer(index, 'who', 'was the Danish envoy who signed the harbour treaty')).toEqual([]);
  });

  it('a direction, a count and a season', () => {
    expect(ruledOut(checksOf('who', 'led the northern army across the river', 'Ivo Marek').c)).toBeUndefined();
    expect(ruledOut(checksOf('who', 'led the southern army across the river', 'Ivo Marek').c)).toBe('southern asked, northern stated');
    expect(ruledOut(checksOf('when', 'did the four brothers found the mill', '1901').c)).toBe('four asked, three stated');
    expect(ruledOut(checksOf('when', 'was the summer assembly opened', '1910').c)).toBe('summer asked, winter stated');
    expect(ruledOut(checksOf('when', 'was the winter assembly opened', '1910').c)).toBeUndefined();
  });

  it("a word of another kind in the qualifier's place is no change", () => {
    expect(ruledOut(checksOf('who', 'was the Swedish harbour envoy', 'Karl Ostrand').c)).toBeUndefined();
  });
});

describe('verification: another owner rules the answer out', () => {
  it('"Varnia\'s first ferry terminal" asked, "Lumsk\'s first ferry terminal" stated', () => {
    expect(ruledOut(checksOf('when', "was Lumsk's first ferry terminal opened", '1921').c)).toBeUndefined();
    expect(ruledOut(checksOf('when', "was Varnia's first ferry terminal opened", '1921').c)).toBe("Varnia's asked, Lumsk's stated");
  });
});

describe('verification: two words of one name found apart, across a particle', () => {
  it('"Lind von Hale" asked, "Anna Lind Berg and Oskar von Hale" stated', () => {
    expect(ruledOut(checksOf('when', 'did Oskar von Hale map the fjord', '1905').c)).toBeUndefined();
    expect(ruledOut(checksOf('when', 'did Anna Lind von Hale map the fjord', '1905').c)).toBe('Lind von Hale asked, not one name');
  });
});

describe("verification: a name's number changed", () => {
  it('"Harbour War I" asked, "the Second Harbour War" stated', () => {
    expect(ruledOut(checksOf('when', 'did the Second Harbour War begin', '1915').c)).toBeUndefined();
    expect(ruledOut(checksOf('when', 'did Harbour War II begin', '1915').c)).toBeUndefined();
    expect(ruledOut(checksOf('when', 'did Harbour War I begin', '1915').c)).toBe('Harbour … I asked, Second stated');
    // A list states each of its numbers.
    expect(ruledOut(checksOf('who', 'won Harbour Cup II', 'Ada Quist').c)).toBeUndefined();
    expect(ruledOut(checksOf('who', 'won Harbour Cup III', 'Ada Quist').c)).toBe('Cup III asked, Cup I, II stated');
  });
});

describe('confidence: place-likeness of a /who answer', () => {
  it('is read from how often the corpus writes the name after in/at/from', () => {
    const { c: place, all } = checksOf('who', 'hosted the visit of Karl Ostrand', 'Osterby');
    expect(place.checks.place).toBeGreaterThan(0.5);
    const person = checksOf('who', 'signed the harbour treaty with Varnia', 'Karl Ostrand').c;
    expect(person.checks.place).toBe(0);
    // It is one of the model's inputs.
    expect(features(place, 'who', setOf(all)).at(-1)).toBe(place.checks.place);
  });
});
