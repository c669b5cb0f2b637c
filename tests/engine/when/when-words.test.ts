import { describe, expect, it } from 'vitest';
import { END_EVENTS, eventRoot } from '../../../src/engine/when/when-words.ts';

describe('event roots', () => {
  it('gives an irregular form and its verb one root ("gave" and "give", "died" and "die")', () => {
    for (const [form, verb] of [
      ['gave', 'give'],
      ['died', 'die'],
      ['closed', 'close'],
      ['became', 'become'],
      ['wrote', 'write'],
    ])
      expect(eventRoot(form)).toBe(eventRoot(verb));
  });

  it('reads a death as an end', () => {
    expect(END_EVENTS.has(eventRoot('die'))).toBe(true);
    expect(END_EVENTS.has(eventRoot('death'))).toBe(true);
  });
});
