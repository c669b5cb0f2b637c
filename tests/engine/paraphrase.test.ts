import { beforeAll, describe, expect, it } from 'vitest';
import { answer, type SearchIndex } from '../../src/engine/index.ts';
import { openIndex } from '../../src/app/index.ts';
import { contractionsOf, synonyms } from '../../src/nlp/wordnet.ts';
import { tempCorpus } from '../helpers.ts';

// Articles written for these tests: invented places, bodies and people.
const CORPUS = {
  'a_talks.txt': {
    date: '2025-03-04',
    title: 'Ferry union and harbour board to hold talks',
    paragraphs: [
      'The ferry union and the harbour board will start negotiations over night shifts in Lumsk on Friday.',
      'Transport Department spokesperson Lina Holt said the timetable would not change during the talks.',
      'The regional government approved the new quay on Tuesday.',
      'Harbour pilot Oskar Brand told the inquiry that the channel markers had been moved.',
    ],
  },
  'b_front.txt': {
    date: '2025-03-01',
    title: 'Dockers group claims blockade',
    paragraphs: ['The Lumsk Dockers Front (LDF) said it had blocked the northern gate for six hours.', 'Police said members of the K.V.M. youth wing had joined the blockade.'],
  },
};

let index: SearchIndex;
beforeAll(async () => {
  index = await openIndex({ corpusDir: tempCorpus(CORPUS), onWarn: () => {} });
});

describe('WordNet as the kept lexicon', () => {
  it('gives the synonyms of a word in its common senses, both ways', () => {
    expect(synonyms('begin', 'v')).toEqual(expect.arrayContaining(['start', 'commence']));
    expect(synonyms('commence', 'v')).toEqual(expect.arrayContaining(['begin', 'start']));
    expect(synonyms('say', 'v')).toContain('tell');
    expect(synonyms('tell', 'v')).toContain('say');
    expect(synonyms('spokesman', 'n')).toContain('spokesperson');
    expect(synonyms('spokesperson', 'n')).toContain('spokesman');
  });

  it('leaves out words that share only a rare sense', () => {
    // "get" can mean "begin", but not in its common senses.
    expect(synonyms('begin', 'v')).not.toContain('get');
  });

  it('spells out contractions from its nouns and adjectives', () => {
    expect(contractionsOf('dept')).toContain('department');
    expect(contractionsOf('govt')).toContain('government');
    expect(contractionsOf('intl')).toContain('international');
  });
});

describe('paraphrased questions find the text', () => {
  it('"begin" and "commence" find "will start"', () => {
    expect(answer(index, 'when', 'will the negotiations between the ferry union and the harbour board begin')[0]?.date).toBe('2025-03-07');
    expect(answer(index, 'when', 'will the negotiations between the ferry union and the harbour board commence')[0]?.date).toBe('2025-03-07');
  });

  it('"spokesman" finds "spokesperson", and "dept" finds "Department"', () => {
    expect(answer(index, 'who', 'is the Transport Department spokesman')[0]?.answer).toBe('Lina Holt');
    expect(answer(index, 'who', 'is the transport dept spokesperson')[0]?.answer).toBe('Lina Holt');
  });

  it('"say" finds "told"', () => {
    expect(answer(index, 'who', 'said the channel markers had been moved')[0]?.answer).toBe('Oskar Brand');
  });

  it('"govt" finds "government"', () => {
    expect(answer(index, 'when', 'did the regional govt approve the new quay')[0]?.date).toBe('2025-03-04');
  });

  it('a dotted abbreviation is the acronym, both ways', () => {
    expect(answer(index, 'who', 'is the L.D.F.')[0]?.answer).toBe('Lumsk Dockers Front');
    expect(answer(index, 'search', 'L.D.F. northern gate')[0]?.source.file).toBe('b_front.txt');
    expect(answer(index, 'search', 'KVM youth wing')[0]?.answer).toContain('K.V.M. youth wing');
  });
});
