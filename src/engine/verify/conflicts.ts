// Contradictions between a question and an evidence sentence. Crowd-written trick questions copy a
// sentence and change one thing: a year or number, a name, an ordinal, a negation, a word turned
// into its opposite. Each check looks for that change where the question's word should stand.
import { sentenceAt, type SearchIndex, type SentenceRecord } from '../../index/index.ts';
import { foldedTokens, tokenAt, tokenCount } from '../../nlp/tokens.ts';
import { posAt } from '../../nlp/pos.ts';
import type { Concept, QueryPlan } from '../query.ts';
import { fold } from '../../nlp/terms.ts';
import { NAME_PARTICLES, TITLE_WORDS } from '../words.ts';
import { isNegation, type QuestionShape, type QuestionToken } from './shape.ts';
import type { Where } from './constraints.ts';

export interface Conflict {
  why: string;
  /** The sentence's word standing where the question's should. */
  stated?: string;
}

const YEAR = /^(1\d|20)\d\d$/;
const NUMBER = /^\d[\d,.]*$/;
/** Small words that join a name to the word it qualifies: "seal of Warsaw", "Montcalm at Quebec". */
const LINKS = new Set(['of', 'at', 'in', 'from', 'to', 'on', 'for', 'by']);
/** Words of one class that exclude each other before the same noun: "fifth report", "the current premier". */
const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'last',
  'final',
  'current',
  'former',
  'previous',
  'next',
  'latest',
  'earliest',
  'oldest',
  'newest',
  'largest',
  'smallest',
  'highest',
  'lowest',
];
const ORDINAL = new Set(ORDINALS);
/** Ordinals that say the same rank: "first", "earliest", "original". */
const SAME_RANK: Record<string, string> = { earliest: 'first', original: 'first', oldest: 'first', '1st': 'first', final: 'last', latest: 'last', '2nd': 'second', '3rd': 'third' };
export const rankOf = (t: string): string => SAME_RANK[fold(t)] ?? fold(t);
export const isOrdinal = (t: string): boolean => ORDINAL.has(fold(t)) || /^\d+(st|nd|rd|th)$/.test(fold(t));
/**
 * A word and its opposite by prefix: "unable", "uninvited", "nonfriendly"; "in-" and its forms
 * only on adjectives ("incomplete", "illegal"), where "inform" or "import" are no opposites.
 */
function opposite(a: string, b: string): boolean {
  // The prefixes are two to four letters long: most pairs of words are told apart by length alone.
  const d = Math.abs(a.length - b.length);
  if (d < 2 || d > 4) return false;
  if (a.length <= b.length) [a, b] = [b, a];
  // The prefix stands before the whole other word.
  if (!a.endsWith(b)) return false;
  const m = /^(un|non-?|in|im|il|ir)(\p{L}{4,})$/u.exec(a);
  if (!m || m[2] !== b) return false;
  return m[1].startsWith('un') || m[1].startsWith('non') || /(able|ible|al|ent|ant|ive|ete|ar|ure|ect|ed)$/.test(b);
}

export function findConflict(index: SearchIndex, id: number, plan: QueryPlan, shape: QuestionShape, where: Where[], inSentence: Map<Concept, number[]>): Conflict | undefined {
  const s = sentenceAt(index, id);
  const at = (t: QuestionToken | undefined): number[] => (!t || t.concept < 0 ? [] : (inSentence.get(plan.concepts[t.concept]) ?? []));
  return (
    numberConflict(s, shape, where) ??
    slotConflict(s, shape, at) ??
    ownerConflict(s, shape, at) ??
    ordinalConflict(s, shape, at) ??
    numeralConflict(s, shape, at) ??
    oppositeConflict(s, shape, at) ??
    negationConflict(s, shape, at)
  );
}

/** A year or number of the question absent around the sentence, where the sentence gives another of its kind. */
function numberConflict(s: SentenceRecord, shape: QuestionShape, where: Where[]): Conflict | undefined {
  const numbers: string[] = [];
  for (let i = 0; i < tokenCount(s); i++) {
    const t = tokenAt(s, i);
    if (NUMBER.test(t) || /^\d{4}s$/.test(t)) numbers.push(t.replace(/s$/, ''));
  }
  for (const t of shape.tokens) {
    if (t.concept < 0 || !NUMBER.test(t.text)) continue;
    const w = where[t.concept];
    if (w === 'sentence' || w === 'near') continue;
    const year = YEAR.test(t.text);
    const other = numbers.find((n) => (year ? YEAR.test(n) || /^\d{3}0$/.test(n) : !YEAR.test(n)) && n !== t.text);
    if (other) return { why: `${t.text} asked, ${other} stated` };
  }
  return undefined;
}

/** A word of a personal or place name: not an acronym ("IPCC"), not a title ("President"). */
const nameWord = (t: string): boolean => /^\p{Lu}\p{Ll}/u.test(t) && !TITLE_WORDS.has(fold(t));

/**
 * The question's names against the sentence's: a name missing from the sentence while the word it
 * stands by in the question is there, with another name in its place ("Robert Mayow" asked, "John
 * Mayow" stated; "Montcalm at Montreal" asked, "Montcalm at Quebec" stated), or two words of one
 * name found apart ("Joseph Scheele" asked, "Joseph Priestley … Carl Wilhelm Scheele" stated).
 */
function slotConflict(s: SentenceRecord, shape: QuestionShape, at: (t: QuestionToken | undefined) => number[]): Conflict | undefined {
  const n = tokenCount(s);
  const toks = shape.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.concept < 0 || !t.capitalised) continue;
    const mine = at(t);
    for (const step of [-1, 1]) {
      // The neighbour, straight or across a linking word.
      const direct = toks[i + step];
      const link = direct && LINKS.has(fold(direct.text)) ? fold(direct.text) : undefined;
      const nb = link ? toks[i + 2 * step] : direct;
      if (!nb || nb.concept < 0 || nb.concept === t.concept || (!link && !nb.capitalised)) continue;
      const theirs = at(nb);
      if (!theirs.length) continue;
      if (!mine.length) {
        for (const p of theirs) {
          if (link && fold(tokenAt(s, p - step)) !== link) continue;
          const slot = p - (link ? 2 : 1) * step;
          if (slot < 0 || slot >= n) continue;
          const there = tokenAt(s, slot);
          if (/^\p{Lu}/u.test(there) && posAt(s.pos, slot) === 'PROPN' && fold(there) !== fold(t.text)) return { why: `${t.text} asked, ${there} stated`, stated: there };
        }
      } else if (!link && step === 1 && nameWord(t.text) && nameWord(nb.text) && apart(s, mine, theirs)) {
        return { why: `${t.text} ${nb.text} asked, not one name` };
      }
    }
    // "Joseph Louis von Humboldt": the name goes on past a particle.
    const past = NAME_PARTICLES.has(toks[i + 1]?.text ?? '') ? toks[i + 2] : undefined;
    if (past && past.concept >= 0 && nameWord(t.text) && nameWord(past.text) && mine.length) {
      const theirs = at(past);
      if (theirs.length && apart(s, mine, theirs)) return { why: `${t.text} ${toks[i + 1].text} ${past.text} asked, not one name` };
    }
  }
  return undefined;
}

const POSSESSIVE = /^['’]s$/;

/**
 * Another owner of the same thing: "Berlin's first stock exchange" asked, "Warsaw's first stock
 * exchange" stated. The question's name before "'s" is missing, and the sentence has another name
 * before "'s" a word or two ahead of the owned thing.
 */
function ownerConflict(s: SentenceRecord, shape: QuestionShape, at: (t: QuestionToken | undefined) => number[]): Conflict | undefined {
  const toks = shape.tokens;
  for (let i = 0; i + 2 < toks.length; i++) {
    const t = toks[i];
    if (!t.capitalised || t.concept < 0 || !POSSESSIVE.test(toks[i + 1].text) || at(t).length) continue;
    const owned = toks.slice(i + 2, i + 4).find((x) => x.concept >= 0 && x.concept !== t.concept);
    for (const p of at(owned)) {
      for (let k = p - 1; k >= 1 && k >= p - 3; k--) {
        if (!POSSESSIVE.test(tokenAt(s, k))) continue;
        const there = tokenAt(s, k - 1);
        if (nameWord(there) && fold(there) !== fold(t.text)) return { why: `${t.text}'s asked, ${there}'s stated`, stated: there };
      }
    }
  }
  return undefined;
}

/** Whether no use of the first name word (itself a name word) stands with the second as one name. */
const apart = (s: SentenceRecord, mine: number[], theirs: number[]): boolean => !mine.some((p) => !nameWord(tokenAt(s, p)) || theirs.some((q) => together(s, p, q)));

/**
 * Whether two words of one name stand together: in order with only capitalised words between (a
 * middle name, an initial) or quotation marks, or turned round with "of" ("Lisbon Treaty", "Treaty of Lisbon").
 */
function together(s: SentenceRecord, p: number, q: number): boolean {
  if (q > p && q - p <= 3) {
    for (let k = p + 1; k < q; k++) if (!/^(\p{Lu}|[^\p{L}\p{N}])/u.test(tokenAt(s, k)) && !NAME_PARTICLES.has(tokenAt(s, k))) return false;
    return true;
  }
  if (q < p && p - q <= 3) {
    for (let k = q + 1; k < p; k++) if (!/^(of|the|de|du|des|la|le)$/i.test(tokenAt(s, k))) return false;
    return true;
  }
  return false;
}

/** "the fifth assessment report" asked, "the Fourth Assessment Report" stated: another ordinal before the same noun. */
function ordinalConflict(s: SentenceRecord, shape: QuestionShape, at: (t: QuestionToken | undefined) => number[]): Conflict | undefined {
  const toks = shape.tokens;
  let words: Set<string> | undefined;
  for (let i = 0; i + 1 < toks.length; i++) {
    if (!isOrdinal(toks[i].text)) continue;
    // The sentence's ranks, read only for a question that has an ordinal.
    if (!words) {
      words = new Set<string>();
      for (let j = 0; j < tokenCount(s); j++) words.add(rankOf(tokenAt(s, j)));
    }
    if (words.has(rankOf(toks[i].text))) continue;
    const head = toks.slice(i + 1, i + 3).find((t) => t.concept >= 0);
    for (const p of at(head)) {
      for (let k = Math.max(0, p - 2); k < p; k++) {
        const there = tokenAt(s, k);
        if (isOrdinal(there) && rankOf(there) !== rankOf(toks[i].text)) return { why: `${toks[i].text} asked, ${there} stated` };
      }
    }
  }
  return undefined;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const ROMAN_RANK: Record<string, string> = Object.fromEntries(ROMAN.map((r, i) => [r, ORDINALS[i]]));
const LIST = /^(and|or|,|&)$/;

/**
 * A name's number changed: "World War I" asked, "the Second World War" or "World War II" stated
 * (a Roman numeral after a name is its rank, as an ordinal before it is).
 */
function numeralConflict(s: SentenceRecord, shape: QuestionShape, at: (t: QuestionToken | undefined) => number[]): Conflict | undefined {
  const toks = shape.tokens;
  for (let i = 1; i < toks.length; i++) {
    const rank = ROMAN_RANK[toks[i].text];
    const name = toks[i - 1];
    if (!rank || !name.capitalised || name.concept < 0) continue;
    // The name's first word: the capitalised run before the numeral.
    let first = i - 1;
    while (first > 0 && toks[first - 1].capitalised && toks[first - 1].concept >= 0) first--;
    // Every numeral of a list counts: "Super Bowls I and II" states both.
    for (const p of at(name)) {
      const stated: string[] = [];
      for (let k = p + 1; k < tokenCount(s) && (ROMAN_RANK[tokenAt(s, k)] || LIST.test(tokenAt(s, k))); k++) if (ROMAN_RANK[tokenAt(s, k)]) stated.push(tokenAt(s, k));
      if (stated.length && !stated.some((x) => ROMAN_RANK[x] === rank)) return { why: `${name.text} ${toks[i].text} asked, ${name.text} ${stated.join(', ')} stated` };
    }
    for (const p of at(toks[first])) {
      const stated: string[] = [];
      for (let k = p - 1; k >= 0 && k >= p - 4 && (isOrdinal(tokenAt(s, k)) || LIST.test(tokenAt(s, k))); k--) if (isOrdinal(tokenAt(s, k))) stated.push(tokenAt(s, k));
      if (stated.length && !stated.some((x) => rankOf(x) === rank)) return { why: `${toks[first].text} … ${toks[i].text} asked, ${stated.join(', ')} stated` };
    }
  }
  return undefined;
}

/** "able" asked, "unable" stated (or the other way round), near the question's other words in the sentence. */
function oppositeConflict(s: SentenceRecord, shape: QuestionShape, at: (t: QuestionToken | undefined) => number[]): Conflict | undefined {
  const near = new Set(shape.tokens.flatMap((t) => at(t)));
  let folded: readonly string[] | undefined;
  for (const t of shape.tokens) {
    if (!/^\p{Ll}{4,}$/u.test(t.text)) continue;
    const w = fold(t.text);
    folded ??= foldedTokens(s);
    for (let i = 0; i < folded.length; i++) {
      const there = folded[i];
      if (there === w || !opposite(w, there)) continue;
      for (let k = i - 3; k <= i + 3; k++) if (k !== i && near.has(k)) return { why: `${t.text} asked, ${tokenAt(s, i)} stated` };
    }
  }
  return undefined;
}

/**
 * The question negates what the sentence affirms: the word the question negates ("was not
 * exempt") stands in the sentence with no negation just before it.
 */
function negationConflict(s: SentenceRecord, shape: QuestionShape, at: (t: QuestionToken | undefined) => number[]): Conflict | undefined {
  if (!shape.negated) return undefined;
  const toks = shape.tokens;
  const k = toks.findIndex((t) => isNegation(t.text));
  const positions = at(toks.slice(k + 1).find((t) => t.concept >= 0));
  const negatedAt = (p: number): boolean => {
    for (let j = Math.max(0, p - 4); j < p; j++) if (isNegation(tokenAt(s, j))) return true;
    return false;
  };
  if (positions.length) return positions.some(negatedAt) ? undefined : { why: 'negation asked, not stated' };
  for (let i = 0; i < tokenCount(s); i++) if (isNegation(tokenAt(s, i))) return undefined;
  return { why: 'negation asked, not stated' };
}

/**
 * Share of the question's weight that the sentence replaces: a missing noun or name whose
 * neighbour in the question stands in the sentence with another content word in its place ("wheat
 * exporter" asked, "oil exporter" stated). Paraphrase does this too, so it lowers the confidence
 * rather than ruling the answer out.
 */
export function substituted(s: SentenceRecord, plan: QueryPlan, shape: QuestionShape, where: Where[], inSentence: Map<Concept, number[]>): number {
  const toks = shape.tokens;
  const n = tokenCount(s);
  let share = 0;
  const counted = new Set<number>();
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.concept < 0 || counted.has(t.concept) || where[t.concept] === 'sentence' || shape.kinds[t.concept] === 'verb' || shape.kinds[t.concept] === 'light') continue;
    for (const step of [-1, 1]) {
      const nb = toks[i + step];
      if (!nb || nb.concept < 0 || nb.concept === t.concept) continue;
      const found = (inSentence.get(plan.concepts[nb.concept]) ?? []).some((p) => {
        const slot = p - step;
        if (slot < 0 || slot >= n) return false;
        const pos = posAt(s.pos, slot);
        return (pos === 'NOUN' || pos === 'PROPN' || pos === 'ADJ') && ![...inSentence.values()].some((ps) => ps.includes(slot));
      });
      if (found) {
        counted.add(t.concept);
        share += plan.concepts[t.concept].weight / (plan.totalWeight || 1);
        break;
      }
    }
  }
  return share;
}
