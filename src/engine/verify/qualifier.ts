// A changed qualifier: SQuAD 2.0's trick questions copy a sentence and swap one modifier of a noun
// for another of the same kind ("the Polish king" of a sentence about "the Swedish king", "the
// northern army" of "the southern army", "the two envoys" of "the three envoys"). The question's
// qualifier is missing from the sentence while its head is there, with another word of the same kind
// just before it: the evidence speaks of another one of its kind, and the answer is ruled out.
import { tokenAt, tokenCount } from '../../nlp/tokens.ts';
import type { SentenceRecord } from '../../index/index.ts';
import { posAt } from '../../nlp/pos.ts';
import { fold, termKey } from '../../nlp/terms.ts';
import type { Concept, QueryPlan } from '../query.ts';
import type { QuestionShape } from './shape.ts';
import type { Where } from './constraints.ts';

type Kind = 'demonym' | 'compass' | 'count' | 'season';

const COMPASS = /^(north|south|east|west|north-?east|north-?west|south-?east|south-?west)(ern|ward)?$|^(upper|lower|inner|outer)$/;
const COUNTS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'twenty', 'hundred', 'thousand']);
const SEASONS = new Set(['spring', 'summer', 'autumn', 'winter']);
/**
 * How nationality, religion and party adjectives end ("Polish", "Swedish", "Roman", "Chinese",
 * "Catholic", "French", "Greek", "Israeli"): a capitalised word of that shape modifying a noun is
 * one of a kind whose members exclude each other.
 */
const DEMONYM = /^\p{Lu}\p{Ll}{2,}(an|ish|ese|ic|ch|ek|i)$/u;

function kindOf(word: string): Kind | undefined {
  if (DEMONYM.test(word)) return 'demonym';
  const w = fold(word);
  if (COMPASS.test(w)) return 'compass';
  if (COUNTS.has(w)) return 'count';
  if (SEASONS.has(w)) return 'season';
  return undefined;
}

/** Tokens that may stand between a qualifier and its noun: another modifier ("the Polish royal army"). */
const MODIFIER_POS = new Set(['ADJ', 'NOUN', 'PROPN']);

/**
 * The question's qualifier replaced in the sentence by another of its kind before the same head
 * noun, when the sentence states the question's qualifier nowhere.
 */
export function qualifierConflict(s: SentenceRecord, plan: QueryPlan, shape: QuestionShape, where: Where[], inSentence: Map<Concept, number[]>): string | undefined {
  const toks = shape.tokens;
  const n = tokenCount(s);
  let folded: Set<string> | undefined;
  for (let i = 0; i + 1 < toks.length; i++) {
    const q = toks[i];
    const kind = kindOf(q.text);
    if (!kind || (q.concept >= 0 && where[q.concept] === 'sentence')) continue;
    folded ??= new Set(Array.from({ length: n }, (_, k) => fold(tokenAt(s, k))));
    if (folded.has(fold(q.text))) continue;
    // The noun it qualifies: the next content word, past one more modifier.
    const head = toks.slice(i + 1, i + 3).find((t) => t.concept >= 0 && kindOf(t.text) === undefined);
    if (!head || !(head.pos === 'NOUN' || head.pos === 'PROPN')) continue;
    for (const p of inSentence.get(plan.concepts[head.concept]) ?? []) {
      for (let k = p - 1; k >= Math.max(0, p - 2); k--) {
        const there = tokenAt(s, k);
        // The sentence's first word is capitalised whatever it is.
        if ((k > 0 || kind !== 'demonym') && kindOf(there) === kind && fold(there) !== fold(q.text) && !isQuestionWord(plan, there)) return `${q.text} asked, ${there} stated`;
        if (!MODIFIER_POS.has(posAt(s.pos, k))) break;
      }
    }
  }
  return undefined;
}

const isQuestionWord = (plan: QueryPlan, word: string): boolean => {
  const key = termKey(word);
  return key !== undefined && plan.concepts.some((c) => c.keys.has(key));
};
