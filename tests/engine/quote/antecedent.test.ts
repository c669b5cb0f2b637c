import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndex } from '../../../src/engine/index.ts';
import { openIndex } from '../../../src/app/index.ts';
import { quoteIn, tempCorpus } from '../../helpers.ts';

// Invented articles: a pronoun after people of one surname, and after a person the quoted words speak about.
const ARTICLES = {
  'namesakes.txt': {
    date: '2026-06-02',
    title: 'Two Varga candidates on the ballot',
    paragraphs: [
      'Anton Varga said his campaign would not visit the islands.',
      'Lena Varga said her campaign would.',
      'Anton Varga spoke first at the harbour debate.',
      '"The fares will fall in the winter," she said.',
      'Councillor Jonas Berg answered the moderator.',
      'Oskar Lind then closed the debate.',
      '"Oskar Lind should let the islanders ask their questions," he said.',
    ],
  },
};

let index: SearchIndex;
beforeAll(async () => {
  index = await openIndex({ corpusDir: tempCorpus(ARTICLES), onWarn: () => {} });
});

const quoteOf = (text: string) => quoteIn(index, undefined, text);

describe('antecedent', () => {
  it('"she said" after two people of one surname: the one the article calls "she", by her given name', () => {
    expect(quoteOf('fares will fall').speaker).toBe('Lena Varga');
  });

  it('"he said" of quoted words that name the person just mentioned: someone else', () => {
    expect(quoteOf('let the islanders ask').speaker).toBe('Jonas Berg');
  });
});
