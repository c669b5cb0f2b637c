import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndex } from '../../../src/engine/index.ts';
import { openIndex } from '../../../src/app/index.ts';
import { quoteIn, tempCorpus } from '../../helpers.ts';

// An invented long article: a pronoun far from the last person named.
const ARTICLES = {
  'long.txt': {
    date: '2026-06-01',
    title: 'Island council votes on the new harbour',
    paragraphs: [
      'Harbour master Ines Dalgaard opened the meeting on Monday.',
      'The council then heard the budget for the dredging works and the new pier.',
      'The works will cost four million crowns over three years.',
      'Two ferry companies have asked for berths at the new pier.',
      'The vote on the plan is due in March.',
      '"The plan leaves the fishing boats without a winter berth," he remarked.',
      '"The pier will be ready before the summer season," Dalgaard said. "The fishing boats keep their berths," she added.',
    ],
  },
  'spence.txt': {
    date: '2026-06-02',
    title: 'Ferry talks next week',
    paragraphs: [
      'Ryan and Tomas Ek will meet next week, Karl Spence said, adding, "They need a good long talk about the ferry."',
      'Martin Dean chairs the works committee.',
      '"The pier comes first," said Dean.',
      '"The ferry must run all winter," Sen. Ada Holm (D-N.Y.) said Tuesday.',
    ],
  },
};

let index: SearchIndex;
beforeAll(async () => {
  index = await openIndex({ corpusDir: tempCorpus(ARTICLES), onWarn: () => {} });
});

const quoteOf = (text: string, file?: string) => quoteIn(index, file, text);

describe('pronouns', () => {
  it('"he remarked" four paragraphs after the last person named: speaker not named, never a guess', () => {
    expect(quoteOf('without a winter berth').speaker).toBeUndefined();
  });

  it('"she added" after "Dalgaard said" in the same paragraph → the person just named', () => {
    expect(quoteOf('keep their berths').speaker).toBe('Ines Dalgaard');
  });
});

describe('a participle, and a surname that is a title word', () => {
  it('"X will meet, Spence said, adding, “…”": the participle shares the speech verb\'s subject', () => {
    expect(quoteOf('good long talk', 'spence.txt').speaker).toBe('Karl Spence');
  });

  it('"said Dean": a surname that is also a title word, with no article before it, is the person named in full', () => {
    expect(quoteOf('pier comes first', 'spence.txt').speaker).toBe('Martin Dean');
  });

  it('"Sen. Ada Holm (D-N.Y.) said": the stop between two initials of a party tag ends no clause', () => {
    expect(quoteOf('run all winter', 'spence.txt').speaker).toBe('Ada Holm');
  });
});
