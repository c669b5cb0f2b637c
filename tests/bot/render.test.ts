// Replies fit Discord's limits whatever the corpus says; button ids fit 100 characters and round-trip.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Answer } from '../../src/types.ts';
import { answerEmbed, embedLength, fitEmbeds, highlight, LIMITS, truncate } from '../../src/bot/render.ts';
import { contextId, pageId, parseButtonId } from '../../src/bot/buttons.ts';

const long = (word: string, n: number) => Array.from({ length: n }, () => word).join(' ');

function bigAnswer(i: number): Answer {
  const sentence = `${long('Lorem *ipsum* dolor', 700)} Matthew Miller ${long('sit amet', 300)}`;
  return {
    answer: `Matthew Miller ${long('the spokesperson', 40)}`,
    speaker: long('Speaker', 60),
    date: '2024-06-26',
    evidence: sentence,
    source: { file: `${i}_${'x'.repeat(300)}.txt`, title: long('Headline', 400), date: '2024-06-29', sentence },
    score: 1,
    also: Array.from({ length: 60 }, (_, j) => ({ file: `${j}_${'y'.repeat(40)}.txt`, title: long('Other headline', 10), sentence: 'x' })),
  };
}

describe('limits', () => {
  it('truncates on a word boundary with an ellipsis', () => {
    expect(truncate('the quick brown fox jumps', 15)).toBe('the quick…');
    expect(truncate('short', 15)).toBe('short');
    expect(truncate('a **bold words here** end', 14)).toMatch(/^a \*\*bold\*\*…$/);
  });

  it('never exceeds the limit, nor splits a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.integer({ min: 1, max: 300 }), (s, max) => {
        const t = truncate(s, max);
        expect(t.length).toBeLessThanOrEqual(max);
        expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/.test(t)).toBe(false);
      }),
    );
  });

  it('every embed part and the message total fit', () => {
    for (const cmd of ['who', 'when', 'quote', 'search'] as const) {
      const embeds = fitEmbeds(Array.from({ length: 12 }, (_, i) => answerEmbed(cmd, bigAnswer(i))));
      expect(embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
      expect(embeds.reduce((n, e) => n + embedLength(e), 0)).toBeLessThanOrEqual(LIMITS.total);
      for (const e of embeds) {
        expect(e.title!.length).toBeLessThanOrEqual(LIMITS.title);
        expect(e.description!.length).toBeLessThanOrEqual(LIMITS.description);
        expect(e.footer!.text.length).toBeLessThanOrEqual(LIMITS.footer);
        for (const f of e.fields ?? []) {
          expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
          expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
        }
      }
    }
  });

  it('bolds the answer inside escaped corpus text', () => {
    expect(highlight('Said *Matthew* Miller_x', 'Matthew')).toBe('Said \\***Matthew**\\* Miller\\_x');
    expect(highlight('no match here', 'zzz')).toBe('no match here');
  });

  it('keeps the answer in view when a very long sentence is clipped', () => {
    const s = `${long('before', 1000)} Matthew Miller ${long('after', 1000)}`;
    const h = highlight(s, 'Matthew Miller');
    expect(h).toContain('**Matthew Miller**');
    expect(h.startsWith('…')).toBe(true);
    expect(h.endsWith('…')).toBe(true);
    expect(h.length).toBeLessThanOrEqual(1800 + 4);
  });
});

describe('button ids', () => {
  it('fit 100 characters and decode to what was encoded', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.option(fc.string({ maxLength: 60 }), { nil: undefined }), fc.nat(4), (query, source, page) => {
        const id = pageId('who', page, { query, ...(source ? { source } : {}) });
        expect(id.length).toBeLessThanOrEqual(LIMITS.customId);
        const back = parseButtonId(id);
        expect(back).toEqual({ command: 'who', kind: 'page', page, state: { query, ...(source ? { source } : {}) } });
      }),
    );
    const c = contextId('quote', 2, { file: '000_becc9658f8bc904d.txt', sentence: 's', position: 15 });
    expect(c).toBe('quote:c:2:15:000_becc9658f8bc904d.txt');
    expect(parseButtonId(c)).toMatchObject({ kind: 'context', slot: 2, state: { file: '000_becc9658f8bc904d.txt', position: 15 } });
    const longFile = contextId('who', 0, { file: 'f'.repeat(200), sentence: 'the sentence', position: 3 });
    expect(longFile.length).toBeLessThanOrEqual(LIMITS.customId);
    expect(parseButtonId(longFile)).toMatchObject({ state: { file: 'f'.repeat(200), sentence: 'the sentence', position: 3 } });
  });
});
