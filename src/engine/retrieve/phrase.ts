// A /quote ask is often a run of words someone remembers ("we have to do better"): mostly function
// words, which lunr drops, and a few common ones, so the article that says them ranks nowhere among
// lunr's best. The sentences that hold the run word for word are found here instead: the articles
// that hold every content word of the ask, then their sentences holding every one, then their text.
import { articleHas, articlesWith, articleTermIds, rangeBytes, termId, type SearchIndex } from '../../index/index.ts';
import { fold, termKey } from '../../nlp/terms.ts';
import { analyseParagraph } from '../../nlp/analyse.ts';
import { tokenAt, tokenCount } from '../../nlp/tokens.ts';
import type { QueryPlan } from '../query.ts';

/** The fewest tokens of a run read as a phrase: shorter asks are keywords. */
const MIN_PHRASE_WORDS = 4;
/** … and the fewest words in it the index keeps no key of ("Man Sentenced for Fraud" is a headline's keywords). */
const MIN_UNKEYED = 2;
/**
 * The most articles the rarest content word may be in: a run of only very common words would read
 * most of a large corpus for one question, and is as likely said in many articles.
 */
export const PHRASE_ARTICLES = 2000;
/** The most sentences whose text is read per ask (a sentence read costs a decode). */
const PHRASE_TEXTS = 1000;
/** Sentences given back: one run of words is rarely said in more. */
const PHRASE_LIMIT = 10;

/** Words, apostrophes straightened, between single spaces: "In this case, I think he’s right" → " in this case i think he's right ". */
const wordsOnly = (text: string): string =>
  ` ${fold(text)
    .replace(/’/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim()} `;

/** How many more or fewer unkeyed tokens the text may have between two words than the ask: a comma, a contraction kept whole. */
const SLACK = 2;

/** The ask's keyed words in order, with how many tokens the index keeps no key of (function words, punctuation) stand before each and after the last. */
interface Pattern {
  ids: number[];
  gaps: number[];
  trail: number;
}

/** The ask as the index would key its tokens (undefined when a word of it is one the corpus never has). */
function patternOf(index: SearchIndex, text: string): Pattern | undefined {
  const pattern: Pattern = { ids: [], gaps: [], trail: 0 };
  // Tokens as the index has them ("don’t" is one token there, not the question reader's two).
  for (const s of analyseParagraph(text)) {
    for (let i = 0; i < tokenCount(s); i++) {
      const key = termKey(tokenAt(s, i));
      if (key === undefined) {
        pattern.trail++;
        continue;
      }
      const id = termId(index, key);
      if (id === undefined) return undefined;
      pattern.ids.push(id);
      pattern.gaps.push(pattern.trail);
      pattern.trail = 0;
    }
  }
  return pattern;
}

/** Whether the ask is a run of words rather than keywords: long enough, with words lunr does not keep, and some it does. */
const isPhrase = (p: Pattern): boolean => {
  const unkeyed = p.trail + p.gaps.reduce((a, g) => a + g, 0);
  return unkeyed >= MIN_UNKEYED && p.ids.length > 0 && unkeyed + p.ids.length >= MIN_PHRASE_WORDS;
};

/** Whether tokens [lo, hi) of `keys` hold the pattern with its first keyed word at token j, within the slack. */
function fitsAt(keys: Int32Array, lo: number, hi: number, j: number, p: Pattern): boolean {
  let lead = 0;
  while (j - 1 - lead >= lo && keys[j - 1 - lead] < 0) lead++;
  if (lead < p.gaps[0] - SLACK && j - lead > lo) return false;
  let at = j;
  for (let i = 1; i < p.ids.length; i++) {
    let gap = 0;
    while (at + 1 + gap < hi && keys[at + 1 + gap] < 0) gap++;
    at += gap + 1;
    if (at >= hi || keys[at] !== p.ids[i] || Math.abs(gap - p.gaps[i]) > SLACK) return false;
  }
  return true;
}

/** Sentence ids whose text holds the ask's words in order, word for word (at most PHRASE_LIMIT, in corpus order). */
export function phraseSentences(index: SearchIndex, plan: QueryPlan): number[] {
  const phrase = wordsOnly(plan.text);
  if (phrase.trim().split(' ').length < MIN_PHRASE_WORDS) return [];
  // The index tokenises a contraction by its apostrophe: the ask as written with either kind.
  const spellings = [...new Set([plan.text.replace(/’/g, "'"), plan.text.replace(/'/g, '’')])];
  const patterns = spellings.map((t) => patternOf(index, t)).filter((p): p is Pattern => p !== undefined && isPhrase(p));
  const out = new Set<number>();
  let read = 0;
  for (const p of patterns) {
    const counts = p.ids.map((id) => articlesWith(index, 'key', id).length);
    const fewest = Math.min(...counts);
    if (fewest > PHRASE_ARTICLES) continue;
    const first = p.ids[0];
    const rarest = p.ids[counts.indexOf(fewest)];
    for (const d of articlesWith(index, 'key', rarest)) {
      if (!p.ids.every((id) => id === rarest || articleHas(index, d, 'key', id))) continue;
      // The ask's first keyed word, then the others in its order and spacing, inside one sentence: then the text decides.
      const { ids, starts } = articleTermIds(index, d, 'key');
      let k = 0;
      for (let j = ids.indexOf(first); j >= 0; j = ids.indexOf(first, j + 1)) {
        while (starts[k + 1] - starts[0] <= j) k++;
        const s = index.docs[d].first + k;
        if (out.has(s) || !fitsAt(ids, starts[k] - starts[0], starts[k + 1] - starts[0], j, p)) continue;
        if (++read > PHRASE_TEXTS) return [...out].sort((a, b) => a - b);
        if (wordsOnly(rangeBytes(index, { first: s, end: s + 1 }).toString('utf8')).includes(phrase)) out.add(s);
        if (out.size >= PHRASE_LIMIT) return [...out].sort((a, b) => a - b);
      }
    }
  }
  return [...out].sort((a, b) => a - b);
}
