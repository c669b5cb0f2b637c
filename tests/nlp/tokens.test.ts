import { describe, expect, it } from 'vitest';
import { analyseParagraph } from '../../src/nlp/analyse.ts';
import { posAt } from '../../src/nlp/pos.ts';
import { tokenAt, tokenCount } from '../../src/nlp/tokens.ts';

describe('one NLP pass over a paragraph', () => {
  const [first, second] = analyseParagraph('The minister visited Islamabad on Monday. He said talks would resume.');

  it('splits sentences and reads their tokens back from the offsets', () => {
    expect(first.text).toBe('The minister visited Islamabad on Monday.');
    expect(second.text).toBe('He said talks would resume.');
    expect(Array.from({ length: tokenCount(first) }, (_, i) => tokenAt(first, i))).toEqual(['The', 'minister', 'visited', 'Islamabad', 'on', 'Monday', '.']);
  });

  it('keeps the tokens of many sentences apart (the token cache never mixes them up)', () => {
    const many = analyseParagraph(Array.from({ length: 12 }, (_, i) => `Sentence number ${i} ends here.`).join(' '));
    expect(many).toHaveLength(12);
    for (let round = 0; round < 2; round++)
      many.forEach((s, i) => {
        expect(tokenAt(s, 2)).toBe(String(i));
      });
  });

  it('tags each token with its part of speech', () => {
    expect(posAt(first.pos, 3)).toBe('PROPN');
    expect(posAt(first.pos, 2)).toBe('VERB');
  });
});
