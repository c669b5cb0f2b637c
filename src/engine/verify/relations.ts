// Relations the question's words alone do not show. A trick question often keeps every word of
// its sentence and changes how they relate: an antonym ("rejected" for "accepted"), a modifier
// ("the first premier" of a sentence about the premier), a negation the question drops ("does not
// have"), a direction ("from Warsaw to Kraków" of "from Kraków to Warsaw"), a number beside the
// same word ("August 4" of "August 1"), another year after the same verb ("coined in 1777" of
// "coined in 1774"), an opposite in the word's place ("increased" of "decreased"). Each lowers the
// confidence or rules the answer out.
import type { SentenceRecord } from '../../index/index.ts';
import { sentenceKeys } from '../../index/index.ts';
import { foldedTokens, tokenAt, tokenCount } from '../../nlp/tokens.ts';
import { fold, termKey } from '../../nlp/terms.ts';
import { antonyms, synonyms, type WordNetPos } from '../../nlp/wordnet.ts';
import type { Concept, QueryPlan } from '../query.ts';
import { isNegation, type QuestionShape, type QuestionToken } from './shape.ts';
import type { Where } from './constraints.ts';
import { isOrdinal, rankOf } from './conflicts.ts';
import { eventRoot } from '../when/when-words.ts';

export interface Relations {
  /** A word of the question whose WordNet antonym the sentence has, without the word itself. */
  antonym: number;
  /** A modifier of the question (an ordinal, a superlative, "current", "only") the sentence lacks. */
  modifier: number;
  /** The sentence negates a word of the question that the question does not negate. */
  negated: number;
  /** A number of the question found only around the sentence, which states another of its kind. */
  numberElsewhere: number;
}

const WORDNET_POS: Record<string, WordNetPos> = { NOUN: 'n', VERB: 'v', ADJ: 'a' };
/** Modifiers that restrict which one of a kind the question asks about. */
const RESTRICTING = new Set(['only', 'sole', 'original', 'primary', 'ultimate', 'initial']);
const NUMBER = /^\d[\d,.]*$/;
const YEAR = /^(1\d|20)\d\d$/;

function isModifier(t: QuestionToken): boolean {
  const w = fold(t.text);
  if (isOrdinal(w) || RESTRICTING.has(w)) return true;
  return t.pos === 'ADJ' && /\p{L}{3,}est$/u.test(w) && !/(interest|forest|honest|modest|contest|harvest|protest|request|suggest)$/.test(w);
}

export function relationsOf(s: SentenceRecord, plan: QueryPlan, shape: QuestionShape, where: Where[], inSentence: Map<Concept, number[]>): Relations {
  const words = new Set(foldedTokens(s));
  // The sentence's keys and ranks, made only for a question word that needs them.
  let keys: Set<string> | undefined;
  let ranks: Set<string> | undefined;
  let antonym = 0;
  let modifier = 0;
  for (const t of shape.tokens) {
    if (t.capitalised) continue;
    const met = t.concept >= 0 ? where[t.concept] === 'sentence' : words.has(fold(t.text));
    if (isModifier(t)) {
      ranks ??= new Set([...words].map(rankOf));
      if (!ranks.has(rankOf(t.text))) modifier = 1;
    }
    const pos = WORDNET_POS[t.pos];
    if (met || !pos || t.lemma.length < 3) continue;
    const opposites = antonyms(t.lemma, pos);
    if (opposites.length === 0) continue;
    keys ??= new Set(sentenceKeys(s).filter((k): k is string => k !== undefined));
    const has = keys;
    if (opposites.some((a) => has.has(termKey(a) ?? ''))) antonym = 1;
  }
  return { antonym, modifier, negated: negatedInSentence(s, plan, shape, inSentence), numberElsewhere: numberElsewhere(s, shape, where) };
}

/**
 * "Although the European Union does not have a codified constitution" for "who has a codified
 * constitution": a negation just before a word of the question the question does not negate. Not
 * "was not completed until 1769", which says when it was.
 */
function negatedInSentence(s: SentenceRecord, plan: QueryPlan, shape: QuestionShape, inSentence: Map<Concept, number[]>): number {
  if (shape.negated) return 0;
  const n = tokenCount(s);
  for (let c = 0; c < plan.concepts.length; c++) {
    if (shape.kinds[c] !== 'verb' && shape.kinds[c] !== 'noun') continue;
    for (const p of inSentence.get(plan.concepts[c]) ?? []) {
      let negated = false;
      for (let k = Math.max(0, p - 3); k < p; k++) if (isNegation(tokenAt(s, k))) negated = true;
      if (!negated) continue;
      let until = false;
      for (let k = p + 1; k < Math.min(n, p + 8); k++) if (/^(until|till|before)$/i.test(tokenAt(s, k))) until = true;
      if (!until) return 1;
    }
  }
  return 0;
}

/** "coined … in 1774" asked, the sentence says 1777 and the year before it 1774: the number is another event's. */
function numberElsewhere(s: SentenceRecord, shape: QuestionShape, where: Where[]): number {
  const numbers: string[] = [];
  for (let i = 0; i < tokenCount(s); i++) if (NUMBER.test(tokenAt(s, i))) numbers.push(tokenAt(s, i));
  for (const t of shape.tokens) {
    if (t.concept < 0 || !NUMBER.test(t.text) || where[t.concept] === 'sentence') continue;
    const year = YEAR.test(t.text);
    if (numbers.some((x) => x !== t.text && YEAR.test(x) === year)) return 1;
  }
  return 0;
}

/**
 * Conflicts of relation: the direction of "from X to Y" turned round, another number beside the
 * same word ("August 4" asked, "August 1" stated), another year of the act, an opposite in the slot.
 */
export function relationConflict(s: SentenceRecord, plan: QueryPlan, shape: QuestionShape, where: Where[], inSentence: Map<Concept, number[]>): string | undefined {
  const toks = shape.tokens;
  const at = (t: QuestionToken | undefined): number[] => (!t || t.concept < 0 ? [] : (inSentence.get(plan.concepts[t.concept]) ?? []));
  const n = tokenCount(s);
  const after = (word: string, positions: number[]): boolean => positions.some((p) => p > 0 && fold(tokenAt(s, p - 1)) === word);
  for (let i = 0; i + 3 < toks.length; i++) {
    if (fold(toks[i].text) !== 'from' || fold(toks[i + 2].text) !== 'to') continue;
    const a = at(toks[i + 1]);
    const b = at(toks[i + 3]);
    if (after('from', b) && after('to', a) && !after('from', a)) return `from ${toks[i + 1].text} to ${toks[i + 3].text} asked, the other way stated`;
  }
  const words = foldedTokens(s);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!/^\d{1,4}$/.test(t.text) || words.includes(t.text)) continue;
    for (const step of [-1, 1]) {
      const nb = toks[i + step];
      if (!nb || !/^\p{L}{3,}$/u.test(nb.text) || (nb.concept < 0 && !nb.capitalised)) continue;
      for (let p = 0; p < n; p++) {
        if (words[p] !== fold(nb.text)) continue;
        const there = words[p - step];
        if (there && /^\d{1,4}$/.test(there) && there !== t.text && there.length === t.text.length) return `${nb.text} ${t.text} asked, ${there} stated`;
      }
    }
  }
  return yearOfTheAct(s, plan, shape, inSentence) ?? antonymInSlot(s, plan, shape, where, inSentence);
}

/**
 * "who coined the name in 1774" over "was coined in 1777 by …": a year of the question missing
 * from the sentence, where another year follows the question's own verb, is another date of the act.
 */
function yearOfTheAct(s: SentenceRecord, plan: QueryPlan, shape: QuestionShape, inSentence: Map<Concept, number[]>): string | undefined {
  const words = foldedTokens(s);
  const asked = shape.tokens.filter((t) => YEAR.test(t.text) && !words.includes(t.text));
  if (!asked.length) return undefined;
  for (let c = 0; c < plan.concepts.length; c++) {
    if (shape.kinds[c] !== 'verb') continue;
    for (const p of inSentence.get(plan.concepts[c]) ?? []) {
      if (!/^(in|on|by|during)$/.test(words[p + 1] ?? '')) continue;
      const there = words[p + 2];
      if (there && YEAR.test(there) && asked.every((t) => t.text !== there)) return `${asked[0].text} asked, "${tokenAt(s, p)} ${words[p + 1]} ${there}" stated`;
    }
  }
  return undefined;
}

/** A question word's opposites, as word roots: its WordNet antonyms and their synonyms ("stop" → start, begin). */
function oppositesOf(lemma: string, pos: WordNetPos): Set<string> {
  const out = new Set<string>();
  for (const a of antonyms(lemma, pos)) for (const w of [a, ...synonyms(a, pos)]) out.add(eventRoot(w));
  return out;
}

/**
 * "who decreased British military resources" over "increased British military resources": a
 * question word missing from the sentence whose opposite stands in its place, beside the word
 * next to it in the question.
 */
function antonymInSlot(s: SentenceRecord, plan: QueryPlan, shape: QuestionShape, where: Where[], inSentence: Map<Concept, number[]>): string | undefined {
  const toks = shape.tokens;
  const n = tokenCount(s);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const pos = WORDNET_POS[t.pos];
    // Not a light word: "come to America" is said "went to America".
    if (!pos || t.capitalised || t.concept < 0 || shape.kinds[t.concept] === 'light' || where[t.concept] === 'sentence') continue;
    const opposites = oppositesOf(t.lemma, pos);
    if (!opposites.size) continue;
    for (const step of [-1, 1]) {
      // The nearest word of the question on that side, past a stop word ("decreased the parking fees").
      const nb = [toks[i + step], toks[i + 2 * step]].find((x) => x && x.concept >= 0);
      if (!nb || nb.concept === t.concept) continue;
      for (const p of inSentence.get(plan.concepts[nb.concept]) ?? []) {
        for (let d = 1; d <= 3; d++) {
          const slot = p - d * step;
          if (slot < 0 || slot >= n) break;
          // The word's root, irregular forms included ("began" is "begin").
          if (opposites.has(eventRoot(tokenAt(s, slot)))) return `${t.text} asked, ${tokenAt(s, slot)} stated`;
        }
      }
    }
  }
  return undefined;
}
