// "who survived X" is often answered by "the lone survivor was …": the question verb's agent noun.
import type { SearchIndex } from '../../index/index.ts';
import { examined, readingRange, sentenceAt, sentencesWithLowerCase } from '../../index/index.ts';
import { fold, termKey } from '../../nlp/terms.ts';
import { tokenAt, tokenCount } from '../../nlp/tokens.ts';
import { posAt } from '../../nlp/pos.ts';
import { matchPositions, type Hit } from '../retrieve/retrieve.ts';
import type { QueryPlan } from '../query.ts';
import type { WhoQuestion } from './who-question.ts';

/** The role the sentence should attach to the answer: the question's, or "survivor" for "who survived". */
export function wantedRole(index: SearchIndex, id: number, q: WhoQuestion): Set<string> {
  if (q.role.length) return new Set([q.role.at(-1)!]);
  const out = new Set<string>();
  if (!q.verb) return out;
  const s = sentenceAt(index, id);
  // "survived" → survivor, "sang" → singer, and the family's agent nouns: "beat" → winner is not one, "perform" → performer is.
  const bases = verbBases(q);
  if (!bases.length) return out;
  for (let i = 0; i < tokenCount(s); i++) {
    if (posAt(s.pos, i) !== 'NOUN') continue;
    const t = fold(tokenAt(s, i));
    if (isAgentNoun(t, bases)) {
      const k = termKey(t);
      if (k) out.add(k);
    }
  }
  return out;
}

const verbBases = (q: WhoQuestion): string[] => (q.verb ? [q.verb.lemma, ...q.verb.alts].map((l) => l.replace(/e$/, '')).filter((b) => b.length >= 4) : []);

const AGENT_SUFFIX = /^(or|er|ors|ers|ant|ants)$/;
/** Whether a folded noun is one of the bases plus an agent suffix (asked of every noun: a loop, not a closure per noun). */
function isAgentNoun(t: string, bases: string[]): boolean {
  for (const base of bases) if (t.startsWith(base) && AGENT_SUFFIX.test(t.slice(base.length))) return true;
  return false;
}

/**
 * "who survived X" is often answered by "the lone survivor was …", a sentence sharing no word with
 * the question: look for the verb's agent noun in the articles the question found.
 */
export function agentNounHits(index: SearchIndex, plan: QueryPlan, q: WhoQuestion, hits: Hit[]): Hit[] {
  if (!q.verb || q.role.length || q.object || q.passive) return [];
  const seen = new Set(hits.map((h) => h.id));
  const docs = new Map<number, Hit>();
  for (const h of hits) if (!docs.has(h.sentence.doc) && docs.size < 3) docs.set(h.sentence.doc, h);
  const out: Hit[] = [];
  const bases = verbBases(q);
  for (const [d, best] of docs) {
    const range = readingRange(index, d, best.id);
    examined.sentences += range.end - range.first;
    for (const id of sentencesWithLowerCase(index, range, bases)) {
      if (seen.has(id) || wantedRole(index, id, q).size === 0) continue;
      const matched = matchPositions(index, id, plan);
      out.push({ id, sentence: sentenceAt(index, id), coverage: best.coverage, matched, score: best.score * 0.9 });
    }
  }
  return out;
}
