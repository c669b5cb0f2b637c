import { beforeAll, describe, expect, it } from 'vitest';
import { answer, type SearchIndex } from '../../../src/engine/index.ts';
import { CLOSE, confidenceWord, THRESHOLD } from '../../../src/engine/verify/confidence.ts';
import { seedIndex } from '../../helpers.ts';

let index: SearchIndex;
beforeAll(async () => {
  index = await seedIndex();
});

describe('verification and calibrated confidence', () => {
  it('says a /who or /when confidence in words, and none for the rankings of /quote and /search', () => {
    expect(confidenceWord('who', 0.9)).toBe('very likely');
    expect(confidenceWord('when', 0.6)).toBe('likely');
    expect(confidenceWord('who', THRESHOLD)).toBe('possible');
    expect(confidenceWord('quote', 0.9)).toBeUndefined();
    expect(confidenceWord('search', 0.9)).toBeUndefined();
  });

  it('keeps only answers above the threshold, the later ones close to the first', () => {
    const answers = answer(index, 'who', 'is the State Department spokesperson');
    expect(answers[0].answer).toBe('Matthew Miller');
    for (const a of answers) {
      expect(a.score).toBeGreaterThanOrEqual(THRESHOLD);
      expect(a.score).toBeGreaterThanOrEqual(CLOSE * answers[0].score - 1e-9);
    }
  });
});
