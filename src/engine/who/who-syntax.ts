// Who did what in a sentence, read from POS tags and lemmas: the subject of a verb in an active
// clause, the agent after "by" in a passive one, the object after it.
import { articleOf, sentenceAt, type SearchIndex } from '../../index/index.ts';
import type { AnalysedSentence } from '../../nlp/analyse.ts';
import { nlp, its } from '../../nlp/nlp.ts';
import { posAt } from '../../nlp/pos.ts';
import { wordLemma } from '../../nlp/lemma.ts';
import { tokenAt, tokenCount } from '../../nlp/tokens.ts';
import type { NameSpan } from '../names/names.ts';
import { fold, termKey } from '../../nlp/terms.ts';
import { IRREGULAR_FORMS, TITLE_WORDS } from '../words.ts';
import { perSentence } from '../memo.ts';

/** Lemma of each stored token from a model pass over the sentence (the folded token where the model split it differently). */
const sentenceLemmas = perSentence((index, id: number): string[] => {
  const s = sentenceAt(index, id);
  const doc = nlp.readDoc(s.text);
  const words = doc.tokens().out() as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.pos) as string[];
  const byStart = new Map<number, string>();
  let at = 0;
  words.forEach((w, i) => {
    at += spaces[i].length;
    byStart.set(at, fold(lemmas[i] ?? w));
    at += w.length;
  });
  const out: string[] = [];
  for (let i = 0; i < tokenCount(s); i++) out.push(byStart.get(s.off[2 * i]) ?? fold(tokenAt(s, i)));
  return out;
}, 2_000);

/** Lemma of token i of a stored sentence. */
function lemmaAt(index: SearchIndex, id: number, i: number): string {
  const s = sentenceAt(index, id);
  const lemma = wordLemma(tokenAt(s, i), posAt(s.pos, i));
  return lemma !== undefined ? fold(lemma) : sentenceLemmas(index, id)[i];
}

const PERSON_PRONOUNS = new Set(['he', 'she']);
const BE = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being']);
const SKIP_BACK = new Set(['AUX', 'ADV', 'PART']);

type Verb = { lemma: string; key: string; alts?: string[] };

// The extractor and the verifier (its constraints, its role checks) ask about the same sentences'
// verb: found once per index, question verb and sentence.
const found = new WeakMap<SearchIndex, WeakMap<Verb, Map<number, { at: number[]; family: number[] }>>>();

/** Positions where the sentence uses the question's verb (same lemma or stem), or one of its family (`family`); shared, not to be changed. */
export function verbPositions(index: SearchIndex, id: number, verb: Verb, family?: Set<number>): number[] {
  let byVerb = found.get(index);
  if (!byVerb) found.set(index, (byVerb = new WeakMap()));
  let byId = byVerb.get(verb);
  if (!byId) byVerb.set(verb, (byId = new Map()));
  let uses = byId.get(id);
  if (!uses) byId.set(id, (uses = findVerb(index, id, verb)));
  if (family) for (const i of uses.family) family.add(i);
  return uses.at;
}

function findVerb(index: SearchIndex, id: number, verb: Verb): { at: number[]; family: number[] } {
  const s = sentenceAt(index, id);
  const alts = verb.alts ?? [];
  // Lemmatising takes a model pass: only for a sentence that may hold one of the verb's forms.
  const lemmas = [verb.lemma, ...alts];
  const out = { at: [] as number[], family: [] as number[] };
  if (!mayHoldVerb(s.text, lemmas, verb.key)) return out;
  for (let i = 0; i < tokenCount(s); i++) {
    const pos = posAt(s.pos, i);
    if (pos !== 'VERB' && pos !== 'NOUN' && pos !== 'AUX') continue;
    if (pos === 'NOUN' && /^\p{Lu}/u.test(tokenAt(s, i))) continue;
    // A noun must be the verb itself ("heads"), not a noun sharing its stem ("composer").
    // The verb's family counts as the verb only where the text uses it as a verb.
    // As for the sentence, so for each token: one holding none of the verb's forms has another lemma.
    const lemma = mayHoldForm(tokenAt(s, i).toLowerCase(), lemmas) ? lemmaAt(index, id, i) : undefined;
    if (lemma === verb.lemma || (pos !== 'NOUN' && (termKey(tokenAt(s, i)) === verb.key || (lemma !== undefined && alts.includes(lemma))))) {
      // A noun use counts only when the verb reading fits: "X heads the side" tagged as a noun.
      if (pos === 'NOUN' && i > 0 && posAt(s.pos, i - 1) === 'DET') continue;
      if (lemma !== verb.lemma && termKey(tokenAt(s, i)) !== verb.key) out.family.push(i);
      out.at.push(i);
    }
  }
  return out;
}

const formCache = new Map<string, string[]>();

/** Substrings one of which any form of these lemmas contains: "defeat", "won", "led". */
function formsOf(lemma: string): string[] {
  let out = formCache.get(lemma);
  if (!out) {
    const stem = lemma.length > 3 ? lemma.replace(/e$/, '') : lemma;
    // "stop" → "stopp(ed)", "die" → "dy(ing)" contain the stem or are listed irregulars.
    out = [stem, ...(IRREGULAR_FORMS[lemma] ?? [])];
    if (/ie$/.test(lemma)) out.push(`${lemma.slice(0, -2)}y`);
    // "carry" → "carri(ed)", "party" → "parti(es)".
    if (/[^aeiou]y$/.test(lemma)) out.push(lemma.slice(0, -1));
    formCache.set(lemma, out);
  }
  return out;
}

function mayHoldVerb(text: string, lemmas: string[], key: string): boolean {
  const lower = text.toLowerCase();
  if (key && lower.includes(key)) return true;
  return mayHoldForm(lower, lemmas);
}

const mayHoldForm = (lower: string, lemmas: string[]): boolean => lemmas.some((l) => formsOf(l).some((f) => lower.includes(f)));

/** "to win": the subject of an infinitive is not written next to it. */
export function isInfinitive(s: AnalysedSentence, v: number): boolean {
  let j = v - 1;
  while (j >= 0 && posAt(s.pos, j) === 'ADV') j--;
  return j >= 0 && fold(tokenAt(s, j)) === 'to';
}

/** Whether the verb at `v` is passive: "was ordered", "filed by". */
export function isPassive(s: AnalysedSentence, v: number): boolean {
  for (let j = v - 1; j >= 0 && j >= v - 3; j--) {
    const t = fold(tokenAt(s, j));
    if (BE.has(t)) return true;
    if (!SKIP_BACK.has(posAt(s.pos, j))) break;
  }
  return tokenAt(s, v + 1) === 'by' && /(ed|en|wn|t)$/.test(fold(tokenAt(s, v)));
}

export type Relation = { span: NameSpan; strength: number } | { pronoun: number; strength: number };

const spanEndingAt = (spans: NameSpan[], j: number): NameSpan | undefined => spans.find((sp) => sp.end === j || (sp.start <= j && j <= sp.end));
const possessive = (s: AnalysedSentence, sp: NameSpan): boolean => /^['’]s$/.test(tokenAt(s, sp.end + 1) ?? '');

/** The name (or pronoun) doing the verb at `v` in an active clause. */
export function subjectOf(s: AnalysedSentence, v: number, spans: NameSpan[]): Relation | undefined {
  if (isInfinitive(s, v)) return undefined;
  let j = v - 1;
  while (j >= 0 && SKIP_BACK.has(posAt(s.pos, j))) j--;
  if (j < 0) return undefined;
  const t = tokenAt(s, j);
  // "they" is as often a team, a crowd or a company: only "he" and "she" point back at a person.
  if (posAt(s.pos, j) === 'PRON') return PERSON_PRONOUNS.has(fold(t)) ? { pronoun: j, strength: 1 } : undefined;
  const direct = spanEndingAt(spans, j);
  if (direct && !possessive(s, direct)) return { span: direct, strength: 1 };
  // "X, Pakistan's ambassador, said": skip back over a comma-enclosed apposition.
  if (t === ',') {
    for (let k = j - 1; k >= 0 && k >= j - 14; k--) {
      if (tokenAt(s, k) !== ',') continue;
      const sp = spanEndingAt(spans, k - 1);
      if (sp && !possessive(s, sp)) return { span: sp, strength: 0.9 };
      break;
    }
  }
  // A common-noun subject with a name inside or before it: "the rights group Tenants Alliance sued".
  for (let k = j; k >= 0 && k >= j - 8; k--) {
    const pos = posAt(s.pos, k);
    if (pos === 'VERB' || pos === 'PUNCT' || pos === 'SCONJ' || (pos === 'ADP' && tokenAt(s, k) !== 'of')) break;
    const sp = spanEndingAt(spans, k);
    if (sp && !possessive(s, sp)) return { span: sp, strength: 0.6 };
  }
  return undefined;
}

/** The agent after "by" following position `v`: "filed by the group X", "a lawsuit by X". */
export function agentAfter(s: AnalysedSentence, v: number, spans: NameSpan[], reach = 3): NameSpan | undefined {
  const n = tokenCount(s);
  let by = -1;
  for (let j = v + 1; j < n && j <= v + reach; j++)
    if (tokenAt(s, j) === 'by') {
      by = j;
      break;
    }
  if (by < 0) return undefined;
  for (let j = by + 1; j < n && j <= by + 12; j++) {
    // "by senior officials, including General X": the named member of the group.
    if (tokenAt(s, j) === ',' && /^(including|notably|such|among)$/.test(tokenAt(s, j + 1) ?? '')) {
      j += tokenAt(s, j + 1) === 'such' ? 2 : 1;
      continue;
    }
    if (posAt(s.pos, j) === 'CCONJ' && posAt(s.pos, j + 1) !== 'PROPN') continue;
    const at = headNameAt(s, j, spans);
    if (typeof at === 'object') return at;
    if (at !== undefined) {
      j = at;
      continue;
    }
    const pos = posAt(s.pos, j);
    if (!(pos === 'DET' || pos === 'ADJ' || pos === 'NOUN' || pos === 'PART' || tokenAt(s, j) === "'s" || pos === 'PROPN')) return undefined;
  }
  return undefined;
}

/**
 * "American actor X", "the Taliban spokesperson X": a name qualifying the common noun after it;
 * "Acting Coordinator for Counterterrorism X": a capitalised title qualifying the name after it.
 */
export function modifier(s: AnalysedSentence, sp: NameSpan): boolean {
  let next = sp.end + 1;
  // "the Western Hockey League (WHL) champion X": past a parenthesised abbreviation.
  if (tokenAt(s, next) === '(' && tokenAt(s, next + 2) === ')') next += 3;
  if (next >= tokenCount(s)) return false;
  const t = tokenAt(s, next);
  if ((t === 'for' || t === 'of') && sp.name.split(/\s+/).every((w) => TITLE_WORDS.has(fold(w).replace(/\.$/, '')))) return true;
  return (posAt(s.pos, next) === 'NOUN' && /^\p{Ll}/u.test(t)) || /^['’]s$/.test(t);
}

/**
 * The name starting at token j when it heads the phrase; when it only qualifies what follows
 * ("American actor X"), the token to go on after (past a trailing "for"/"of"); undefined for no name.
 */
function headNameAt(s: AnalysedSentence, j: number, spans: NameSpan[]): NameSpan | number | undefined {
  const sp = spans.find((x) => x.start === j || x.nameStart === j);
  if (!sp) return undefined;
  if (!modifier(s, sp)) return sp;
  return /^(for|of)$/.test(tokenAt(s, sp.end + 1) ?? '') ? sp.end + 1 : sp.end;
}

/** The name right after the verb: its object ("beat the Harbor City Gulls"). */
export function objectAfter(s: AnalysedSentence, v: number, spans: NameSpan[]): NameSpan | undefined {
  const n = tokenCount(s);
  for (let j = v + 1; j < n && j <= v + 8; j++) {
    const at = headNameAt(s, j, spans);
    if (typeof at === 'object') return at;
    if (at !== undefined) {
      j = at;
      continue;
    }
    // "beat the defending league champion Harbor City Gulls": descriptors before the name.
    const t = tokenAt(s, j);
    const pos = posAt(s.pos, j);
    const descriptor = /^\p{Ll}/u.test(t) && (pos === 'NOUN' || (pos === 'VERB' && /(ing|ed)$/.test(t)));
    if (!(pos === 'DET' || pos === 'ADJ' || pos === 'NUM' || descriptor)) return undefined;
  }
  return undefined;
}

/** The latest person mentioned before token `at` of sentence `id`, in it or the article's previous sentences. */
export function antecedent(index: SearchIndex, id: number, at: number, spansOf: (id: number) => NameSpan[]): { id: number; span: NameSpan } | undefined {
  const d = articleOf(index, id);
  const own = spansOf(id).filter((sp) => sp.kind === 'person' && sp.end < at);
  if (own.length) return { id, span: own[own.length - 1] };
  for (let k = id - 1; k >= 0 && k >= id - 3 && articleOf(index, k) === d; k--) {
    const people = spansOf(k).filter((sp) => sp.kind === 'person');
    // News style: "he" continues the sentence's subject, its first person.
    if (people.length) return { id: k, span: people[0] };
  }
  return undefined;
}
