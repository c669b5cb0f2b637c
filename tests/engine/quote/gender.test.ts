import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndex } from '../../../src/engine/index.ts';
import { openIndex } from '../../../src/app/index.ts';
import { ArticleClauses } from '../../../src/engine/quote/clauses.ts';
import { mayStandFor, pronounOf } from '../../../src/engine/quote/gender.ts';
import { tempCorpus } from '../../helpers.ts';

const ARTICLES = {
  'family.txt': {
    date: '2026-04-04',
    title: 'The Varga family and the harbour',
    paragraphs: [
      'Mayor Ingrid Holt said her office would answer the letter.',
      'Councillor Tomas Dahl said his group would appeal, and Mr. Dahl left early.',
      'Anton Varga said his boats were ready.',
      'Lena Varga said her crews were not.',
    ],
  },
};

let article: ArticleClauses;
beforeAll(async () => {
  const index: SearchIndex = await openIndex({ corpusDir: tempCorpus(ARTICLES), onWarn: () => {} });
  article = new ArticleClauses(index, 0);
});

describe('pronounOf', () => {
  it('reads the pronouns after a name in sentences that name no one else, and honorifics', () => {
    expect(pronounOf(article, 'Ingrid Holt')).toBe('she');
    expect(pronounOf(article, 'Dahl')).toBe('he');
  });

  it('tells apart two people of one surname by their given names, and gives the surname alone none', () => {
    expect(pronounOf(article, 'Anton Varga')).toBe('he');
    expect(pronounOf(article, 'Lena Varga')).toBe('she');
    expect(pronounOf(article, 'Varga')).toBeUndefined();
  });
});

describe('mayStandFor', () => {
  it('rejects the other pronoun, and an unknown person only once someone was passed over', () => {
    expect(mayStandFor(article, 'he', 'Ingrid Holt', false)).toBe(false);
    expect(mayStandFor(article, 'she', 'Ingrid Holt', true)).toBe(true);
    expect(mayStandFor(article, 'she', 'Lena Varga', true)).toBe(true);
    expect(mayStandFor(article, 'he', 'Lena Varga', false)).toBe(false);
    expect(mayStandFor(article, 'she', 'Varga', false)).toBe(true);
    expect(mayStandFor(article, 'she', 'Varga', true)).toBe(false);
    expect(mayStandFor(article, 'it', 'Tomas Dahl', true)).toBe(true);
  });
});
