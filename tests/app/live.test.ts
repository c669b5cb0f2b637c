import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answer } from '../../src/engine/index.ts';
import { openLiveIndex } from '../../src/app/index.ts';
import { tempCorpus } from '../helpers.ts';

const until = async (cond: () => boolean, what: string): Promise<void> => {
  for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!cond()) throw new Error(`timed out waiting for ${what}`);
};

describe('openLiveIndex', () => {
  it('re-indexes in the background when a file is added, changed or removed, serving the old index meanwhile', async () => {
    const corpus = tempCorpus({
      'a.txt': { date: '2024-05-01', title: 'Harbour reopens', paragraphs: ['Mayor Lena Ortiz reopened the harbour on Monday.'] },
    });
    const logs: string[] = [];
    const live = openLiveIndex({ corpusDir: corpus, cacheDir: false, debounceMs: 50, onLog: (m) => logs.push(m) });
    expect(() => live.current()).toThrow(/not ready/);
    const first = await live.ready;
    expect(live.current()).toBe(first);
    expect(answer(first, 'search', 'volcano eruption')).toEqual([]);

    writeFileSync(join(corpus, 'b.txt'), ' date 2024-05-03\nVolcano erupts\n\nThe Kelud volcano erupted on Friday, geologist Ana Ruiz said.\n');
    // The swap is not instant: until it happens, queries run on the old index.
    expect(live.current()).toBe(first);
    await until(() => live.current() !== first, 'the new index');
    const second = live.current();
    expect(second.docs.map((d) => d.file)).toEqual(['a.txt', 'b.txt']);
    expect(answer(second, 'search', 'volcano eruption')[0]?.source.file).toBe('b.txt');
    expect(answer(second, 'who', 'reopened the harbour')).toEqual(answer(first, 'who', 'reopened the harbour'));
    expect(answer(first, 'search', 'volcano eruption')).toEqual([]);
    expect(logs.join('\n')).toMatch(/corpus changed: added 1 \(b\.txt\)/);
    expect(logs.join('\n')).toMatch(/re-used 1/);

    rmSync(join(corpus, 'a.txt'));
    await until(() => live.current().docs.length === 1, 'the removal');
    expect(logs.join('\n')).toMatch(/removed 1 \(a\.txt\)/);
    expect(answer(live.current(), 'who', 'reopened the harbour')).toEqual([]);
    await live.close();
  });
});
