// Other ways a text may write a question's word: the same word dotted or undotted ("T.T.P." and
// "TTP"), a contraction spelled out ("dept" → department), and its synonyms in its common senses
// (begin → start, commence; spokesman → spokesperson), from WordNet and the corpus's own words.
import type { SearchIndex } from '../index/index.ts';
import { contractionsOf, isWordNetWord, synonyms, type WordNetPos } from '../nlp/wordnet.ts';
import { fold, termKey } from '../nlp/terms.ts';

export interface Paraphrases {
  /** The word itself, written otherwise: it weighs as the word does. */
  same: string[];
  /** Words meaning the same in the word's common senses. */
  synonyms: string[];
}

const WORDNET_POS: Record<string, WordNetPos> = { NOUN: 'n', VERB: 'v', ADJ: 'a' };
const DOTTED = /^(?:\p{L}\.){2,}\p{L}?\.?$/u;
const ACRONYM = /^\p{Lu}{2,6}$/u;

const inCorpus = (index: SearchIndex, word: string): boolean => {
  const key = termKey(word);
  return key !== undefined && index.termIds.has(key);
};

/** What else the text may write for one token of a question, given wink's lemma and POS tag for it. */
export function paraphrasesOf(index: SearchIndex, token: string, lemma: string, pos: string, withSynonyms = true): Paraphrases {
  const same: string[] = [];
  if (DOTTED.test(token)) same.push(token.replace(/\./g, ''));
  else if (ACRONYM.test(token)) same.push(`${[...token].join('.')}.`);
  const word = fold(lemma || token);
  if (!/^[a-z]+$/.test(word) || (/^\p{Lu}/u.test(token) && pos === 'PROPN')) return { same, synonyms: [] };
  // Only a word written in lower case ("dept", "Dept."): "ECSC" is an acronym, not a contraction.
  const contraction = /^\p{L}\p{Ll}+\.?$/u.test(token) ? spelledOut(index, fold(token).replace(/\.$/, '')) : undefined;
  if (contraction) same.push(contraction);
  const wnPos = WORDNET_POS[pos];
  const syn = wnPos && withSynonyms ? synonyms(word, wnPos).filter((w) => inCorpus(index, w)) : [];
  return { same, synonyms: syn };
}

/** "dept" → "department", "govt" → "government": a word neither the corpus nor WordNet has, as the corpus's commonest word it contracts. */
function spelledOut(index: SearchIndex, short: string): string | undefined {
  if (!/^[a-z]{3,5}$/.test(short) || inCorpus(index, short) || isWordNetWord(short)) return undefined;
  let best: string | undefined;
  let bestDf = 0;
  const candidates = contractionsOf(short);
  // Among the words starting most like it ("dep…t"), the one the corpus uses most.
  const start = (w: string): number => [...short].findIndex((c, i) => w[i] !== c) >>> 0;
  for (const w of candidates) {
    if (start(w) < start(candidates[0])) break;
    const df = index.df[termKey(w) ?? ''] ?? 0;
    if (df > bestDf) [best, bestDf] = [w, df];
  }
  return best;
}
