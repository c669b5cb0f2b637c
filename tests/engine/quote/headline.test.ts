import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchIndex } from '../../../src/engine/index.ts';
import { openIndex } from '../../../src/app/index.ts';
import { quotesOf } from '../../../src/engine/quote/quote.ts';
import { tempCorpus } from '../../helpers.ts';

// Invented statements whose only attribution is the title line.
const ARTICLES = {
  'of.txt': {
    date: '2026-05-01',
    title: 'Statement of Harbour Commissioner Ines Dalgaard on the Night Ferry Ruling',
    paragraphs: ['"The court has confirmed what the island towns have said for years: the night ferry is a public service, and it will keep running."'],
  },
  'spokesman.txt': {
    date: '2026-05-02',
    title: 'Statement by Tomas Ahlgren, Coastal Authority Spokesman, on the Lighthouse Sale',
    paragraphs: ['"The lighthouse will stay in public hands, and the keepers\' cottage will open as a museum next summer."'],
  },
  'issues.txt': {
    date: '2026-05-03',
    title: 'Governor Elin Lund Issues Statement on the Bridge Repairs',
    paragraphs: ['Governor Elin Lund visited the bridge site on Monday.', '"The repairs will start in May, and the road will close for six weeks while the deck is replaced."'],
  },
  'two.txt': {
    date: '2026-05-04',
    title: 'Statement by Mayor Eva Lie and Councillor Ivar Holm on the Budget Vote',
    paragraphs: ['"The budget protects the night buses and the school meals, and we will not reopen it this year."'],
  },
  'verb.txt': {
    date: '2026-05-05',
    title: 'Judge Rejects Report on Harbour Dredging',
    paragraphs: ['"The dredging report leaves out the winter storms, and the port cannot plan without them."'],
  },
};

let index: SearchIndex;
beforeAll(async () => {
  index = await openIndex({ corpusDir: tempCorpus(ARTICLES), onWarn: () => {} });
});

const speakerIn = (file: string): string | undefined =>
  quotesOf(
    index,
    index.docs.findIndex((d) => d.file === file),
  )[0]?.speaker;

describe('a speaker named only in the title line', () => {
  it('"Statement of Harbour Commissioner Ines Dalgaard on …" → the person it names', () => {
    expect(speakerIn('of.txt')).toMatch(/(^| )Ines Dalgaard$/);
  });

  it('"Statement by Tomas Ahlgren, Coastal Authority Spokesman, on …" → the name before the comma', () => {
    expect(speakerIn('spokesman.txt')).toBe('Tomas Ahlgren');
  });

  it('"Governor Elin Lund Issues Statement on …" → the issuer the article also names', () => {
    expect(speakerIn('issues.txt')).toBe('Elin Lund');
  });

  it('two issuers, or capitals that may be a verb ("Judge Rejects Report on …"): speaker not named', () => {
    expect(speakerIn('two.txt')).toBeUndefined();
    expect(speakerIn('verb.txt')).toBeUndefined();
  });
});
