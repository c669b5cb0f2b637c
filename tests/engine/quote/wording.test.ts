import { beforeAll, describe, expect, it } from 'vitest';
import { openIndex } from '../../../src/app/index.ts';
import { answer, type SearchIndex } from '../../../src/engine/index.ts';
import { sequenceShare, wordsOf, wordsOfQuote } from '../../../src/engine/quote/wording.ts';
import { tempCorpus } from '../../helpers.ts';

describe('wordsOf', () => {
  it('folds case and accents and keeps contractions whole, with either apostrophe', () => {
    expect(wordsOf('“We’re NOT going,” said Zoë.')).toEqual(["we're", 'not', 'going', 'said', 'zoe']);
    expect(wordsOf("don't")).toEqual(wordsOf('don’t'));
  });
});

describe('wordsOfQuote', () => {
  it("reads a quotation's words once and keeps them with it", () => {
    const q = { quote: 'We will not back down' };
    expect(wordsOfQuote(q)).toEqual(wordsOf(q.quote));
    expect(wordsOfQuote(q)).toBe(wordsOfQuote(q));
  });
});

describe('sequenceShare', () => {
  it('is the longest run of the asked words, in order, over the asked words', () => {
    const asked = wordsOf('where do we go from here');
    expect(sequenceShare(asked, wordsOf('I just want to know, where do we go from here?'))).toBe(1);
    expect(sequenceShare(asked, wordsOf('The voters go where they please'))).toBeCloseTo(1 / 6);
    expect(sequenceShare(asked, wordsOf('Nothing alike at all'))).toBe(0);
  });

  it('is 0 for an empty ask or quotation', () => {
    expect(sequenceShare([], wordsOf('words'))).toBe(0);
    expect(sequenceShare(wordsOf('words'), [])).toBe(0);
  });
});

// Two invented articles: one quotation says the asked words in order, the other shares their one content word.
const ARTICLES = {
  'council.txt': {
    date: '2025-02-10',
    title: 'Council votes down the harbour budget',
    paragraphs: [
      'The Lindqvist council rejected the harbour budget on Monday after a long debate.',
      '"From here we go back to the voters, where the harbour budget will be decided, and we do so every year," councillor Mira Dahl said.',
    ],
  },
  'choir.txt': {
    date: '2025-02-11',
    title: 'Choir ends its season',
    paragraphs: ['The town choir gave its last concert of the season on Tuesday.', '"Where do we go from here?" asked conductor Ivo Berg.'],
  },
  'crews.txt': {
    date: '2025-02-12',
    title: 'Harbour master on the ferry crews',
    paragraphs: [
      'Harbour master Ines Holm spoke about the ferry crews on Wednesday.',
      '"You have got to win over your own crews before you can win anything on the water," Holm said.',
    ],
  },
  'leaflet.txt': {
    date: '2025-02-13',
    title: 'Leaflets in the harbour election',
    paragraphs: ['A leaflet left on the ferry seats warned that the rival list "would say or do anything to win an election."'],
  },
};

let index: SearchIndex;
beforeAll(async () => {
  index = await openIndex({ corpusDir: tempCorpus(ARTICLES), onWarn: () => {} });
});

describe('/quote ranks the quotation that says the asked words first', () => {
  it('prefers the words in their order to a quotation sharing one of them', () => {
    const [best] = answer(index, 'quote', 'where do we go from here');
    expect(best?.answer).toContain('Where do we go from here');
    expect(best?.speaker).toBe('Ivo Berg');
  });

  it('a few words quoted with no speaker, said word for word, rank above a sure speaker sharing two of them', () => {
    const [best] = answer(index, 'quote', 'say or do anything to win an');
    expect(best?.answer).toContain('say or do anything to win an election');
  });
});
