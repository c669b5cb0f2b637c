import { mkdtempSync, readdirSync, readFileSync, writeFileSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lunr from 'lunr';
import { beforeAll, describe, expect, it } from 'vitest';
import { answer, type SearchIndex } from '../../src/engine/index.ts';
import { openIndex, openInfo } from '../../src/app/index.ts';
import { readCorpus } from '../../src/corpus/index.ts';
import { buildIndex, buildIndexAsync } from '../../src/index/build.ts';
import { deserializeIndex, readHeader, serializeIndex } from '../../src/index/serialize.ts';
import { packOffsets, storedSentences, unpackOffsets } from '../../src/index/store.ts';
import { lunrCandidates } from '../../src/index/search.ts';
import { matchingArticles, rankArticles, release } from '../../src/index/article-rank.ts';
import { sentenceKeys, sentenceSkeletons } from '../../src/index/keys.ts';
import { SEEDS, tempCorpus } from '../helpers.ts';

const ASKS: [Parameters<typeof answer>[1], string][] = [
  ['who', 'is the State Department spokesperson'],
  ['when', 'was Azm-i-Istehkam launched'],
  ['quote', 'rule of law'],
  ['search', 'terrorist networks'],
  ['who', 'zorblax quintessa'],
];
const answersOf = (ix: SearchIndex) => ASKS.map(([c, q]) => answer(ix, c, q));
const tmp = (): string => mkdtempSync(join(tmpdir(), 'newsdesk-cache-'));

describe('serialize → load round trip over the seeds', () => {
  let built: SearchIndex;
  beforeAll(async () => {
    built = buildIndex((await readCorpus(SEEDS)).articles);
  });

  it('loads an index that answers exactly like the one built', () => {
    const loaded = deserializeIndex(Buffer.concat(serializeIndex(built)));
    expect(loaded.docs).toEqual(built.docs);
    const plain = (ix: SearchIndex) => ix.sentences.map((s) => ({ text: s.text, off: Array.from(s.off), pos: s.pos, ents: s.ents, d: s.doc, p: s.paragraph }));
    expect(plain(loaded)).toEqual(plain(built));
    expect(answersOf(loaded)).toEqual(answersOf(built));
    expect(answersOf(built).some((a) => a.length > 0)).toBe(true);
  });

  it('ranks articles exactly as lunr.Index#query does (scores to the bit, order among equal scores), built and loaded', async () => {
    const loaded = deserializeIndex(Buffer.concat(serializeIndex(built)));
    // Articles with the same text score the same: their order is lunr's order of first match.
    const twin = { title: 'Harbour reopens', paragraphs: ['Mayor Lena Ortiz reopened the harbour on Monday.', 'The harbour board met Lena Ortiz.'] };
    const twins = buildIndex((await readCorpus(tempCorpus({ 'a.txt': twin, 'b.txt': twin, 'c.txt': { ...twin, title: 'Board meets' }, 'd.txt': twin }))).articles);
    type Clause = { id: number; field: number; boost: number };
    const lunrRanks = (ix: SearchIndex, list: Clause[]) =>
      ix.lunr
        .query((q) => {
          for (const c of list)
            q.term(ix.packed.vocab[c.id], { fields: [ix.packed.lunr.fields[c.field]], usePipeline: false, boost: c.boost, presence: lunr.Query.presence.OPTIONAL });
        })
        .map((r) => [Number(r.ref), r.score]);
    const ours = (ix: SearchIndex, list: Clause[], limit = Infinity) => {
      const matches = matchingArticles(ix.packed.lunr, ix.packed.vocab.length, list);
      const ranked = rankArticles(ix.packed.lunr, matches, matches.order, limit).map((r) => [r.doc, r.score]);
      release(matches);
      return ranked;
    };
    let rand = 7;
    const next = (n: number): number => ((rand = (rand * 1103515245 + 12345) % 2147483648), rand % n);
    for (const ix of [built, loaded, twins]) {
      for (let q = 0; q < 60; q++) {
        // A few terms of the corpus, some in both fields, some absent from a field, with uneven boosts.
        const clauses = new Map<number, Clause>();
        for (let i = 0, n = 1 + next(5); i < n; i++) {
          const id = next(ix.packed.vocab.length);
          const field = next(3) === 0 ? 1 : 0;
          clauses.set(2 * id + field, { id, field, boost: 0.5 + next(40) / 8 });
        }
        expect(ours(ix, [...clauses.values()])).toEqual(lunrRanks(ix, [...clauses.values()]));
        expect(ours(ix, [...clauses.values()], 2)).toEqual(lunrRanks(ix, [...clauses.values()]).slice(0, 2));
      }
    }
    const harbour = [{ id: twins.termIds.get('harbour')!, field: 0, boost: 1 }];
    const ranked = ours(twins, harbour);
    expect(ranked).toEqual(lunrRanks(twins, harbour));
    expect(ours(twins, harbour, 2)).toEqual(lunrRanks(twins, harbour).slice(0, 2));
    expect(ranked.length).toBe(4);
    expect(new Set(ranked.map(([, score]) => score)).size).toBeLessThan(4);
  });

  it("gives the loaded lunr index the built one's field vectors, each its own (they are decoded into one scratch buffer)", () => {
    const loaded = deserializeIndex(Buffer.concat(serializeIndex(built)));
    const vectors = (ix: SearchIndex) => (ix.lunr.toJSON() as unknown as { fieldVectors: [string, ArrayLike<number>][] }).fieldVectors.map(([r, v]) => [r, Array.from(v)]);
    const got = vectors(loaded);
    expect(got).toEqual(vectors(built));
    expect(new Set(got.map(([, v]) => JSON.stringify(v))).size).toBeGreaterThan(built.docs.length);
  });

  it('stores the packed arrays and build-time statistics exactly (sparse skeletons, f32 vector scores, places, pairs)', () => {
    const a = built.packed;
    const b = deserializeIndex(Buffer.concat(serializeIndex(built))).packed;
    for (const k of ['key', 'skel', 'flags', 'off', 'pos', 'sentenceFrequency', 'caseCounts', 'placeCounts'] as const) expect(Array.from(b[k]), k).toEqual(Array.from(a[k]));
    expect(Array.from(b.lunr.vec)).toEqual(Array.from(a.lunr.vec));
    expect(b.pairs.keys).toBe(a.pairs.keys);
    expect(Array.from(b.pairs.count)).toEqual(Array.from(a.pairs.count));
    expect(a.placeCounts.some((n) => n > 0) && a.pairs.count.length > 0).toBe(true);
  });

  it('gives the loaded sentences as a plain array would: every index, length, `in`, iteration, array methods', () => {
    const s = deserializeIndex(Buffer.concat(serializeIndex(built))).sentences;
    const n = built.sentences.length;
    expect(Array.isArray(s)).toBe(true);
    expect(s.length).toBe(n);
    expect(s[n - 1]).toBe(s[n - 1]);
    expect(s[n]).toBeUndefined();
    expect(s['01' as unknown as number]).toBeUndefined();
    expect(n - 1 in s && !(n in s)).toBe(true);
    expect(s.map((x) => x.text)).toEqual(built.sentences.map((x) => x.text));
    expect([...s].map((x) => x.doc)).toEqual(built.sentences.map((x) => x.doc));
    expect(s.slice(1, 3).map((x) => x.paragraph)).toEqual(built.sentences.slice(1, 3).map((x) => x.paragraph));
    expect(Object.keys(s)).toHaveLength(n);
  });

  it('keeps only the newest sentence records, and makes an evicted one again equal', () => {
    const s = storedSentences(built.packed, 3);
    const first = s[0];
    for (let i = 1; i < built.sentences.length; i++) expect(s[i].text).toBe(built.sentences[i].text);
    const again = s[0];
    expect(again).not.toBe(first);
    expect(again.toJSON()).toEqual(first.toJSON());
    const last = built.sentences.length - 1;
    const recent = s[last];
    expect(s[last]).toBe(recent);
  });

  it('re-uses the analysis of a loaded index in a rebuild as of a built one', async () => {
    const { articles } = await readCorpus(SEEDS);
    const loaded = deserializeIndex(Buffer.concat(serializeIndex(built)));
    const docs = new Map(articles.map((_, i): [number, number] => [i, i]).filter(([i]) => i % 2 === 0));
    const rebuilt = await buildIndexAsync(articles, { workers: 0, reuse: { from: loaded.packed, docs } });
    expect(Buffer.concat(serializeIndex(rebuilt)).equals(Buffer.concat(serializeIndex(built)))).toBe(true);
  });

  it('refuses a file whose term ids are out of range', () => {
    const bytes = Buffer.concat(serializeIndex(built));
    const header = readHeader(bytes);
    const base = (12 + bytes.readUInt32LE(8) + 7) & ~7;
    for (const [name, id] of [
      ['key', 1e9],
      ['skel', -2],
    ] as const) {
      const damaged = Buffer.from(bytes);
      damaged.writeInt32LE(id, base + header.sections.find((s) => s.name === name)!.offset);
      expect(() => deserializeIndex(damaged), name).toThrow(/term ids/);
    }
  });

  it('packs lunr exactly as lunr.Builder builds it (same postings, vectors, scores)', () => {
    const p = built.packed;
    const ref = lunr(function () {
      this.pipeline.reset();
      this.searchPipeline.reset();
      this.ref('id');
      this.field('t');
      this.field('k');
      built.docs.forEach((d, n) => {
        const t: string[] = [];
        for (let i = p.titleStart[n]; i < p.titleStart[n + 1]; i++) t.push(p.vocab[p.titleKeys[i]]);
        const k: string[] = [];
        for (let s = d.first; s < d.first + d.count; s++) {
          for (const key of sentenceKeys(built.sentences[s])) if (key) t.push(key);
          k.push(...sentenceSkeletons(built.sentences[s]));
        }
        this.add({ id: String(n), t, k });
      });
    });
    const plain = (ix: lunr.Index) => {
      const j = ix.toJSON() as unknown as { fieldVectors: [string, ArrayLike<number>][] };
      return { ...j, fieldVectors: j.fieldVectors.map(([r, v]) => [r, Array.from(v)]) };
    };
    expect(plain(built.lunr)).toEqual(plain(ref));
    for (const words of [['terror', 'network'], ['pakistan'], ['spokesperson', 'depart', 'state']]) {
      const run = (ix: lunr.Index) =>
        ix.query((q) => {
          for (const w of words) q.term(w, { fields: ['t'], usePipeline: false });
        });
      expect(run(built.lunr).map((r) => [r.ref, r.score])).toEqual(run(ref).map((r) => [r.ref, r.score]));
    }
  });

  it('ranks the same candidate sentences as a sentence-level lunr index on a small corpus', () => {
    const sentenceLunr = lunr(function () {
      this.pipeline.reset();
      this.searchPipeline.reset();
      this.ref('id');
      this.field('t');
      this.field('k');
      built.sentences.forEach((s, id) => {
        this.add({ id: String(id), t: sentenceKeys(s).filter(Boolean), k: sentenceSkeletons(s) });
      });
    });
    const groups = [
      { keys: ['spokesperson'], skeletons: [], weight: 2 },
      { keys: ['state'], skeletons: ['stt'], weight: 1 },
      { keys: ['depart'], skeletons: ['dprtmnt'], weight: 1.5 },
    ];
    const old = sentenceLunr
      .query((q) => {
        for (const g of groups) {
          for (const key of g.keys) q.term(key, { fields: ['t'], usePipeline: false, boost: g.weight });
          for (const sk of g.skeletons) q.term(sk, { fields: ['k'], usePipeline: false, boost: g.weight * 0.5 });
        }
      })
      .map((r) => Number(r.ref));
    const now = lunrCandidates(built, groups, 400).map((c) => c.id);
    expect(now).toEqual(old);
  });

  it('builds the same index on worker threads as in one thread', async () => {
    const { articles } = await readCorpus(SEEDS);
    const threaded = await buildIndexAsync(articles, { workers: 2 });
    expect(Buffer.concat(serializeIndex(threaded)).equals(Buffer.concat(serializeIndex(built)))).toBe(true);
  });
});

describe('token offsets, one byte per token', () => {
  it('round-trips long tokens, wide gaps and offsets past 65535 (kept aside)', () => {
    const off = Uint32Array.from([0, 3, 4, 200, 200, 201, 205, 210, 70000, 70005, 0, 2, 2, 5]);
    const tokStart = Uint32Array.from([0, 5, 7]);
    const parts = packOffsets({ off, tokStart });
    expect(Array.from(parts.escAt)).toEqual([1, 3, 4]);
    expect(Array.from(unpackOffsets(parts, 0, 5))).toEqual(Array.from(off.subarray(0, 10)));
    expect(Array.from(unpackOffsets(parts, 5, 7))).toEqual([0, 2, 2, 5]);
  });
});

describe('the index cache', () => {
  it('loads the second open from the cache, rebuilds when a file changes', async () => {
    const corpus = tempCorpus({
      'a.txt': { date: '2024-05-01', title: 'Harbour reopens', paragraphs: ['Mayor Lena Ortiz reopened the harbour on Monday.'] },
      'b.txt': { date: '2024-05-02', title: 'Bridge vote', paragraphs: ['The council voted to repair the bridge.'] },
    });
    const cacheDir = tmp();
    const logs: string[] = [];
    const first = await openIndex({ corpusDir: corpus, cacheDir, onLog: (m) => logs.push(m) });
    expect(openInfo(first)?.source).toBe('build');
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.ndx'))).toHaveLength(1);
    expect(readdirSync(cacheDir).some((f) => f.endsWith('.tmp'))).toBe(false);

    const second = await openIndex({ corpusDir: corpus, cacheDir, onLog: (m) => logs.push(m) });
    expect(openInfo(second)?.source).toBe('cache');
    expect(logs.at(-1)).toMatch(/loaded from cache/);
    expect(answer(second, 'who', 'reopened the harbour')).toEqual(answer(first, 'who', 'reopened the harbour'));

    const forced = await openIndex({ corpusDir: corpus, cacheDir, reindex: true });
    expect(openInfo(forced)).toMatchObject({ source: 'build', reason: '--reindex' });

    writeFileSync(join(corpus, 'b.txt'), ' date 2024-05-02\nBridge vote\n\nThe council voted to demolish the old bridge.\n');
    utimesSync(join(corpus, 'b.txt'), new Date(), new Date(Date.now() + 5000));
    const third = await openIndex({ corpusDir: corpus, cacheDir });
    expect(openInfo(third)).toMatchObject({ source: 'build', reason: expect.stringMatching(/corpus changed/) });
    expect(answer(third, 'search', 'demolish bridge')[0]?.answer).toMatch(/demolish/);
  });

  it('rebuilds with a warning, not a crash, when the cache file is corrupt', async () => {
    const corpus = tempCorpus({ 'a.txt': { title: 'Harbour reopens', paragraphs: ['Mayor Lena Ortiz reopened the harbour on Monday.'] } });
    const cacheDir = tmp();
    await openIndex({ corpusDir: corpus, cacheDir });
    const file = join(cacheDir, readdirSync(cacheDir).find((f) => f.endsWith('.ndx'))!);
    const bytes = readFileSync(file);
    for (const damage of [bytes.subarray(0, bytes.length - 100), Buffer.from('garbage'), Buffer.concat([bytes.subarray(0, 40), Buffer.alloc(bytes.length - 40, 0xff)])]) {
      writeFileSync(file, damage);
      const warnings: string[] = [];
      const ix = await openIndex({ corpusDir: corpus, cacheDir, onWarn: (w) => warnings.push(w) });
      expect(openInfo(ix)?.source).toBe('build');
      expect(warnings.join('\n')).toMatch(/corrupt/);
      expect(answer(ix, 'who', 'reopened the harbour').length).toBeGreaterThan(0);
      // …and the rebuilt cache is sound again.
      expect(openInfo(await openIndex({ corpusDir: corpus, cacheDir }))?.source).toBe('cache');
    }
  });
});
