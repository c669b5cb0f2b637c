import { nlp, readQuestion } from '../nlp/nlp.ts';
import type { SearchIndex } from '../index/index.ts';
import { fold, queryKey, skeleton, termKey } from '../nlp/terms.ts';
import { IRREGULAR_FORMS } from './words.ts';
import { paraphrasesOf } from './paraphrase.ts';

/** One thing the query asks about, matched by any of its alternative keys. */
export interface Concept {
  word: string;
  keys: Set<string>;
  /** Consonant skeletons that also count as a match on capitalised words. */
  skeletons: Set<string>;
  weight: number;
  /** Written as a name in the question ("Norway"): an answer must come from an article that has it. */
  name: boolean;
}

export interface QueryPlan {
  text: string;
  concepts: Concept[];
  /** Every key of the query, for "is this candidate just the question's own words?". */
  ownKeys: Set<string>;
  totalWeight: number;
  /** Synonyms of its words were added: planned again for a question its own words do not answer. */
  widened: boolean;
}

const idf = (index: SearchIndex, key: string): number => Math.log(1 + (index.corpus?.sentences ?? index.sentences.length) / (1 + (index.df[key] ?? 0)));

// An acronym's expansions are read by the model once, not on every question that uses the acronym.
const expansionKeys = new Map<string, string[]>();
function keysOf(text: string): string[] {
  let keys = expansionKeys.get(text);
  if (!keys) {
    keys = (nlp.readDoc(text).tokens().out() as string[]).map(termKey).filter((k): k is string => k !== undefined);
    if (expansionKeys.size >= 10_000) expansionKeys.clear();
    expansionKeys.set(text, keys);
  }
  return keys;
}

// Porter stems split some inflections from their lemma (died → "di", die → "die"), and irregular
// verbs change form (win → won): a question word also matches the keys of its lemma's inflections.
function inflectionKeys(lemma: string): string[] {
  const w = fold(lemma);
  if (!/^\p{L}{3,}$/u.test(w)) return [];
  const stem = w.endsWith('e') ? w.slice(0, -1) : w;
  const forms = [w, `${w}s`, `${stem}ed`, `${stem}ing`, `${w}es`, ...(IRREGULAR_FORMS[w] ?? [])];
  return forms.map(termKey).filter((k): k is string => k !== undefined);
}

// Keyed by the acronym table: the slices of one database generation share it, and so the expansions.
const expansionCache = new WeakMap<SearchIndex['acronyms'], Map<string, { acronym: string; expansion: string[] }[]>>();

/** Acronym expansions of the corpus by their first key, computed once per index. */
function expansionsStartingWith(index: SearchIndex, key: string): { acronym: string; expansion: string[] }[] {
  let byFirst = expansionCache.get(index.acronyms);
  if (!byFirst) {
    byFirst = new Map();
    for (const [acronym, expansions] of Object.entries(index.acronyms)) {
      const acrKey = termKey(acronym);
      if (!acrKey) continue;
      for (const text of expansions) {
        const expansion = keysOf(text);
        if (expansion.length < 2) continue;
        const list = byFirst.get(expansion[0]) ?? [];
        list.push({ acronym: acrKey, expansion });
        byFirst.set(expansion[0], list);
      }
    }
    expansionCache.set(index.acronyms, byFirst);
  }
  return byFirst.get(key) ?? [];
}

/** Verbs the tokenizer splits a negation from, in the forms it leaves: "do|n't", "ca|n't", "wo|n't", "is|nt" (typed without the apostrophe). */
const NEGATED = new Set(['do', 'does', 'did', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'ca', 'wo', 'could', 'should', 'would', 'must', 'need', 'ai', 'sha']);

/**
 * The pieces of a contraction carry no topic ("isn't", "we’re", "dont", "I'm"), and the text may spell
 * them with another apostrophe or none: they are not concepts a quotation must contain.
 */
function isContractionPart(tokens: readonly string[], i: number): boolean {
  const t = fold(tokens[i]).replace(/’/g, "'");
  const prev = i > 0 ? fold(tokens[i - 1]).replace(/’/g, "'") : '';
  const next = i + 1 < tokens.length ? fold(tokens[i + 1]).replace(/’/g, "'") : '';
  if (/^'(?:re|ll|ve|m|d|s)$/.test(t) || /^i'm$/.test(t) || t === "n't") return true;
  if (t === 'nt' && NEGATED.has(prev)) return true;
  return (t === 'ca' || t === 'wo' || t === 'sha') && (next === "n't" || next === 'nt');
}

/** Turns the user's words into weighted concepts; acronyms and their corpus expansions are one concept. */
export function planQuery(index: SearchIndex, text: string, options: { synonyms?: boolean } = {}): QueryPlan {
  // One wink pass gives the tokens, their lemmas and their tags.
  const { words: tokens, lemmas, pos: tags } = readQuestion(text);
  const concepts: Concept[] = [];
  const ownKeys = new Set<string>();
  let synonymsAdded = false;
  tokens.forEach((token, position) => {
    if (isContractionPart(tokens, position)) return;
    const key = queryKey(token);
    if (!key) return;
    ownKeys.add(key);
    if (concepts.some((c) => c.keys.has(key))) return;
    const keys = new Set([key]);
    const skeletons = new Set<string>();
    const sk = skeleton(token);
    if (sk) skeletons.add(sk);
    const para = paraphrasesOf(index, token, lemmas[position] ?? token, tags[position] ?? '', options.synonyms ?? false);
    for (const form of [token, ...para.same]) {
      // Only a form the corpus uses: an absent one would weigh the word as a word never seen.
      if (form !== token) for (const k of keysOf(form)) if (index.termIds.has(k)) keys.add(k);
      for (const expansion of index.acronyms[fold(form).replace(/\./g, '')] ?? []) {
        for (const k of keysOf(expansion)) keys.add(k);
      }
    }
    // A word the corpus never uses weighs most: a question about it is not answered here.
    let weight = Math.max(...[...keys].map((k) => idf(index, k)));
    for (const k of inflectionKeys(lemmas[position] ?? token)) keys.add(k);
    // Synonyms match as the word does; a word the corpus never uses weighs as its synonyms it does.
    const synonymKeys = para.synonyms.flatMap((w) => [termKey(w), ...inflectionKeys(w)]).filter((k): k is string => k !== undefined && index.termIds.has(k));
    if (synonymKeys.length && [...keys].every((k) => !index.df[k])) weight = Math.max(...synonymKeys.map((k) => idf(index, k)));
    for (const k of synonymKeys) {
      synonymsAdded ||= !keys.has(k);
      keys.add(k);
      ownKeys.add(k);
    }
    const name = position > 0 && /^\p{Lu}\p{Ll}+$/u.test(token);
    concepts.push({ word: token, keys, skeletons, weight, name });
  });
  // An expansion in the query ("Road Safety Plan") also matches its acronym ("RSP") in the text.
  for (const key of [...ownKeys]) {
    for (const { acronym, expansion } of expansionsStartingWith(index, key)) {
      if (!expansion.every((k) => ownKeys.has(k))) continue;
      for (const c of concepts) if (expansion.some((k) => c.keys.has(k))) c.keys.add(acronym);
      ownKeys.add(acronym);
    }
  }
  const totalWeight = concepts.reduce((a, c) => a + c.weight, 0);
  return { text, concepts, ownKeys, totalWeight, widened: synonymsAdded };
}
