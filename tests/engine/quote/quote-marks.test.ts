import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../../src/engine/quote/quote-marks.ts';

const quoted = (text: string): string[] => findQuotes(text).map((q) => text.slice(q.from, q.to));

describe('quotation marks', () => {
  it('`…fraud, "said X`: a mark on the wrong side of its space before a speech verb closes the quotation', () => {
    const text = '"Our office will stop the seafood fraud, "said Peter Edge, Special Agent in Charge. "We will keep working with the coast guard."';
    expect(quoted(text)).toEqual(['Our office will stop the seafood fraud,', 'We will keep working with the coast guard.']);
  });

  it('a mark before a word that is no speech verb still opens a quotation', () => {
    const text = 'The mayor, "sadly" for the town, left early. He said, "the ferry will run again in May and the bridge in June."';
    expect(quoted(text)).toEqual(['the ferry will run again in May and the bridge in June.']);
  });
});
