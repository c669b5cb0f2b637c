// What a /when question asks about: the event (its main verb, or an event noun), its voice and tense.
import { nlp, its } from '../../nlp/nlp.ts';
import { END_EVENTS, eventRoot, START_EVENTS } from './when-words.ts';
import { synonyms } from '../../nlp/wordnet.ts';

export interface WhenQuestion {
  /** Roots of the event words (eventRoot): "approve" for "when was X approved". Empty when none. */
  events: Set<string>;
  /** Roots of the event verbs' WordNet synonyms ("establish" for "found"): the text may name the event by any. */
  paraphrases: Set<string>;
  /** "when was X approved": X underwent the event, so "X approved Y" is about something else. */
  passive: boolean;
  /** "when will X start", "when is X set to…": asks about what comes after publication. */
  future: boolean;
  /** "when do tickets go on sale", "when is the verdict expected": the present tense, which asks for either side of publication. */
  present: boolean;
  /** Asks how something began (born, founded, first…) or ended (died, dissolved…): picks a range's end. */
  start: boolean;
  end: boolean;
}

/** Verbs that only say that something took place: the question's other words name the event. */
const GENERIC = new Set(['happen', 'occur', 'tak', 'take', 'go', 'be', 'do', 'get', 'mak', 'make', 'com', 'come', 'have']);
const ASPECTUAL = new Set(['begin', 'start', 'continu', 'stop', 'finish', 'try', 'cease', 'resum', 'keep']);
const PARTICIPLE = /(ed|en|wn|t|ng|un|ung)$/;

const cache = new Map<string, WhenQuestion>();

/** Reads the question (the text after `/when`). */
export function analyseWhen(query: string): WhenQuestion {
  const hit = cache.get(query);
  if (hit) return hit;
  const doc = nlp.readDoc(/^when\b/i.test(query) ? query : `when ${query}`);
  const words = (doc.tokens().out() as string[]).map((w) => w.toLowerCase());
  const pos = doc.tokens().out(its.pos) as string[];
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.pos) as string[];
  const events = new Set<string>();
  const verbs: string[] = [];
  let passive = false;
  const be = new Set(['was', 'were', 'is', 'are', 'been', 'be']);
  words.forEach((w, i) => {
    if (pos[i] !== 'VERB') return;
    const root = eventRoot(w);
    const lemmaRoot = eventRoot(lemmas[i] ?? w);
    if (GENERIC.has(root) || GENERIC.has(lemmaRoot)) return;
    events.add(root);
    events.add(lemmaRoot);
    verbs.push(lemmas[i] ?? w);
    if (PARTICIPLE.test(w) && words.slice(1, i).some((x) => be.has(x)) && !words.slice(1, i).some((x) => /^(did|do|does)$/.test(x))) passive = true;
  });
  // "when did X start experimenting": the experimenting is the event, starting only its aspect.
  const content = [...events].filter((e) => !ASPECTUAL.has(e));
  if (content.length > 0 && content.length < events.size) for (const e of [...events]) if (ASPECTUAL.has(e)) events.delete(e);
  if (events.size === 0) {
    // "when was the opening of X", "when was X's death": an event noun stands for the verb.
    words.forEach((w, i) => {
      if (pos[i] !== 'NOUN') return;
      const root = eventRoot(w);
      if (root !== w.replace(/e$/, '') || /(ion|ment|al|ure|ing)$/.test(w)) events.add(root);
    });
  }
  const paraphrases = new Set<string>();
  for (const v of verbs) for (const syn of synonyms(v, 'v')) if (!syn.includes(' ')) paraphrases.add(eventRoot(syn));
  for (const e of events) paraphrases.delete(e);
  const text = words.join(' ');
  const future = /\b(will|shall|going to|set to|expected to|scheduled|due to|plans? to|upcoming|next)\b/.test(text);
  const roots = [...events];
  const start = roots.some((r) => START_EVENTS.has(r)) || /\b(first|originally|initially|begin|began|start|founded|born|birth)\b/.test(text);
  const end = !start && (roots.some((r) => END_EVENTS.has(r)) || /\b(last|finally|end|ended|death|died)\b/.test(text));
  // The auxiliary right after "when" gives the question's tense.
  const present = !future && pos[1] === 'AUX' && /^(do|does|is|are|am)$/.test(words[1] ?? '');
  const q = { events, paraphrases, passive, future, present, start, end };
  if (cache.size > 500) cache.clear();
  cache.set(query, q);
  return q;
}
