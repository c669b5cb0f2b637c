import { beforeAll, describe, expect, it } from 'vitest';
import { answer, type SearchIndex } from '../../../src/engine/index.ts';
import { openIndex } from '../../../src/app/index.ts';
import { findQuotes, quotesOf } from '../../../src/engine/quote/quote.ts';
import { quoteIn, seedIndex, tempCorpus } from '../../helpers.ts';

// Articles written for these tests: each paragraph exercises one way news names a speaker.
const ARTICLES = {
  'harbour.txt': {
    date: '2024-03-04',
    title: 'Harbour council approves new sea wall',
    paragraphs: [
      'The Lindqvist harbour council on Monday approved a new sea wall after two winters of flooding.',
      '"The sea wall will protect four hundred homes from the winter storms," Mayor Helena Ostrander said.',
      '"We cannot wait for another flood before acting," she added.',
      'Chief engineer Tomas Brevik, the project director, said the wall "will be finished before the autumn tides arrive."',
      'Brevik told reporters: "Every section has been tested against a hundred-year storm surge."',
      '"Construction crews will start on the northern pier first," said Brevik.',
      'According to Finance Minister Ragnar Holm, "the national budget covers two thirds of the total cost."',
      'The harbour council said in a statement: "Residents will be consulted on the design of the promenade."',
      '"Fishing boats will keep full access to the docks during the works," the statement said.',
      'Opponents called the plan a "Concrete Monster" and the local newspaper dubbed it "the Great Wall".',
      'Ostrander thanked the volunteers in a message to residents after the vote, and tweeted on Monday:',
      '"Today the town voted for safety. Thank you to every volunteer who filled sandbags last winter.',
      '"We will remember the families who lost their homes in the floods."',
      'Holm, the minister, said "the government will match every local contribution to the harbour fund."',
      'Local fisherman Anders Vik was quoted as saying the wall "came far too late for my own boat shed."',
    ],
  },
};

let index: SearchIndex;
beforeAll(async () => {
  index = await openIndex({ corpusDir: tempCorpus(ARTICLES), onWarn: () => {} });
});

const quoteOf = (text: string) => quoteIn(index, undefined, text);

describe('quotation marks', () => {
  it('finds straight and curly quotations, several sentences long', () => {
    const text = '“We will rebuild. Every home will be dry by winter,” she said. He said "This is only the start of the work."';
    const qs = findQuotes(text);
    expect(qs.map((q) => text.slice(q.from, q.to))).toEqual(['We will rebuild. Every home will be dry by winter,', 'This is only the start of the work.']);
  });

  it('ignores scare quotes, titles and apostrophes', () => {
    expect(findQuotes('Operation ‘Azm-e-Istehkam’ was called a "Concrete Monster" by the council’s critics.')).toEqual([]);
    expect(findQuotes('The summit, titled “Building Better Harbour Defence Systems”, opened today.')).toEqual([]);
  });

  it('runs a quotation left open to the end of the paragraph', () => {
    const [q] = findQuotes('"Today the town voted for safety. Thank you to every volunteer.');
    expect(q.unclosed).toBe(true);
  });
});

describe('attribution on written sentences', () => {
  it('"…," X said — with the title stripped', () => {
    expect(quoteOf('protect four hundred homes').speaker).toBe('Helena Ostrander');
  });

  it('"…," she added → the person named before', () => {
    expect(quoteOf('cannot wait for another flood').speaker).toBe('Helena Ostrander');
  });

  it('X, the director, said a partial quote', () => {
    const q = quoteOf('finished before the autumn tides');
    expect(q.speaker).toBe('Tomas Brevik');
    expect(q.fragment).toBe(true);
  });

  it('X told reporters: "…" and "…," said X — a surname folded to the full name', () => {
    expect(quoteOf('Every section has been tested').speaker).toBe('Tomas Brevik');
    expect(quoteOf('northern pier first').speaker).toBe('Tomas Brevik');
  });

  it('according to X', () => {
    expect(quoteOf('national budget covers').speaker).toBe('Ragnar Holm');
  });

  it('the statement said → the body that issued it', () => {
    expect(quoteOf('Residents will be consulted').speaker).toMatch(/harbour council/i);
    expect(quoteOf('Fishing boats will keep full access').speaker).toMatch(/harbour council/i);
  });

  it('the sentence before introduces the quote, which continues into the next paragraph', () => {
    expect(quoteOf('Today the town voted for safety').speaker).toBe('Helena Ostrander');
    expect(quoteOf('We will remember the families').speaker).toBe('Helena Ostrander');
  });

  it('"X, the minister, said" and "was quoted as saying"', () => {
    expect(quoteOf('match every local contribution').speaker).toBe('Ragnar Holm');
    expect(quoteOf('far too late for my own boat shed').speaker).toBe('Anders Vik');
  });

  it('scare quotes are not quotations', () => {
    expect(quotesOf(index, 0).some((q) => /Concrete Monster|Great Wall/.test(q.quote))).toBe(false);
  });
});

describe('/quote answers', () => {
  it('cites the sentences a multi-sentence quote spans, evidence inside them', () => {
    const [best] = answer(index, 'quote', 'volunteer sandbags');
    expect(best.answer).toContain('Thank you to every volunteer');
    expect(best.speaker).toBe('Helena Ostrander');
    expect(best.source.sentence).toContain(best.evidence);
  });

  it('prefers the quote whose speaker the query names over one sharing topic words', () => {
    const [best] = answer(index, 'quote', 'minister on the harbour');
    expect(best.speaker).toBe('Ragnar Holm');
    const [byName] = answer(index, 'quote', 'Brevik on the storm');
    expect(byName.speaker).toBe('Tomas Brevik');
  });

  it('answers nothing for an unrelated topic, even from a speaker the article quotes', () => {
    expect(answer(index, 'quote', 'cricket match result')).toEqual([]);
    expect(answer(index, 'quote', 'Ostrander on electric cars')).toEqual([]);
  });
});

describe('/quote over the seed articles', () => {
  it('"the PM said" → the prime minister the article names', async () => {
    const seeds = await seedIndex();
    const [best] = answer(seeds, 'quote', 'diplomatic efforts');
    expect(best.answer).toContain('Diplomatic efforts will be intensified');
    expect(best.speaker).toBe('Shehbaz Sharif');
    expect(best.source.sentence).toContain(best.evidence);
  });

  it('"he added" / "he noted" → Masood Khan; "said Miller" → Matthew Miller', async () => {
    const seeds = await seedIndex();
    expect(answer(seeds, 'quote', 'one or two issues should not hold the relationship hostage')[0].speaker).toBe('Masood Khan');
    expect(answer(seeds, 'quote', "support Pakistan's efforts to combat terrorism")[0].speaker).toBe('Matthew Miller');
    expect(answer(seeds, 'quote', 'dialogue aimed at discussing common threat of terrorism')[0].speaker).toBe('Foreign Office');
  });
});
