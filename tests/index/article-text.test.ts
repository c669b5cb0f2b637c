import { describe, expect, it } from 'vitest';
import { openIndex } from '../../src/app/index.ts';
import { readingRange, sentenceAt, sentencesWithLowerCase } from '../../src/index/index.ts';
import { seedIndex, tempCorpus } from '../helpers.ts';

/** What sentencesWithLowerCase must give: each sentence decoded and lower-cased. */
function naive(index: Awaited<ReturnType<typeof seedIndex>>, first: number, end: number, words: string[]): number[] {
  const out: number[] = [];
  for (let id = first; id < end; id++) {
    const lower = sentenceAt(index, id).text.toLowerCase();
    if (words.some((w) => lower.includes(w))) out.push(id);
  }
  return out;
}

describe('sentencesWithLowerCase', () => {
  it('finds a word in any case, in the sentences that hold it, in order', async () => {
    const index = await openIndex({
      corpusDir: tempCorpus({
        'a.txt': {
          title: 'Rescue at sea',
          paragraphs: [
            'The SURVIVORS were brought ashore on Monday.',
            'Nothing else was found.',
            'One survivor, a deck officer, spoke to reporters.',
            'Crews said the Survivor had swum for hours.',
          ],
        },
        // "İ" and the Kelvin sign lower-case to ASCII letters: the slow path reads them.
        'b.txt': { title: 'Letters', paragraphs: ['Officials at İzmir port said the İnspector had left.', 'The sample was kept at 4 \u212A overnight, the lab said.'] },
      }),
      onWarn: () => {},
    });
    for (let d = 0; d < index.docs.length; d++) {
      const { first, end } = readingRange(index, d);
      for (const words of [['surviv'], ['i̇nspector', 'officer'], ['k overnight'], ['nomatch'], ['said', 'crews']]) {
        expect(sentencesWithLowerCase(index, { first, end }, words)).toEqual(naive(index, first, end, words));
      }
    }
    const a = index.docs.findIndex((x) => x.file === 'a.txt');
    const { first, end } = readingRange(index, a);
    expect(sentencesWithLowerCase(index, { first, end }, ['surviv']).length).toBe(3);
  });

  it('gives what reading every sentence gives, on the seeds', async () => {
    const index = await seedIndex();
    for (let d = 0; d < index.docs.length; d++) {
      const { first, end } = readingRange(index, d);
      for (const words of [['minist'], ['police', 'said'], ['the']]) expect(sentencesWithLowerCase(index, { first, end }, words)).toEqual(naive(index, first, end, words));
    }
  });
});
