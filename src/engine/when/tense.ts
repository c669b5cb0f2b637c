// The tense a date is written in, from the verb group that governs it: "will be reopened on April 2"
// and "is expected in May" look forward from the article's date, "go on sale on March 20" is a
// present-tense schedule, "was closed in December" looks back. Read from POS tags and wink's lemmas.
import type { AnalysedSentence } from '../../nlp/analyse.ts';
import { wordLemma } from '../../nlp/lemma.ts';
import { posAt } from '../../nlp/pos.ts';
import { tokenAt, tokenCount } from '../../nlp/tokens.ts';
import type { Tense } from './dates.ts';
import { crossings, type Clauses } from './date-spans.ts';

/** Auxiliaries of the future, and of the future seen from the past ("said it would reopen"). */
const FUTURE_AUX = new Set(['will', 'shall', "'ll", '’ll', 'wo', 'would']);
/** Auxiliaries of a past or perfect verb group. */
const PAST_AUX = new Set(['was', 'were', 'had', 'did', "'d", 'has', 'have', 'been']);
const PRESENT_BE = new Set(['is', 'are', 'am', "'s", '’s', "'re", '’re']);
/** Lemmas that schedule what follows: "is expected in May", "is due to open", "are set for June". */
const SCHEDULING = new Set(['expect', 'schedule', 'set', 'slate', 'plan', 'due', 'poise', 'intend', 'suppose', 'go']);
/** Verbs whose present tense with "to" intends: "plans to open on May 1", "aims to finish by June". */
const INTENDING = new Set(['plan', 'aim', 'intend', 'hope', 'expect', 'prepare', 'want', 'seek']);
/** Verbs whose past form is their base form: without an auxiliary, news reads them as past. */
const SAME_PAST = new Set(['set', 'put', 'cut', 'let', 'hit', 'quit', 'read', 'cost', 'shut', 'spread', 'hurt', 'beat', 'cast', 'bid', 'split', 'burst']);
const TOMORROW = new Set(['tomorrow', 'upcoming']);

interface VerbGroup {
  from: number;
  to: number;
  tense: Tense | 'present';
}

const inGroup = (s: AnalysedSentence, i: number): boolean => {
  const pos = posAt(s.pos, i);
  const t = tokenAt(s, i);
  if (pos === 'AUX' || pos === 'VERB') return true;
  // "will not be", "is due to open", "is going to".
  return (pos === 'PART' && (t === 'to' || t === 'not' || t === "n't")) || (pos === 'ADV' && /^\p{Ll}/u.test(t)) || t === 'due';
};

/** The tense of the verb group from..to. */
function groupTense(s: AnalysedSentence, from: number, to: number): VerbGroup['tense'] | undefined {
  const low = (i: number): string => (i <= to ? tokenAt(s, i) : '');
  let sawPresentBe = false;
  let finite = false;
  for (let i = from; i <= to; i++) {
    const t = low(i);
    const pos = posAt(s.pos, i);
    if (t !== t.toLowerCase()) continue;
    if (FUTURE_AUX.has(t) && pos === 'AUX' && (t !== 'wo' || low(i + 1) === "n't")) return 'future';
    if (PAST_AUX.has(t) && pos === 'AUX') return 'past';
    if (PRESENT_BE.has(t) && pos === 'AUX') {
      sawPresentBe = true;
      finite = true;
      continue;
    }
    if (pos !== 'VERB' && t !== 'due') continue;
    const lemma = t === 'due' ? 'due' : (wordLemma(t, 'VERB') ?? t);
    // "is expected in May", "are due to open", "is going to".
    if (sawPresentBe && SCHEDULING.has(lemma)) return 'future';
    if (t === 'due') continue;
    if (finite || (i > from && low(i - 1) === 'to')) continue;
    finite = true;
    // An -ing or infinitive alone is no finite verb: "reopening on Monday", "to open on May 1".
    if (t.endsWith('ing') && lemma !== t) return undefined;
    const present = !SAME_PAST.has(t) && (t === lemma || t === `${lemma}s` || t === `${lemma}es` || t === `${lemma.replace(/y$/, '')}ies`);
    if (!present) return 'past';
    if (INTENDING.has(lemma) && low(i + 1) === 'to') return 'future';
    return 'present';
  }
  return sawPresentBe ? 'present' : undefined;
}

/** The sentence's verb groups with a tense. */
function verbGroups(s: AnalysedSentence): VerbGroup[] {
  const n = tokenCount(s);
  const out: VerbGroup[] = [];
  for (let i = 0; i < n; i++) {
    const pos = posAt(s.pos, i);
    if (pos === 'ADJ' && pastParticipleAfterSubject(s, i)) {
      out.push({ from: i, to: i, tense: 'past' });
      continue;
    }
    if (pos !== 'AUX' && pos !== 'VERB') continue;
    let to = i;
    while (to + 1 < n && inGroup(s, to + 1)) to++;
    // Trailing adverbs and particles belong to what follows.
    while (to > i && posAt(s.pos, to) !== 'AUX' && posAt(s.pos, to) !== 'VERB' && tokenAt(s, to) !== 'due') to--;
    const tense = groupTense(s, i, to);
    if (tense) out.push({ from: i, to, tense });
    i = to;
  }
  return out;
}

/** "the city government consolidated in 1968": the model may tag a past verb after its subject as an adjective. */
function pastParticipleAfterSubject(s: AnalysedSentence, i: number): boolean {
  const t = tokenAt(s, i);
  if (!t.endsWith('ed') || i === 0 || !/^(NOUN|PROPN|PRON)$/.test(posAt(s.pos, i - 1))) return false;
  const lemma = wordLemma(t, 'VERB');
  return lemma !== undefined && lemma !== t && i + 1 < tokenCount(s) && posAt(s.pos, i + 1) === 'ADP';
}

/**
 * The tense of the clause around a date: that of the nearest verb group in its clause, else the
 * nearest past or future one in the sentence; with none, the past (news reports what happened). A present-tense
 * schedule ("tickets go on sale on March 20") looks forward, like the future.
 */
export function tenseAt(s: AnalysedSentence, start: number, end: number, clauses: Clauses): Tense {
  for (let i = start; i <= end; i++) if (TOMORROW.has(tokenAt(s, i).toLowerCase())) return 'future';
  const groups = verbGroups(s);
  const dist = (g: VerbGroup): number => (g.to < start ? start - g.to : g.from > end ? g.from - end : 0);
  const nearest = (sameClause: boolean): VerbGroup | undefined => {
    let best: VerbGroup | undefined;
    for (const g of groups) {
      // A present tense says nothing of a date in another clause: "It is the seat of X, with which … in 1968".
      if (sameClause ? crossings(clauses, g.to < start ? g.to : g.from, start) > 0 : g.tense === 'present') continue;
      if (!best || dist(g) < dist(best)) best = g;
    }
    return best;
  };
  const g = nearest(true) ?? nearest(false);
  if (!g) return 'past';
  return g.tense === 'past' ? 'past' : 'future';
}
