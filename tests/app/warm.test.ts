import { describe, expect, it, vi } from 'vitest';
import type { SearchIndex } from '../../src/engine/index.ts';

const ran: string[] = [];
vi.mock('../../src/engine/index.ts', async (original) => ({
  ...(await original<object>()),
  warmUpSteps: () => [
    () => ran.push('first'),
    () => {
      throw new Error('a failing step');
    },
    () => ran.push('last'),
  ],
}));

const { warmUp, warmedUp } = await import('../../src/app/warm.ts');

describe('warmedUp', () => {
  it('resolves once every background step has run, a failing one included, and never before', async () => {
    const index = {} as SearchIndex;
    warmUp(index);
    expect(ran).toEqual([]);
    await warmedUp(index);
    expect(ran).toEqual(['first', 'last']);
  });

  it('resolves at once for an index that was never warmed up', async () => {
    await expect(warmedUp({} as SearchIndex)).resolves.toBeUndefined();
  });
});
