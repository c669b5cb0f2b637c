import { describe, expect, it } from 'vitest';
import { analyseParagraph } from '../../../src/nlp/analyse.ts';
import { nameSpans } from '../../../src/engine/names/names.ts';
import { mayNamePersonEndingIn } from '../../../src/engine/names/person-ends.ts';
import { sentenceAt } from '../../../src/index/index.ts';
import { fold } from '../../../src/nlp/terms.ts';
import { seedIndex } from '../../helpers.ts';

const sentence = (text: string) => analyseParagraph(text)[0];

describe('mayNamePersonEndingIn', () => {
  it('lets through a sentence naming a person who ends in the word, in any case', () => {
    expect(mayNamePersonEndingIn(sentence('Judge Ada Brenner ruled on Monday.'), 'brenner')).toBe(true);
    expect(mayNamePersonEndingIn(sentence('The court heard ADA BRENNER on Monday.'), 'brenner')).toBe(true);
    expect(mayNamePersonEndingIn(sentence('Jean de la Roche spoke first.'), 'roche')).toBe(true);
  });

  it('rules out a sentence where the word ends no two-word name', () => {
    expect(mayNamePersonEndingIn(sentence('Floods hit Alabama on Monday.'), 'alabama')).toBe(false);
    expect(mayNamePersonEndingIn(sentence('The brenner valve failed.'), 'brenner')).toBe(false);
  });

  it('lets through any sentence that is not ASCII', () => {
    expect(mayNamePersonEndingIn(sentence('Floods hit Zürich on Monday.'), 'zurich')).toBe(true);
  });

  it('never rules out a sentence whose spans name such a person (the seeds)', async () => {
    const index = await seedIndex();
    let checked = 0;
    for (let id = 0; id < index.sentences.length; id++) {
      const s = sentenceAt(index, id);
      for (const sp of nameSpans(s, index, id)) {
        if (sp.kind !== 'person') continue;
        checked++;
        expect(mayNamePersonEndingIn(s, fold(sp.name.split(/\s+/).at(-1)!))).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
