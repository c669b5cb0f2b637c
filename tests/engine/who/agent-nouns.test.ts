import { beforeAll, describe, expect, it } from 'vitest';
import { answer, type SearchIndex } from '../../../src/engine/index.ts';
import { openIndex } from '../../../src/app/index.ts';
import { sentenceAt } from '../../../src/index/index.ts';
import { wantedRole } from '../../../src/engine/who/agent-nouns.ts';
import { analyseWho } from '../../../src/engine/who/who-question.ts';
import { termKey } from '../../../src/nlp/terms.ts';
import { tempCorpus } from '../../helpers.ts';

// Articles written for these tests: invented people and places.
let index: SearchIndex;
beforeAll(async () => {
  index = await openIndex({
    corpusDir: tempCorpus({
      'a_ferry.txt': {
        date: '2023-06-01',
        title: 'Ferry sinks off Marrow Point',
        paragraphs: [
          'A ferry sank off Marrow Point on Sunday night, the coast guard said.',
          'Rescue crews searched the cold water until dawn.',
          'The only survivor of the sinking was a ship cook, Edda Vorn.',
        ],
      },
    }),
    onWarn: () => {},
  });
});

const idOf = (text: string): number => {
  for (let id = 0; id < index.sentences.length; id++) if (sentenceAt(index, id).text.includes(text)) return id;
  throw new Error(`no sentence with ${text}`);
};

describe('agent nouns', () => {
  it('reads "survivor" as the role of "who survived"', () => {
    const q = analyseWho('survived the sinking');
    expect([...wantedRole(index, idOf('only survivor'), q)]).toEqual([termKey('survivor')]);
    expect(wantedRole(index, idOf('Rescue crews'), q).size).toBe(0);
  });

  it('answers from a sentence that shares no word with the question but the agent noun', () => {
    expect(answer(index, 'who', 'survived the ferry off Marrow Point').map((a) => a.answer)).toContain('ship cook');
  });
});
