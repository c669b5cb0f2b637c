import lunr from 'lunr';

// Accents, case and typographic quotes never distinguish two words for retrieval.
// Letters NFKD does not decompose into a base letter plus accent.
const LETTERS: Record<string, string> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ı: 'i', þ: 'th', ð: 'd' };

export function fold(word: string): string {
  // Plain ASCII (the common case) has nothing to decompose or straighten.
  if (/^[\x20-\x5f\x61-\x7e]*$/.test(word)) return word.toLowerCase();
  return word
    .replace(/[łŁøØđĐßæÆœŒıþð]/g, (c) => LETTERS[c])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .toLowerCase();
}

// Words that frame a question rather than say what it is about; with lunr's English stop words
// they would otherwise dominate short queries ("who is", "when did").
const FRAME_WORDS = new Set([
  'who',
  'whom',
  'whose',
  'when',
  'what',
  'which',
  'where',
  'why',
  'how',
  'quote',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'did',
  'do',
  'does',
  'has',
  'have',
  'had',
  'will',
  'would',
  'can',
  'could',
  'should',
  'the',
  'a',
  'an',
  'of',
  'to',
  'in',
  'on',
  'at',
  'for',
  'by',
  'with',
  'about',
  'from',
  'and',
  'or',
  'it',
  'its',
  'that',
  'this',
  'date',
  'day',
  'year',
  'time',
  'first',
  'say',
  'said',
  'tell',
  'me',
]);
const stopWords = (lunr as unknown as { stopWordFilter: (t: lunr.Token) => lunr.Token | undefined }).stopWordFilter;

const isWordy = (w: string): boolean => /[\p{L}\p{N}]/u.test(w);

// termKey is pure and called per token on every query: memoised (bounded) by surface form.
const keyMemo = new Map<string, string | null>();

/** The retrieval key of one token: folded, possessive dropped, stemmed; undefined for noise. */
export function termKey(token: string): string | undefined {
  const known = keyMemo.get(token);
  if (known !== undefined) return known ?? undefined;
  const key = computeTermKey(token);
  if (keyMemo.size >= 200_000) keyMemo.clear();
  keyMemo.set(token, key ?? null);
  return key;
}

function computeTermKey(token: string): string | undefined {
  let w = fold(token);
  if (w.endsWith("'s")) w = w.slice(0, -2);
  // "counter-terrorism" and "counterterrorism" are one word; the tokenizer keeps some hyphens and splits others.
  w = w.replace(/(?<=[\p{L}\p{N}])[-\u2010\u2011](?=[\p{L}\p{N}])/gu, '');
  w = w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  if (w.length < 2 || !isWordy(w)) return undefined;
  if (!stopWords(new lunr.Token(w, {}))) return undefined;
  return lunr.stemmer(new lunr.Token(w, {})).toString();
}

/** Like termKey, but also drops question framing words: for the words of a user's query. */
export function queryKey(token: string): string | undefined {
  const w = fold(token).replace(/'s$/, '');
  if (FRAME_WORDS.has(w)) return undefined;
  return termKey(token);
}

/**
 * Consonant skeleton of a name, so transliteration variants meet
 * (Istehkam / Istahkam, Tehreek / Tehrik); used only for capitalised words.
 */
export function skeleton(token: string): string | undefined {
  const w = fold(token).replace(/[^a-z]/g, '');
  if (w.length < 4) return undefined;
  const rest = w
    .slice(1)
    .replace(/[aeiouy]/g, '')
    .replace(/(.)\1+/g, '$1');
  return rest.length >= 2 ? w[0] + rest : undefined;
}

export const isCapitalised = (token: string): boolean => /^\p{Lu}/u.test(token);
