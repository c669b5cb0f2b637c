// Universal POS tags packed one character per token, so a sentence's tags are one short string.
const TAGS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X', 'SPACE'] as const;
export type PosTag = (typeof TAGS)[number];

const CODES = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const toCode = new Map<string, string>(TAGS.map((t, i) => [t, CODES[i]]));

export const packPos = (tags: string[]): string => tags.map((t) => toCode.get(t) ?? toCode.get('X')).join('');
const FIRST_CODE = CODES.charCodeAt(0);
/** Read for nearly every token looked at: the tag by its code's place in CODES, an array index, not a map. */
export const posAt = (packed: string, i: number): PosTag => TAGS[packed.charCodeAt(i) - FIRST_CODE] ?? 'X';
