// Universal POS tags packed one character per token, so a sentence's tags are one short string.
const TAGS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X', 'SPACE'] as const;
export type PosTag = (typeof TAGS)[number];

const CODES = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const toCode = new Map<string, string>(TAGS.map((t, i) => [t, CODES[i]]));
const fromCode = new Map<string, PosTag>(TAGS.map((t, i) => [CODES[i], t]));

export const packPos = (tags: string[]): string => tags.map((t) => toCode.get(t) ?? toCode.get('X')).join('');
export const posAt = (packed: string, i: number): PosTag => fromCode.get(packed[i]) ?? 'X';
