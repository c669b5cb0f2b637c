// /quote: the quotations of the articles retrieval found, ranked by how well the quote, its context
// and its speaker match the question ("Garcia on the airline ban", "finance minister on the budget").
import type { SearchIndex } from '../../index/index.ts';
import { skeleton, termKey } from '../../nlp/terms.ts';
import type { Concept, QueryPlan } from '../query.ts';
import { matchPositions, titleKeys, type Hit } from '../retrieve/retrieve.ts';
import type { Candidate } from '../candidate.ts';
import type { Attributed } from './attribution.ts';
import { sequenceShare, wordsOf, wordsOfQuote } from './wording.ts';
import { quotesInWindow, quotesOf } from './quotes-of.ts';
import { tokenAt, tokenCount } from '../../nlp/tokens.ts';
import { examined, isLong, readingRange, type SentenceRange } from '../../index/index.ts';

export { findQuotes, isQuotation, type QuoteSpan } from './quote-marks.ts';
export type { Attributed } from './attribution.ts';
export { quotesOf } from './quotes-of.ts';

/** Windows of long articles read per question, the best hits' (one costs about what a long ordinary article does). */
const LONG_ARTICLE_WINDOWS = 4;

/** Below this share of the question found in a quote, its speaker and its context, it does not answer. */
const MIN_QUOTE_COVERAGE = 0.5;
/** When the question names the speaker, its other words (the topic) must still be found around the quote. */
const MIN_TOPIC_COVERAGE = 0.3;

/** How much a question word counts by where it is found, from the quoted words out to the article. */
const LEVEL = { quote: 1, speaker: 1, sentence: 0.75, paragraph: 0.6, neighbour: 0.45, title: 0.45, article: 0.3 } as const;

interface SpeakerTerms {
  keys: Set<string>;
  skeletons: Set<string>;
}

function speakerTerms(q: Attributed): SpeakerTerms {
  const keys = new Set<string>();
  const skeletons = new Set<string>();
  for (const phrase of q.speakerWords) {
    for (const w of phrase.split(/[\s,]+|(?<=\p{L})[-‐](?=\p{L})/u)) {
      const k = termKey(w);
      if (k) keys.add(k);
      const sk = /^\p{Lu}/u.test(w) ? skeleton(w) : undefined;
      if (sk) skeletons.add(sk);
    }
  }
  return { keys, skeletons };
}

const describes = (t: SpeakerTerms, c: Concept): boolean => [...c.keys].some((k) => t.keys.has(k)) || [...c.skeletons].some((k) => t.skeletons.has(k));

/** Where each question concept occurs in an article: by sentence, with paragraph-relative offsets. */
interface DocMatches {
  /** Per concept: [sentence id, token position] pairs. */
  at: Map<Concept, [number, number][]>;
}

function docMatches(index: SearchIndex, plan: QueryPlan, r: SentenceRange): DocMatches {
  const at = new Map<Concept, [number, number][]>();
  examined.sentences += r.end - r.first;
  for (let id = r.first; id < r.end; id++) {
    for (const [c, positions] of matchPositions(index, id, plan)) {
      const list = at.get(c) ?? [];
      for (const p of positions) list.push([id, p]);
      at.set(c, list);
    }
  }
  return { at };
}

/** The best place a concept is found for this quotation, as a weight from LEVEL. */
function levelOf(index: SearchIndex, q: Attributed, c: Concept, m: DocMatches, title: Set<string>, speaker: SpeakerTerms): [number, boolean] {
  const places = m.at.get(c) ?? [];
  let best = 0;
  for (const [id, pos] of places) {
    const s = index.sentences[id];
    const k = q.para.ids.indexOf(id);
    if (k >= 0) {
      const off = q.para.starts[k] + s.off[2 * pos];
      if (off >= q.span.from && off < q.span.to) return [LEVEL.quote, describes(speaker, c)];
      best = Math.max(best, q.ids.includes(id) ? LEVEL.sentence : LEVEL.paragraph);
    } else if (Math.abs(s.paragraph - q.para.paragraph) === 1) best = Math.max(best, LEVEL.neighbour);
    else best = Math.max(best, LEVEL.article);
  }
  if ([...c.keys].some((k) => title.has(k))) best = Math.max(best, LEVEL.title);
  if (describes(speaker, c)) return [LEVEL.speaker, true];
  return [best, false];
}

const quotesIn = (index: SearchIndex, d: number, r: SentenceRange): Attributed[] => (isLong(index, d) ? quotesInWindow(index, `${r.first}:${r.end}`) : quotesOf(index, d));

/** Quotations matching the question, with their speaker. */
export function quoteCandidates(index: SearchIndex, plan: QueryPlan, hits: Hit[]): Candidate[] {
  if (!plan.totalWeight) return [];
  const hitById = new Map(hits.map((h) => [h.id, h]));
  // Per article, or per window of a long one (readingRange): its quotations, in the order hits found them.
  const ranges = new Map<string, { d: number; r: SentenceRange }>();
  let windows = 0;
  for (const h of hits) {
    const r = readingRange(index, h.sentence.doc, h.id);
    const key = `${r.first}:${r.end}`;
    if (ranges.has(key)) continue;
    const long = isLong(index, h.sentence.doc);
    if (long && windows >= LONG_ARTICLE_WINDOWS) continue;
    if (long) windows++;
    ranges.set(key, { d: h.sentence.doc, r });
  }
  const quotes = [...ranges.values()].flatMap(({ d, r }) => quotesIn(index, d, r).map((q) => ({ q, d, r, terms: speakerTerms(q) })));
  // Concepts the question spends on describing a speaker ("Garcia", "finance minister"): a quote by someone else misses them.
  const speakerConcepts = plan.concepts.filter((c) => quotes.some(({ q, terms }) => q.speaker && describes(terms, c)));
  const speakerWeight = speakerConcepts.reduce((a, c) => a + c.weight, 0);
  const out: Candidate[] = [];
  const fits = new Map<Candidate, WordFit>();
  const asked = wordsOf(plan.text);
  const matches = new Map<string, DocMatches>();
  for (const { q, d, r, terms } of quotes) {
    let m = matches.get(`${r.first}:${r.end}`);
    if (!m) matches.set(`${r.first}:${r.end}`, (m = docMatches(index, plan, r)));
    const title = titleKeys(index, d);
    let covered = 0;
    let bySpeaker = 0;
    let topic = 0;
    let topicWeight = 0;
    for (const c of plan.concepts) {
      const [level, viaSpeaker] = levelOf(index, q, c, m, title, terms);
      covered += c.weight * level;
      if (!viaSpeaker) {
        topic += c.weight * level;
        topicWeight += c.weight;
      }
      // A speaker word the quoted words themselves contain ("Pakistan" in “We support Pakistan’s efforts”) is not missed.
      if (speakerConcepts.includes(c) && ((viaSpeaker && q.speaker) || level === LEVEL.quote)) bySpeaker += c.weight;
    }
    const coverage = covered / plan.totalWeight;
    // "the chief executive on rockets": the right speaker on another subject does not answer.
    if (coverage < MIN_QUOTE_COVERAGE || (topicWeight && topic / topicWeight < MIN_TOPIC_COVERAGE)) continue;
    const speakerFit = speakerWeight ? 0.4 + 0.6 * Math.min(1, bySpeaker / speakerWeight) : 1;
    // Whole sentences of substance answer better than a few words quoted inside a sentence.
    const words = q.quote.split(/\s+/).length;
    const substance = (0.8 + 0.2 * Math.min(1, words / 12)) * (q.fragment ? 0.85 : 1);
    // A sure speaker keeps the whole score; an unsure one ranks below it, and a quote with none lower still.
    // The asked words in their order, word for word, point at this quotation rather than one sharing a few of them.
    const share = sequenceShare(asked, wordsOfQuote(q));
    const wording = 0.5 + 0.5 * share * share;
    const score = coverage * speakerFit * substance * wording * (q.speaker ? 0.8 + 0.2 * q.confidence : 0.8);
    const hit = q.ids.map((id) => hitById.get(id)).find(Boolean) ?? {
      id: q.ids[0],
      sentence: index.sentences[q.ids[0]],
      coverage,
      matched: new Map(),
      score: coverage,
    };
    out.push({
      answer: q.quote,
      ...(q.speaker ? { speaker: q.speaker, speakerConfidence: q.confidence } : {}),
      evidence: q.quote,
      sentence: q.cited,
      hit,
      score,
    });
    fits.set(out.at(-1)!, wordFit(index, q, plan));
  }
  return preferCloserWording(out, fits);
}

/** Content-word keys of a quotation's own words. */
function quoteKeys(index: SearchIndex, q: Attributed): Set<string> {
  const keys = new Set<string>();
  q.para.ids.forEach((id, k) => {
    const s = index.sentences[id];
    for (let i = 0; i < tokenCount(s); i++) {
      const at = q.para.starts[k] + s.off[2 * i];
      if (at < q.span.from || at >= q.span.to) continue;
      const key = termKey(tokenAt(s, i));
      if (key) keys.add(key);
    }
  });
  return keys;
}

interface WordFit {
  keys: Set<string>;
  /** Share of the quotation's words that the question has. */
  share: number;
}

function wordFit(index: SearchIndex, q: Attributed, plan: QueryPlan): WordFit {
  const keys = quoteKeys(index, q);
  let asked = 0;
  for (const k of keys) if (plan.concepts.some((c) => c.keys.has(k))) asked++;
  return { keys, share: keys.size ? asked / keys.size : 0 };
}

/** Two quotations by one speaker that share this much of their words say the same thing twice. */
const NEAR_DUPLICATE = 0.6;

/**
 * One speaker saying nearly the same words twice ("… on the island route", "… on the island route until
 * March"): the wording closer to the question's wins, whatever their lengths.
 */
function preferCloserWording(candidates: Candidate[], fits: Map<Candidate, WordFit>): Candidate[] {
  for (const a of candidates) {
    for (const b of candidates) {
      if (a === b || a.speaker !== b.speaker || a.hit.sentence.doc !== b.hit.sentence.doc) continue;
      const fa = fits.get(a)!;
      const fb = fits.get(b)!;
      let shared = 0;
      for (const k of fa.keys) if (fb.keys.has(k)) shared++;
      const overlap = shared / Math.max(1, Math.min(fa.keys.size, fb.keys.size));
      if (overlap < NEAR_DUPLICATE || fa.share <= fb.share || a.score > b.score) continue;
      const top = b.score;
      b.score = a.score * (1 - 0.02 * (fa.share - fb.share));
      a.score = top;
    }
  }
  return candidates;
}
