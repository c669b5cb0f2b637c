// The question's content constraints, checked against one evidence sentence and its immediate
// context. A constraint that is missing lowers the confidence by its weight (the concept's IDF);
// one the evidence contradicts rules the answer out (conflicts.ts).
import { articleOf, sentenceAt, sentenceCount, sentenceKeys, type SearchIndex, type SentenceRecord } from '../../index/index.ts';
import { foldedTokens, tokenAt } from '../../nlp/tokens.ts';
import { fold, termKey } from '../../nlp/terms.ts';
import { hasConcept, titleKeys } from '../retrieve/retrieve.ts';
import type { Concept, QueryPlan } from '../query.ts';
import { shapeOf, type ConceptKind, type QuestionShape, type QuestionToken } from './shape.ts';
import { related, type WordNetPos } from '../../nlp/wordnet.ts';
import { findConflict, substituted } from './conflicts.ts';
import { relationConflict, relationsOf, type Relations } from './relations.ts';
import { qualifierConflict } from './qualifier.ts';
import { refusalConflict } from './refusal.ts';

/** Where a constraint is met: in the sentence, around it (±1 sentence or the headline), a little further (±3), nowhere near. */
export type Where = 'sentence' | 'near' | 'article' | 'none';

export interface ConstraintCheck {
  /** IDF share of the question's weight not met in the sentence or its neighbours, by kind of word. */
  missing: Record<ConceptKind, number>;
  /** IDF share met in the neighbours or headline but not the sentence itself, by kind of word. */
  nearOnly: Record<ConceptKind, number>;
  /** IDF share of missing nouns and names whose place in the sentence another word takes. */
  substituted: number;
  /** The question's words not met around the sentence (in parentheses: met a little further). */
  unmet: string[];
  /** Relations the words alone do not show: an antonym, a modifier lacking, a negation, a number elsewhere. */
  relations: Relations;
  /** IDF share of the constraints met in the sentence only by a WordNet synonym or derivation (not counted as missing). */
  paraphrased: number;
  /** The largest IDF share of one constraint not met around the sentence. */
  maxMissing: number;
  /** Why the evidence contradicts the question, when it does. */
  contradiction?: string;
  /** The word of the sentence that stands where the question's would ("John" for "Robert Mayow"). */
  stated?: string;
}

/**
 * A word of the sentence that is the concept's word in another form the keys miss: a derivation
 * ("rival", "rivalry"; "Masovia", "Masovian"), a spelling ("center", "centre"; a typo), a compound
 * written apart ("heatwave", "heat wave").
 */
function looselyIn(s: SentenceRecord, word: string): boolean {
  const w = fold(word);
  if (w.length < 5 || !/^\p{L}+$/u.test(w)) return false;
  const folded = foldedTokens(s);
  const n = folded.length;
  for (let i = 0; i < n; i++) {
    const t = folded[i];
    if (t.length < 4) continue;
    if (commonPrefix(t, w) >= Math.max(5, Math.min(t.length, w.length) - 1) && Math.abs(t.length - w.length) <= 4) return true;
    if (t.length === w.length && t.length >= 6 && (t.replace(/re$/, 'er') === w || w.replace(/re$/, 'er') === t)) return true;
    if (w.length >= 6 && Math.abs(t.length - w.length) <= 1 && editsAtMostOne(t, w)) return true;
    if (i + 1 < n && t + folded[i + 1] === w) return true;
  }
  return false;
}

function commonPrefix(a: string, b: string): number {
  let k = 0;
  while (k < a.length && k < b.length && a[k] === b[k]) k++;
  return k;
}

function editsAtMostOne(a: string, b: string): boolean {
  if (a === b) return true;
  const k = commonPrefix(a, b);
  const tail = (x: string, y: string): boolean => x.slice(k + 1) === y.slice(k + (x.length === y.length ? 1 : 0));
  return a.length >= b.length ? tail(a, b) : tail(b, a);
}

/**
 * Whether a set of keys says an acronym: the acronym itself, or two distinct words of one of its
 * expansions (the sentences around "UNEP" must name the United Nations Environment Programme, not
 * only something "United").
 */
function saysAcronym(index: SearchIndex, c: Concept, keys: Set<string>): boolean {
  if (keys.has(termKey(c.word) ?? '')) return true;
  return (index.acronyms[fold(c.word)] ?? []).some((x) => x.split(/\s+/).filter((w) => keys.has(termKey(w) ?? '')).length >= 2);
}

/** Where concept c of the plan is found for sentence id. */
function whereIs(index: SearchIndex, id: number, plan: QueryPlan, c: Concept, inSentence: Map<Concept, number[]>): Where {
  if (inSentence.has(c) || looselyIn(sentenceAt(index, id), c.word)) return 'sentence';
  const d = articleOf(index, id);
  const acronym = Boolean(index.acronyms[fold(c.word)]?.length);
  const has = (n: number): boolean =>
    hasConcept(index, n, plan, c) && (!acronym || saysAcronym(index, c, new Set(sentenceKeys(sentenceAt(index, n)).filter((k): k is string => k !== undefined))));
  const same = (n: number): boolean => n >= 0 && n < sentenceCount(index) && articleOf(index, n) === d;
  if ((same(id - 1) && has(id - 1)) || (same(id + 1) && has(id + 1))) return 'near';
  const title = titleKeys(index, d);
  if (acronym ? saysAcronym(index, c, title) : [...c.keys].some((k) => title.has(k))) return 'near';
  const doc = index.docs[d];
  for (let n = Math.max(doc.first, id - 3); n <= Math.min(doc.first + doc.count - 1, id + 3); n++) {
    if (n !== id && has(n)) return 'article';
  }
  return 'none';
}

/**
 * An acronym's concept also matches each word of its expansions, which retrieval wants; a
 * constraint is met only by the acronym itself or by two distinct words of an expansion ("IPCC" is
 * not met by "climate" alone).
 */
function strictly(index: SearchIndex, id: number, matched: Map<Concept, number[]>): Map<Concept, number[]> {
  const s = sentenceAt(index, id);
  const out = new Map<Concept, number[]>();
  for (const [c, positions] of matched) {
    if (!index.acronyms[fold(c.word)]?.length) {
      out.set(c, positions);
      continue;
    }
    const own = termKey(c.word);
    const direct = positions.filter((p) => termKey(tokenAt(s, p)) === own);
    if (direct.length) out.set(c, direct);
    // Two words of an expansion, not one word twice ("United … United States" is not "UNEP").
    else if (new Set(positions.map((p) => termKey(tokenAt(s, p)))).size >= 2) out.set(c, positions);
  }
  return out;
}

const WORDNET_POS: Record<string, WordNetPos> = { NOUN: 'n', VERB: 'v', ADJ: 'a', ADV: 'a' };

/** The retrieval keys of a question word's WordNet synonyms and derivations, by its word and part of speech. */
const paraphraseKeys = new Map<string, Set<string>>();

/**
 * A question word's paraphrase keys. The tagger's lemma and part of speech are not always
 * WordNet's ("edited" read as an adjective): the word's plain verb forms are looked up too.
 */
function keysOfParaphrases(t: QuestionToken): Set<string> {
  const memo = `${t.pos} ${t.lemma}`;
  let keys = paraphraseKeys.get(memo);
  if (keys) return keys;
  keys = new Set<string>();
  const forms = new Set([t.lemma, t.lemma.replace(/(ed|ing)$/, ''), t.lemma.replace(/(d|ing)$/, ''), t.lemma.replace(/ing$/, 'e')]);
  const own = WORDNET_POS[t.pos];
  for (const form of forms) {
    if (form.length < 3) continue;
    for (const pos of new Set<WordNetPos>([...(own ? [own] : []), 'v'])) for (const w of related(form, pos)) keys.add(termKey(w) ?? '');
  }
  keys.delete('');
  if (paraphraseKeys.size >= 10_000) paraphraseKeys.clear();
  paraphraseKeys.set(memo, keys);
  return keys;
}

/** Whether the sentence says concept i of the question in other words: a WordNet synonym or derivation of its word. */
function paraphraseIn(s: SentenceRecord, shape: QuestionShape, i: number): boolean {
  const t = shape.tokens.find((x) => x.concept === i);
  if (!t || !/^\p{Ll}/u.test(t.text)) return false;
  const keys = keysOfParaphrases(t);
  if (!keys.size) return false;
  return sentenceKeys(s).some((k) => k !== undefined && keys.has(k));
}

/** A concept met a little further than the neighbours counts this much as missing. */
const FURTHER = 0.6;

/** Checks every content constraint of the question against sentence id. */
export function checkConstraints(index: SearchIndex, id: number, plan: QueryPlan, matched: Map<Concept, number[]>): ConstraintCheck {
  const shape = shapeOf(plan);
  const inSentence = strictly(index, id, matched);
  const total = plan.totalWeight || 1;
  const where = plan.concepts.map((c) => whereIs(index, id, plan, c, inSentence));
  const missing: Record<ConceptKind, number> = { name: 0, noun: 0, verb: 0, light: 0 };
  const nearOnly: Record<ConceptKind, number> = { name: 0, noun: 0, verb: 0, light: 0 };
  const unmet: string[] = [];
  let maxMissing = 0;
  let paraphrased = 0;
  const s = sentenceAt(index, id);
  plan.concepts.forEach((c, i) => {
    const kind = shape.kinds[i];
    if (kind === 'light') return;
    if (where[i] !== 'sentence' && kind !== 'name' && paraphraseIn(s, shape, i)) paraphrased += c.weight / total;
    else if (where[i] === 'near') nearOnly[kind] += c.weight / total;
    else if (where[i] !== 'sentence') {
      unmet.push(where[i] === 'article' ? `(${c.word})` : c.word);
      const share = (c.weight * (where[i] === 'article' ? FURTHER : 1)) / total;
      missing[kind] += share;
      maxMissing = Math.max(maxMissing, share);
    }
  });
  const relation = relationConflict(s, plan, shape, where, inSentence) ?? qualifierConflict(s, plan, shape, where, inSentence) ?? refusalConflict(s, shape);
  const conflict = findConflict(index, id, plan, shape, where, inSentence) ?? (relation ? { why: relation } : undefined);
  return {
    missing,
    nearOnly,
    substituted: substituted(sentenceAt(index, id), plan, shape, where, inSentence),
    unmet,
    relations: relationsOf(s, plan, shape, where, inSentence),
    paraphrased,
    maxMissing,
    ...(conflict ? { contradiction: conflict.why, ...(conflict.stated ? { stated: conflict.stated } : {}) } : {}),
  };
}
