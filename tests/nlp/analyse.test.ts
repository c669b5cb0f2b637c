import { describe, expect, it } from 'vitest';
import { analyseParagraph } from '../../src/nlp/analyse.ts';

const sentences = (text: string): string[] => analyseParagraph(text).map((s) => s.text);

describe('analyseParagraph', () => {
  it('keeps a sentence whole across the stop of an abbreviation that lowercase words continue', () => {
    expect(sentences('“We will not back down,” Rep. Gwen Moore (D-Wis.) said Friday. She left early.')).toEqual([
      '“We will not back down,” Rep. Gwen Moore (D-Wis.) said Friday.',
      'She left early.',
    ]);
  });

  it('keeps a party tag whose state has two stops inside one sentence', () => {
    expect(sentences('Sen. Dora Pell (D-R.I.) said the bill was bad. Then she left.')).toEqual(['Sen. Dora Pell (D-R.I.) said the bill was bad.', 'Then she left.']);
    expect(sentences('“We are done,” Rep. Ivo Marsh (R-N.Y.), said on Friday.')).toHaveLength(1);
    expect(sentences('Sen. Dora Pell (D-R.I.) said it. Rep. Ivo Marsh (R-N.Y.) agreed.')).toHaveLength(2);
  });

  it('continues a sentence the model ended before a comma', () => {
    expect(sentences('Rep. Ivo Marsh (D-Md.), chair of the harbour panel, said it was fair. He left.')).toHaveLength(2);
  });

  it('ends a sentence inside brackets that stay open past the next sentence', () => {
    expect(sentences('The mayor spoke (at length, in the rain. Nobody left until she was done) and then sat.')).toHaveLength(2);
  });

  it('keeps a title abbreviation with the name after it', () => {
    expect(sentences('“The town will not go back,” said the Rev. Peter Wherry. He left.')).toHaveLength(2);
  });

  it('keeps a dash that signs a quotation with the quotation', () => {
    expect(sentences('“We can build a wall around the harbour.” ― Steve Quinlan.')).toHaveLength(1);
  });

  it('still ends sentences at a stop before a capital, a digit or a quotation mark', () => {
    expect(sentences('The council met on Monday. It voted. 12 members agreed. “Good,” she said.')).toHaveLength(4);
  });

  it('gives every token an offset and a POS code', () => {
    for (const s of analyseParagraph('Rep. Gwen Moore (D-Wis.) said it. He agreed.')) {
      expect(s.off.length).toBe(2 * s.pos.length);
      expect(s.text.slice(s.off[0], s.off[1])).not.toBe('');
    }
  });
});
