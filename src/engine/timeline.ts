// /timeline: what the articles say happened to an entity or topic, oldest first, each entry dated
// as /when dates a phrase (against the article date), or by the article date when the sentence has none.
import type { Answer } from '../types.ts';
import type { SearchIndex } from '../index/index.ts';
import { textOf } from './names/names.ts';
import { resolveDate } from './when/dates.ts';
import { clausesOf, findDateSpans } from './when/date-spans.ts';
import { tenseAt } from './when/tense.ts';
import type { Hit } from './retrieve/retrieve.ts';
import { fold } from '../nlp/terms.ts';
import { citationOf } from './citation.ts';

/** The most entries a timeline has: Discord pages through them, batch mode returns them all. */
export const TIMELINE_MAX = 25;
/** A sentence dated only by its article says less about when its event happened. */
const ARTICLE_DATED = 0.85;

interface Dated {
  iso: string;
  phrase: string;
  precision: number;
}

/** The most precise calendar date a sentence states, resolved against its article's date. */
function dateIn(index: SearchIndex, hit: Hit): Dated | undefined {
  const s = hit.sentence;
  const anchor = index.docs[s.doc].date;
  const clauses = clausesOf(s);
  let best: Dated | undefined;
  for (const span of findDateSpans(s)) {
    const phrase = textOf(s, span.start, span.end);
    const first = span.split === undefined ? phrase : textOf(s, span.start, span.split);
    const resolved = resolveDate(first, anchor, tenseAt(s, span.start, span.end, clauses));
    if (!resolved.iso || !/^\d{4}(-\d{2}){0,2}$/.test(resolved.iso)) continue;
    if (resolved.kind === 'duration' || resolved.kind === 'vague' || resolved.kind === 'anaphor' || resolved.kind === 'relative') continue;
    if (!best || resolved.precision > best.precision) best = { iso: resolved.iso, phrase, precision: resolved.precision };
  }
  return best;
}

/** One entry per distinct sentence (a copy in another article becomes `also`), the best `limit`, in date order. */
export function timelineAnswers(index: SearchIndex, hits: Hit[], limit = TIMELINE_MAX): Answer[] {
  const entries = new Map<string, Answer & { id: number; date: string }>();
  for (const hit of hits) {
    const s = hit.sentence;
    const doc = index.docs[s.doc];
    const dated = dateIn(index, hit);
    const date = dated?.iso ?? doc.date;
    if (!date) continue;
    const key = fold(s.text);
    const seen = entries.get(key);
    if (seen) {
      if (seen.source.file !== doc.file && !seen.also?.some((a) => a.file === doc.file)) {
        seen.also = [...(seen.also ?? []), { file: doc.file, ...(doc.title ? { title: doc.title } : {}), sentence: s.text }];
      }
      continue;
    }
    const score = Math.min(1, hit.score * (dated ? 1 : ARTICLE_DATED));
    entries.set(key, {
      id: hit.id,
      answer: s.text,
      date,
      date_from: dated ? 'text' : 'article',
      evidence: dated ? dated.phrase : s.text,
      source: citationOf(index, s.doc, s.text),
      score: Math.round(score * 1000) / 1000,
    });
  }
  const kept = [...entries.values()].sort((a, b) => b.score - a.score || a.id - b.id).slice(0, Math.min(limit, TIMELINE_MAX));
  kept.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id - b.id));
  return kept.map(({ id: _id, ...entry }) => entry);
}
