import { describe, expect, it } from 'vitest';
import { antonyms, isPersonNoun, related } from '../../src/nlp/wordnet.ts';

describe('WordNet antonyms and related words', () => {
  it('gives the lexical antonyms of a word in its common senses, not their whole synsets', () => {
    expect(antonyms('accept', 'v')).toEqual(expect.arrayContaining(['reject', 'refuse']));
    expect(antonyms('refuse', 'v')).not.toContain('have');
    expect(antonyms('victory', 'n')).toContain('defeat');
    expect(antonyms('increase', 'v')).toContain('decrease');
  });

  it('gives synonyms and derivations ("found" → establish, founder; "influential" → influence)', () => {
    expect(related('found', 'v')).toEqual(expect.arrayContaining(['establish', 'founder']));
    expect(related('influential', 'a')).toContain('influence');
    expect(related('zzzz', 'n')).toEqual([]);
  });
});

describe('WordNet nouns of people', () => {
  it('knows a kind of person, singular or plural, and not a thing or a body', () => {
    expect(['victim', 'victims', 'parents', 'spokeswoman', 'judge'].every(isPersonNoun)).toBe(true);
    expect(['report', 'ministry', 'court', 'company'].some(isPersonNoun)).toBe(false);
  });
});
