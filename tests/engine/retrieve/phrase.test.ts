import { beforeAll, describe, expect, it } from 'vitest';
import { answer, type SearchIndex } from '../../../src/engine/index.ts';
import { openIndex } from '../../../src/app/index.ts';
import { planQuery } from '../../../src/engine/query.ts';
import { phraseSentences } from '../../../src/engine/retrieve/phrase.ts';
import { tempCorpus } from '../../helpers.ts';

// Invented articles: fifty that use the common words of the remembered run over and over (so lunr
// ranks them first), and one that says the run once, inside a quotation.
const FILLER = Object.fromEntries(
  Array.from({ length: 50 }, (_, i) => [
    `filler-${i}.txt`,
    {
      date: '2024-05-01',
      title: `Council debates better roads, part ${i}`,
      paragraphs: [
        `Better roads and better bus lanes were debated again in district ${i}, where people think better planning is needed.`,
        'Residents think the better option is a better ring road, and planners think better signs would help.',
      ],
    },
  ]),
);
const ARTICLES = {
  ...FILLER,
  'ferry.txt': {
    date: '2024-05-02',
    title: 'Ferry operator apologises for cancelled crossings',
    paragraphs: [
      'The Lindqvist ferry operator cancelled six crossings on Sunday after a crew shortage.',
      '“We let our passengers down, and we have to do better,” said operations chief Marta Solberg.',
      '“In this case, I think he’s right about the timetable,” she said of the union leader.',
    ],
  },
};

let index: SearchIndex;
beforeAll(async () => {
  index = await openIndex({ corpusDir: tempCorpus(ARTICLES), onWarn: () => {} });
});

const phraseTexts = (ask: string): string[] => phraseSentences(index, planQuery(index, ask)).map((id) => index.sentences[id].text);

describe('phraseSentences', () => {
  it('finds the sentence that says a run of mostly function words, word for word', () => {
    expect(phraseTexts('we have to do better')).toEqual(['“We let our passengers down, and we have to do better,” said operations chief Marta Solberg.']);
  });

  it('matches whatever apostrophe the ask uses, across the punctuation of the text', () => {
    expect(phraseTexts("in this case I think he's right")).toHaveLength(1);
    expect(phraseTexts('In this case I think he’s right')).toHaveLength(1);
  });

  it('finds nothing when the words are there but not in that order', () => {
    expect(phraseTexts('we have to better do')).toEqual([]);
  });

  it('leaves keyword asks to lunr', () => {
    expect(phraseTexts('ferry crossings crew shortage')).toEqual([]);
    expect(phraseTexts('better roads')).toEqual([]);
  });
});

describe('/quote of a remembered run of words', () => {
  it('answers from the article that says it, though lunr ranks fifty others above it', () => {
    const [best] = answer(index, 'quote', 'we have to do better');
    expect(best.source.file).toBe('ferry.txt');
    expect(best.answer).toContain('we have to do better');
    expect(best.speaker).toBe('Marta Solberg');
  });
});
