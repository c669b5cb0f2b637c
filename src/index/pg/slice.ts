// A query's slice of the corpus as an index the engine reads like the embedded one: the candidate
// articles' sentences, tokens and postings, with the generation's corpus-wide tables (vocabulary,
// term and case statistics, places, acronyms) and, through `corpus`, the whole corpus's counts.
import { INDEX_VERSION } from '../store.ts';
import { lunrIndex } from '../packed-lunr.ts';
import { storedSentences, termRecord, type Packed } from '../store.ts';
import type { DocMeta, SearchIndex } from '../types.ts';
import type { ArticleData } from './article-blob.ts';
import type { CorpusTables } from './corpus-tables.ts';

/** An article with its term and entity-type ids in the generation's numbering. */
export interface MappedArticle extends ArticleData {
  doc: number;
  /** Distinct terms of field t (headline and body keys) and k (skeletons), for the slice's postings. */
  keyTerms: Int32Array;
  skeletonTerms: Int32Array;
}

/** Distinct terms met by mapArticle, before they are copied out at their count. */
let scratch = new Int32Array(4096);
/** Per local term of the article being mapped, the stamp of the last field that met it. */
let marks = new Uint32Array(1024);
let stamp = 0;

/**
 * Renumbers a decoded article into a generation, in place: `ids` are the generation's ids of the
 * article's own vocabulary (articleTermIds, stored with the generation's row of the article). Its
 * arrays are the bytes read for it (or widened from them), which nothing else holds, so the cache
 * keeps one copy of an article and mapping allocates only the two small distinct-term lists.
 */
export function mapArticle(a: ArticleData, doc: number, ids: Int32Array, entTypeIds: Map<string, number>): MappedArticle {
  // Distinct terms are found on the local ids, in the same pass that renumbers them: the marks then
  // span the article's few hundred words, not the generation's vocabulary (which missed the cache on
  // every term), and the local ids stand for distinct terms of the generation one for one.
  if (marks.length < ids.length) marks = new Uint32Array(ids.length);
  if (scratch.length < a.titleKeys.length + a.key.length + a.skel.length) scratch = new Int32Array(a.titleKeys.length + a.key.length + a.skel.length);
  let n = 0;
  const mapField = (x: Int32Array): void => {
    for (let i = 0; i < x.length; i++) {
      const v = x[i];
      if (v < 0) continue;
      const g = ids[v];
      x[i] = g;
      if (marks[v] !== stamp) (marks[v] = stamp), (scratch[n++] = g);
    }
  };
  const field = (lists: Int32Array[]): Int32Array => {
    if (++stamp === 0xffffffff) marks.fill(0), (stamp = 1);
    n = 0;
    for (const x of lists) mapField(x);
    return scratch.slice(0, n);
  };
  const keyTerms = field([a.titleKeys, a.key]);
  const skeletonTerms = field([a.skel]);
  const { ents } = a;
  for (let e = 2; e < ents.length; e += 3) ents[e] = entTypeIds.get(a.entTypes[ents[e]]) ?? 0;
  return { ...a, doc, keyTerms, skeletonTerms };
}

/** What every slice of a generation shares. */
export interface SliceBase {
  tables: CorpusTables;
  df: Record<string, number>;
  caps: Record<string, [number, number]>;
}

export function sliceBase(tables: CorpusTables): SliceBase {
  const { vocab, termIds, sentenceFrequency, caseCounts: caps } = tables;
  return {
    tables,
    df: termRecord(vocab, termIds, (id) => sentenceFrequency[id] || undefined),
    caps: termRecord(vocab, termIds, (id): [number, number] | undefined => (caps[2 * id] > 0 ? [caps[2 * id], caps[2 * id + 1]] : undefined)),
  };
}

/** The index of some articles (in corpus order) of a generation. */
export function sliceIndex(base: SliceBase, articles: MappedArticle[]): SearchIndex {
  const tables = base.tables;
  // The slice's totals, then, while the articles are copied in, where the next one starts.
  let sentences = 0;
  let tokens = 0;
  let entities = 0;
  let textBytes = 0;
  let headlineKeys = 0;
  for (const a of articles) {
    sentences += a.sentenceCount;
    tokens += a.key.length;
    entities += a.ents.length / 3;
    textBytes += a.text.byteLength;
    headlineKeys += a.titleKeys.length;
  }
  const docs: DocMeta[] = [];
  const text = new Uint8Array(textBytes);
  const textStart = new Uint32Array(sentences + 1);
  const sentenceDoc = new Uint32Array(sentences);
  const para = new Uint32Array(sentences);
  const tokStart = new Uint32Array(sentences + 1);
  // Offsets into a sentence fit 16 bits but in a sentence of over 64 KB (an article stored wide).
  const off = articles.every((a) => a.off instanceof Uint16Array) ? new Uint16Array(2 * tokens) : new Uint32Array(2 * tokens);
  const pos = new Uint8Array(tokens);
  const key = new Int32Array(tokens);
  const skel = new Int32Array(tokens);
  const flags = new Uint8Array(tokens);
  const entStart = new Uint32Array(sentences + 1);
  const ents = new Int32Array(3 * entities);
  const titleStart = new Uint32Array(articles.length + 1);
  const titleKeys = new Int32Array(headlineKeys);
  let sentenceAt = 0;
  let tokenAt = 0;
  let entityAt = 0;
  let textAt = 0;
  let headlineAt = 0;
  articles.forEach((a, d) => {
    docs.push({ ...tables.docs[a.doc], first: sentenceAt, count: a.sentenceCount });
    text.set(a.text, textAt);
    off.set(a.off, 2 * tokenAt);
    pos.set(a.pos, tokenAt);
    key.set(a.key, tokenAt);
    skel.set(a.skel, tokenAt);
    flags.set(a.flags, tokenAt);
    ents.set(a.ents, 3 * entityAt);
    titleKeys.set(a.titleKeys, headlineAt);
    for (let i = 0; i < a.sentenceCount; i++) {
      sentenceDoc[sentenceAt + i] = d;
      para[sentenceAt + i] = a.para[i];
      textStart[sentenceAt + i] = textAt + a.textStart[i];
      tokStart[sentenceAt + i] = tokenAt + a.tokStart[i];
      entStart[sentenceAt + i] = entityAt + a.entStart[i];
    }
    sentenceAt += a.sentenceCount;
    tokenAt += a.key.length;
    entityAt += a.ents.length / 3;
    textAt += a.text.byteLength;
    headlineAt += a.titleKeys.length;
    titleStart[d + 1] = headlineAt;
  });
  textStart[sentences] = textBytes;
  tokStart[sentences] = tokens;
  entStart[sentences] = entities;
  const packed: Packed = {
    docs,
    vocab: tables.vocab,
    text,
    textStart,
    sentenceDoc,
    para,
    tokStart,
    off,
    pos,
    key,
    skel,
    flags,
    entStart,
    ents,
    entTypes: tables.entTypes,
    titleStart,
    titleKeys,
    sentenceFrequency: tables.sentenceFrequency,
    skeletonSentenceFrequency: tables.skeletonSentenceFrequency,
    caseCounts: tables.caseCounts,
    placeCounts: tables.placeCounts,
    pairs: tables.pairs,
    sentAvg: tables.sentAvg,
    acronyms: tables.acronyms,
    lunr: slicePostings(articles, tables.vocab.length),
  };
  return {
    version: INDEX_VERSION,
    docs,
    sentences: storedSentences(packed),
    acronyms: tables.acronyms,
    df: base.df,
    caps: base.caps,
    lunr: lunrIndex(packed.lunr, tables.vocab, tables.termIds),
    packed,
    termIds: tables.termIds,
    corpus: {
      sentences: tables.sentences,
      articles: (field: number, term: number) => (field === 0 ? tables.keyArticles : tables.skeletonArticles)[term] ?? 0,
      owner: tables,
      article: (d: number) => articles[d].doc,
      sentence: (id: number) => {
        const d = sentenceDoc[id];
        return tables.docs[articles[d].doc].first + id - docs[d].first;
      },
    },
  };
}

/** Per slot (f*(V+1)+v), its rank among the slice being built: written for its slots, read only for them. */
let rankOf = new Int32Array(0);
/** Per slot, whether an article of the slice being built holds it: set, then cleared while ranked. */
let present = new Uint8Array(0);

/**
 * The slice's own postings (which of its articles hold each term, in each field), sparse: only the
 * slots its articles hold (a few thousand), since a table of the vocabulary's 2 × 80 k slots per
 * query cost more, in fresh memory to touch, than the rest of the slice. Its vectors are empty:
 * the articles were ranked by the database, and all of them go on to the sentence ranking. The
 * slots come out in order from one pass over a table of flags (the vocabulary's size, reused and
 * left cleared): cheaper than sorting the articles' tens of thousands of terms to find them.
 */
function slicePostings(articles: MappedArticle[], V: number): Packed['lunr'] {
  const F = 2;
  const skelBase = V + 1;
  if (rankOf.length < F * (V + 1)) (rankOf = new Int32Array(F * (V + 1))), (present = new Uint8Array(F * (V + 1)));
  let total = 0;
  for (const a of articles) {
    const { keyTerms, skeletonTerms } = a;
    total += keyTerms.length + skeletonTerms.length;
    for (let i = 0; i < keyTerms.length; i++) present[keyTerms[i]] = 1;
    for (let i = 0; i < skeletonTerms.length; i++) present[skelBase + skeletonTerms[i]] = 1;
  }
  const found = new Int32Array(total);
  let distinct = 0;
  for (let slot = 0; slot < F * (V + 1); slot++) {
    if (present[slot] === 0) continue;
    present[slot] = 0;
    rankOf[slot] = distinct;
    found[distinct++] = slot;
  }
  const slots = found.slice(0, distinct);
  const postStart = new Uint32Array(distinct + 1);
  for (const a of articles) {
    const { keyTerms, skeletonTerms } = a;
    for (let i = 0; i < keyTerms.length; i++) postStart[rankOf[keyTerms[i]]]++;
    for (let i = 0; i < skeletonTerms.length; i++) postStart[rankOf[skelBase + skeletonTerms[i]]]++;
  }
  // A counting sort: each rank first holds its list's end, then, filled from the last article back,
  // its start, with every list in article order.
  for (let i = 1; i <= distinct; i++) postStart[i] += postStart[i - 1];
  const postDocs = new Uint32Array(total);
  for (let d = articles.length - 1; d >= 0; d--) {
    const { keyTerms, skeletonTerms } = articles[d];
    for (let i = 0; i < keyTerms.length; i++) postDocs[--postStart[rankOf[keyTerms[i]]]] = d;
    for (let i = 0; i < skeletonTerms.length; i++) postDocs[--postStart[rankOf[skelBase + skeletonTerms[i]]]] = d;
  }
  return { fields: ['t', 'k'], postStart, postDocs, slots, vecStart: new Uint32Array(articles.length * F + 1), vec: new Float64Array(0) };
}
