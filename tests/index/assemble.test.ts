import { describe, expect, it } from 'vitest';
import { assemble, Assembler } from '../../src/index/assemble.ts';
import { analyseArticles } from '../../src/index/chunk.ts';
import { buildIndex, buildIndexAsync } from '../../src/index/build.ts';
import { startWorkers } from '../../src/index/pool.ts';
import { serializeIndex } from '../../src/index/serialize.ts';
import { indexFromPacked } from '../../src/index/store.ts';
import type { Article } from '../../src/types.ts';

const NAMES = ['Ana Lind', 'Tom Berg', 'Kofi Mensah', 'Ewa Nowak', 'Luis Ortega'];
const PLACES = ['Harbour Bridge', 'Port Authority', 'North Ridge', 'Lake Varna'];

/** Invented articles with names, capitalised pairs, acronyms and quotations, so every table of the store has entries. */
const articles = (n: number): Article[] =>
  Array.from({ length: n }, (_, i) => ({
    file: `a${String(i).padStart(4, '0')}.txt`,
    title: `${PLACES[i % 4]} report number ${i}`,
    date: `2024-0${1 + (i % 9)}-1${i % 10}`,
    paragraphs: [
      `Mayor ${NAMES[i % 5]} opened the ${PLACES[(i + 1) % 4]} on Monday, ${i} days after the vote.`,
      `“It is a good day for the ${PLACES[i % 4]},” said ${NAMES[(i + 2) % 5]} of the Regional Transit Agency (RTA).`,
    ],
  }));

const bytes = (packed: ReturnType<typeof assemble>): Buffer => Buffer.concat(serializeIndex(indexFromPacked(packed)));

describe('assembly', () => {
  it('gives the same store from chunks added one by one as from all the articles in one chunk', () => {
    const all = articles(30);
    const whole = assemble([analyseArticles(all)]);
    const assembler = new Assembler();
    for (let i = 0; i < all.length; i += 7) assembler.add(analyseArticles(all.slice(i, i + 7)));
    const streamed = assembler.finish();
    expect(streamed.vocab).toEqual(whole.vocab);
    expect(streamed.pairs).toEqual(whole.pairs);
    expect(streamed.acronyms).toEqual(whole.acronyms);
    expect(bytes(streamed).equals(bytes(whole))).toBe(true);
  });

  it('builds the same index on worker threads, assembling their batches as they come, as in one thread', async () => {
    // 450 articles are three batches for the two workers.
    const all = articles(450);
    const threaded = await buildIndexAsync(all, { workers: 2 });
    expect(threaded.docs.length).toBe(450);
    expect(Buffer.concat(serializeIndex(threaded)).equals(Buffer.concat(serializeIndex(buildIndex(all))))).toBe(true);
  });

  it('builds the same index on workers started before the articles were known, three where two batches need two', async () => {
    const started = startWorkers(3);
    const all = articles(250);
    const threaded = await buildIndexAsync(all, { started });
    expect(Buffer.concat(serializeIndex(threaded)).equals(Buffer.concat(serializeIndex(buildIndex(all))))).toBe(true);
    // Every worker is closed, the one given no batch included.
    expect(started.workers.map((w) => w.threadId)).toEqual([-1, -1, -1]);
  });

  it('closes started workers that a build of no new articles does not need', async () => {
    const started = startWorkers(1);
    const index = await buildIndexAsync([], { started });
    expect(index.docs).toEqual([]);
    expect(started.workers[0].threadId).toBe(-1);
  });
});
