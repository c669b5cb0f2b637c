import { describe, expect, it } from 'vitest';
import { fold, isCapitalised, queryKey, skeleton, termKey } from '../../src/nlp/terms.ts';

describe('terms', () => {
  it('folds accents, letters NFKD keeps, curly apostrophes and hyphens', () => {
    expect(fold('Paweł Gdańsk’s')).toBe("pawel gdansk's");
    expect(termKey('counter-terrorism')).toBe(termKey('counterterrorism'));
    expect(termKey('Pakistan’s')).toBe(termKey('Pakistan'));
  });

  it('drops the question frame but keeps what it is about', () => {
    expect(['who', 'is', 'the', 'when', 'did'].map(queryKey)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(queryKey('spokesperson')).toBe(termKey('spokesperson'));
    expect(queryKey('spokesperson')).toMatch(/^spokesperson/);
  });

  it('gives transliteration variants one consonant skeleton', () => {
    expect(skeleton('Istehkam')).toBe(skeleton('Istahkam'));
    expect(skeleton('Tehreek')).toBe(skeleton('Tehrik'));
    expect(skeleton('Miller')).not.toBe(skeleton('Munir'));
  });
});

describe('termKey', () => {
  it('stems, drops stop words and bare punctuation', () => {
    expect(termKey('operations')).toBe(termKey('operation'));
    expect(termKey('the')).toBeUndefined();
    expect(termKey('—')).toBeUndefined();
    expect(isCapitalised('Islamabad')).toBe(true);
    expect(isCapitalised('islamabad')).toBe(false);
  });
});
