// What a /who question asks for: a role ("the spokesperson"), the doer of a verb ("who ordered X"),
// or the one a verb was done to ("who did X beat"); and the words that qualify it ("of Norway").
import { readQuestion } from '../../nlp/nlp.ts';
import { CONVERSE_VERBS, TITLE_WORDS, verbFamily } from '../words.ts';
import { synonyms } from '../../nlp/wordnet.ts';
import { fold, termKey } from '../../nlp/terms.ts';

export interface WhoQuestion {
  /** Keys of the role asked about, head last: ["prime", "minist"], ["spokesperson"]. Empty when none. */
  role: string[];
  /** Keys of the question's other content words: what the role or action is qualified by. */
  modifiers: string[];
  /** Keys of the words written as names in the question ("Norway", "Treasury Board"). */
  names: string[];
  /** The question's main verb, when it asks who did (or underwent) something. */
  verb?: QuestionVerb;
  /** "who did the Falcons beat": the answer is the verb's object, not its subject. */
  object: boolean;
  /** "who was replaced by X": the answer underwent the action. */
  passive: boolean;
  /** Keys of the verb's object nouns: "lawsuit" in "who brought the lawsuit", found as "a lawsuit by X". */
  objectKeys: string[];
  /** "who were the analysts", "who are the founders": more than one answer is asked for. */
  plural: boolean;
}

export interface QuestionVerb {
  lemma: string;
  key: string;
  /** Lemmas of the same act ("defeat" for "beat"): the text may use any of them. */
  alts: string[];
  /** How much finding it tells: 1 for the question's own verb, less for one derived from a role noun. */
  weight: number;
}

// The kept families first, then WordNet's synonyms in the verb's common senses ("tell" → say).
export const verbOf = (lemma: string, key: string, weight = 1): QuestionVerb => ({ lemma, key, alts: [...new Set([...verbFamily(lemma), ...synonyms(lemma, 'v')])], weight });

/**
 * The verb an agent noun is made from: "designer" → design, "composer" → compose, "winner" → win.
 * Several spellings are returned; only the ones the text uses as a verb will match.
 */
export function agentVerb(noun: string): string[] {
  const m = /^(\p{L}{3,}?)(?:er|or)s?$/u.exec(fold(noun));
  if (!m) return [];
  const stem = m[1];
  const out = [stem, `${stem}e`];
  if (/(\p{L})\1$/u.test(stem)) out.push(stem.slice(0, -1));
  return out;
}

const BE = new Set(['be']);
const MODALS = new Set(['may', 'might', 'can', 'could', 'will', 'would', 'shall', 'should', 'must']);
const DO = new Set(['do']);
const STOP_NP = new Set(['ADP', 'VERB', 'AUX', 'SCONJ', 'PUNCT', 'PRON', 'CCONJ']);

interface Tok {
  text: string;
  pos: string;
  lemma: string;
  key?: string;
}

function tokens(text: string): Tok[] {
  const { words, pos, lemmas } = readQuestion(text);
  return words.map((w, i) => ({ text: w, pos: pos[i], lemma: fold(lemmas[i] ?? w), key: termKey(w) }));
}

const isRoleNoun = (t: Tok): boolean => (t.pos === 'NOUN' || TITLE_WORDS.has(fold(t.text))) && /^\p{L}/u.test(t.text);

const cache = new Map<string, WhoQuestion>();

/** Reads the question (the text after `/who`), once: the extractor and the verifier both ask. */
export function analyseWho(query: string): WhoQuestion {
  let q = cache.get(query);
  if (!q) {
    q = readWho(query);
    if (cache.size > 500) cache.clear();
    cache.set(query, q);
  }
  return q;
}

function readWho(query: string): WhoQuestion {
  const toks = tokens(/^who\b/i.test(query) ? query : `who ${query}`);
  const q: WhoQuestion = { role: [], modifiers: [], names: [], object: false, passive: false, objectKeys: [], plural: false };
  let i = 1;
  // "who may assign", "who will lead": the modal is not the verb.
  while (i < toks.length - 1 && MODALS.has(fold(toks[i].text))) i++;
  // "who has composed", "who had ordered": the perfect's auxiliary is not the verb either.
  if (i < toks.length - 1 && /^(has|have|had)$/i.test(toks[i].text) && toks[i + 1].pos === 'VERB' && /(ed|en|wn|t|ne|un|ung|ght|ade|id)$/.test(fold(toks[i + 1].text))) i++;
  const used = new Set<number>();
  const first = toks[i];
  if (first && BE.has(first.lemma)) {
    q.plural = /^(are|were)$/i.test(first.text);
    i++;
    // "who was replaced by", "who was elected": a passive verb, not a role.
    const next = toks[i];
    if (next && next.pos === 'VERB' && /(ed|en|wn|t)$/.test(fold(next.text))) {
      q.verb = verbOf(next.lemma, next.key ?? next.lemma);
      q.passive = true;
      used.add(i);
      i++;
    } else {
      // The complement noun phrase: its head (and the title words before it) is the role.
      let end = i;
      while (end < toks.length && !STOP_NP.has(toks[end].pos)) end++;
      let h = end - 1;
      while (h >= i && !isRoleNoun(toks[h])) h--;
      if (h >= i) {
        let r = h;
        while (r - 1 >= i && TITLE_WORDS.has(fold(toks[r - 1].text))) r--;
        for (let k = r; k <= h; k++) {
          const key = toks[k].key;
          if (key) q.role.push(key);
          used.add(k);
        }
        // "the designer of X" is also whoever designed X ("designed by …"); titles are offices, not acts.
        if (!TITLE_WORDS.has(fold(toks[h].text))) {
          const [lemma, ...more] = agentVerb(toks[h].text);
          if (lemma) q.verb = { lemma, key: lemma, alts: more, weight: 0.6 };
        }
      }
      // "who is the suspect in X" / "who is the head coach of the Falcons": a verb inside is a relative clause.
    }
  } else if (first && DO.has(first.lemma)) {
    // "who did the Falcons beat": the first verb after the subject.
    let v = i + 1;
    while (v < toks.length && toks[v].pos !== 'VERB') v++;
    // "did the Falcons defeat": the model may tag the verb after a name as a noun.
    if (v === toks.length) {
      v = i + 2;
      while (v < toks.length && !(toks[v - 1].pos === 'PROPN' && /^\p{Ll}+$/u.test(toks[v].text) && toks[v].pos === 'NOUN')) v++;
    }
    if (v < toks.length) {
      q.verb = verbOf(toks[v].lemma, toks[v].key ?? toks[v].lemma);
      q.object = true;
      used.add(v);
    }
  } else if (first && /^\p{L}/u.test(first.text)) {
    // "who ordered X", "who heads X" (tagged as a noun), "who had five sacks".
    const converse = CONVERSE_VERBS[first.lemma];
    if (converse && toks[i + 1] && fold(toks[i + 1].text) === converse.prep) {
      // "who lost to the Falcons": whom the Falcons beat.
      q.verb = verbOf(converse.verb, converse.verb);
      q.object = true;
      used.add(i + 1);
    } else q.verb = verbOf(first.lemma, first.key ?? first.lemma);
    used.add(i);
    let o = i + 1;
    while (o < toks.length && (toks[o].pos === 'DET' || toks[o].pos === 'ADJ' || toks[o].pos === 'NUM')) o++;
    while (o < toks.length && (toks[o].pos === 'NOUN' || toks[o].pos === 'PROPN')) {
      if (toks[o].key && toks[o].pos === 'NOUN') q.objectKeys.push(toks[o].key!);
      o++;
    }
  }
  toks.forEach((t, k) => {
    if (k === 0 || used.has(k) || !t.key) return;
    if (/^(who|whom|whose|is|was|are|were|did|does|do)$/i.test(t.text)) return;
    q.modifiers.push(t.key);
    if (/^\p{Lu}/u.test(t.text) && k > 0) q.names.push(t.key);
  });
  return q;
}
