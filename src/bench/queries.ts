// The bench's query set: deterministic, drawn from the corpus itself.
import type { SearchIndex } from '../engine/index.ts';
import { posAt } from '../nlp/pos.ts';

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Queries from the corpus itself: names (runs of proper nouns), pairs and triples of content words
 * from one sentence, headline words, and misses (words the corpus does not have).
 */
export function benchQueries(index: SearchIndex, n: number): string[] {
  const rand = rng(20240611);
  const pickSentence = () => index.sentences[Math.floor(rand() * index.sentences.length)];
  const tokens = (s: SearchIndex['sentences'][number]) =>
    Array.from({ length: s.off.length / 2 }, (_, i) => ({ text: s.text.slice(s.off[2 * i], s.off[2 * i + 1]), pos: posAt(s.pos, i) }));
  const out: string[] = [];
  const seen = new Set<string>();
  const push = (q: string): void => {
    q = q.trim();
    if (q && !seen.has(q)) seen.add(q), out.push(q);
  };
  const names = Math.round(n * 0.35);
  const words = Math.round(n * 0.35);
  const heads = Math.round(n * 0.2);
  for (let guard = 0; out.length < names && guard < 50 * n; guard++) {
    const toks = tokens(pickSentence());
    const runs: string[] = [];
    for (let i = 0; i < toks.length; i++) {
      if (toks[i].pos !== 'PROPN') continue;
      let j = i;
      while (j + 1 < toks.length && toks[j + 1].pos === 'PROPN') j++;
      runs.push(
        toks
          .slice(i, Math.min(j, i + 2) + 1)
          .map((t) => t.text)
          .join(' '),
      );
      i = j;
    }
    if (runs.length) push(runs[Math.floor(rand() * runs.length)]);
  }
  for (let guard = 0; out.length < names + words && guard < 50 * n; guard++) {
    const content = tokens(pickSentence()).filter((t) => (t.pos === 'NOUN' || t.pos === 'VERB' || t.pos === 'ADJ') && /^\p{L}{3,}$/u.test(t.text));
    if (content.length < 2) continue;
    const k = 2 + Math.floor(rand() * 2);
    const start = Math.floor(rand() * Math.max(1, content.length - k));
    push(
      content
        .slice(start, start + k)
        .map((t) => t.text.toLowerCase())
        .join(' '),
    );
  }
  const titled = index.docs.filter((d) => d.title);
  for (let guard = 0; titled.length && out.length < names + words + heads && guard < 50 * n; guard++) {
    const w = titled[Math.floor(rand() * titled.length)].title!.split(/\s+/).filter((x) => /^\p{L}{3,}$/u.test(x));
    if (w.length < 2) continue;
    const k = 2 + Math.floor(rand() * 3);
    const start = Math.floor(rand() * Math.max(1, w.length - k));
    push(w.slice(start, start + k).join(' '));
  }
  const syll = ['zor', 'blax', 'quin', 'tessa', 'vrel', 'mok', 'plin', 'dargu', 'xeno', 'thrup'];
  while (out.length < n) {
    const word = () => Array.from({ length: 2 + Math.floor(rand() * 2) }, () => syll[Math.floor(rand() * syll.length)]).join('');
    push(rand() < 0.5 ? `${word()} ${word()}` : `${word()} election`);
  }
  return out;
}
