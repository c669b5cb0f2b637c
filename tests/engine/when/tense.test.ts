import { beforeAll, describe, expect, it } from 'vitest';
import { answer, type SearchIndex } from '../../../src/engine/index.ts';
import { openIndex } from '../../../src/app/index.ts';
import { analyseParagraph } from '../../../src/nlp/analyse.ts';
import { clausesOf, findDateSpans } from '../../../src/engine/when/date-spans.ts';
import { tenseAt } from '../../../src/engine/when/tense.ts';
import { tempCorpus } from '../../helpers.ts';

// Articles written for these tests. 2025-03-03 is a Monday; 2025-10-20 a Monday too.
const CORPUS = {
  'a_spring.txt': {
    date: '2025-03-03',
    title: 'Lumsk bridge works near an end',
    paragraphs: [
      'The Varn bridge will be reopened on April 2, the council said.',
      'Tickets for the spring regatta go on sale on March 20 at the town hall.',
      'A verdict in the harbour fraud trial is expected in May.',
      'The new ferry terminal is planned for June.',
      'The lantern festival is due to open on April 12.',
      'The mayor opened the rebuilt fish market on February 14.',
      'The maritime museum was closed in December for repairs.',
      'The old ferry Aurora sank in November during a storm.',
    ],
  },
  'b_autumn.txt': {
    date: '2025-10-20',
    title: 'Tunnel and audit dates set',
    paragraphs: [
      'The Kessel tunnel will open in February, the transport office said.',
      'An audit of the port accounts is scheduled for January 15.',
      'The harbour master resigned in August after the audit began.',
    ],
  },
};

let index: SearchIndex;
beforeAll(async () => {
  index = await openIndex({ corpusDir: tempCorpus(CORPUS), onWarn: () => {} });
});

const dateOf = (query: string): string | undefined => answer(index, 'when', query)[0]?.date;

describe('/when: the tense of the clause sets the year of a date without one', () => {
  it('future forms look forward from the article date', () => {
    expect(dateOf('will the Varn bridge be reopened')).toBe('2025-04-02');
    expect(dateOf('will the Kessel tunnel open')).toBe('2026-02');
  });

  it('scheduled forms look forward: expected in, planned for, due to, scheduled for', () => {
    expect(dateOf('is a verdict in the harbour fraud trial expected')).toBe('2025-05');
    expect(dateOf('is the new ferry terminal planned')).toBe('2025-06');
    expect(dateOf('is the lantern festival due to open')).toBe('2025-04-12');
    expect(dateOf('is the audit of the port accounts scheduled')).toBe('2026-01-15');
  });

  it('a present-tense schedule looks forward', () => {
    expect(dateOf('do tickets for the spring regatta go on sale')).toBe('2025-03-20');
  });

  it('past forms look back, across the new year when the month is later than the article', () => {
    expect(dateOf('was the maritime museum closed')).toBe('2024-12');
    expect(dateOf('did the ferry Aurora sink')).toBe('2024-11');
    expect(dateOf('did the mayor open the rebuilt fish market')).toBe('2025-02-14');
    expect(dateOf('did the harbour master resign')).toBe('2025-08');
  });
});

describe('tenseAt reads the verb group that governs the date', () => {
  const tenseOf = (sentence: string): string => {
    const [s] = analyseParagraph(sentence);
    const [span] = findDateSpans(s);
    return tenseAt(s, span.start, span.end, clausesOf(s));
  };

  it.each([
    ['The bridge will be reopened on April 2, the council said.', 'future'],
    ['The council said on Monday that the bridge would reopen.', 'past'],
    ['A verdict is expected in May.', 'future'],
    ['The exhibition opens on May 3.', 'future'],
    ['The company plans to list its shares in June.', 'future'],
    ['The harbour has been dredged twice in December.', 'past'],
    ['Work on the quay began in January.', 'past'],
    ['It is the seat of the county, with which the city merged in 1968.', 'past'],
  ])('%s → %s', (sentence, tense) => {
    expect(tenseOf(sentence)).toBe(tense);
  });
});
