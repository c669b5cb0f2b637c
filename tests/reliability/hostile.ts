// Generators of hostile user text, shared by the engine properties and the shell tests.
import fc from 'fast-check';
import { COMMANDS } from '../../src/types.ts';
import type { SearchIndex } from '../../src/engine/index.ts';

/** Fixed by default so a failure reproduces; FC_SEED=<n> explores other inputs. */
export const SEED = Number(process.env.FC_SEED ?? 20_240_701);

/** Lunr's query syntax: fields, fuzziness, boosts, presence, wildcards, and broken versions of each. */
export const LUNR_TOKENS = [
  'foo:bar~2^3',
  '+x',
  '-y',
  '*',
  '**',
  '*spokes*',
  'title:',
  ':',
  '~',
  '^',
  '~2',
  '^3',
  '+',
  '-',
  '+-',
  '-+',
  'who~1',
  'a^10',
  'b^-1',
  'c~-5',
  'd^NaN',
  'e~Infinity',
  'body:*',
  'text:+minister',
  '-the',
  '+the',
  'x:y:z',
  '"quoted phrase"',
  '\\',
  '\\*',
  '\\:',
  'foo\\',
  '~~~',
  '^^^',
  ':::',
] as const;

/** Regex and path metacharacters that must never reach a RegExp or the file system unescaped. */
export const META_TOKENS = [
  '(((((',
  ')))',
  '.*',
  '[a-',
  '\\d+',
  '$&',
  '$1',
  '(?<x>',
  '|||',
  '{1,}',
  '../../etc/passwd',
  '/etc/shadow',
  '..\\..\\boot.ini',
  '%00',
  '$(rm -rf /)',
  '`id`',
  '; ls',
  '&& echo',
  '> /tmp/x',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal text is one of the hostile inputs
  '${HOME}',
] as const;

export const STOP_WORDS = ['the', 'a', 'an', 'of', 'is', 'was', 'who', 'when', 'what', 'and', 'to', 'in', 'on', 'at', 'by', 'it', 'be', 'did', 'does', 'said'] as const;

export const EMOJI = ['😀', '👩‍👩‍👧‍👦', '🇵🇰', '🏳️‍🌈', '👍🏽', '\u{1F4A9}', '\uFE0F', '\u200D', '\uD83D', '\uDE00', '\uDE00\uD83D'] as const;

/** Arabic, Hebrew and Urdu, plus the bidi controls that reorder text on screen. */
export const RTL = ['وزیر اعظم شہباز شریف', 'שלום עולם', 'رئيس الوزراء', '\u202Eevil\u202C', '\u202B', '\u200F', '\u2067x\u2069', 'عزمِ استحکام'] as const;

export const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~“”‘’«»…—–·•¡¿'.split('');

/** Words of the indexed corpus, so that some generated queries do find answers. */
export function corpusWords(index: SearchIndex): string[] {
  const words = new Set<string>();
  for (const s of index.sentences) for (const w of s.text.split(/[^\p{L}\p{N}'-]+/u)) if (w.length > 2) words.add(w);
  return [...words].sort();
}

const controlChar = fc.integer({ min: 0, max: 31 }).chain((c) => fc.constantFrom(String.fromCharCode(c), '\u007f', '\u0085', '\u2028', '\u2029', '\uFEFF'));

/** One piece of a query: a hostile token of some kind, or (when given) a corpus word. */
export function piece(words: string[] = []): fc.Arbitrary<string> {
  const kinds: fc.Arbitrary<string>[] = [
    fc.constantFrom(...LUNR_TOKENS),
    fc.constantFrom(...META_TOKENS),
    fc.constantFrom(...STOP_WORDS),
    fc.constantFrom(...EMOJI),
    fc.constantFrom(...RTL),
    fc.constantFrom(...PUNCTUATION),
    controlChar,
    fc.constant('\u0000'),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'grapheme', maxLength: 8 }),
    fc.string({ unit: 'binary', maxLength: 8 }),
  ];
  if (words.length) kinds.push(fc.constantFrom(...words), fc.constantFrom(...words), fc.constantFrom(...words));
  return fc.oneof(...kinds);
}

const join = (pieces: fc.Arbitrary<string[]>) => fc.tuple(pieces, fc.constantFrom(' ', ' ', ' ', '', '\t', '  ')).map(([p, sep]) => p.join(sep));

/** Any query a user might type, hostile or not (at most a few hundred characters). */
export function hostileQuery(words: string[] = []): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: join(fc.array(piece(words), { minLength: 0, maxLength: 12 })) },
    { weight: 1, arbitrary: join(fc.array(fc.constantFrom(...LUNR_TOKENS), { minLength: 1, maxLength: 8 })) },
    { weight: 1, arbitrary: join(fc.array(fc.constantFrom(...STOP_WORDS), { minLength: 1, maxLength: 8 })) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...PUNCTUATION), { minLength: 1, maxLength: 40 }).map((a) => a.join('')) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom(...EMOJI, ...RTL), { minLength: 1, maxLength: 6 }).map((a) => a.join(' ')) },
    { weight: 1, arbitrary: fc.array(controlChar, { minLength: 0, maxLength: 10 }).map((a) => a.join('')) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 1, arbitrary: fc.string({ maxLength: 400 }) },
  );
}

/** Queries made mostly of corpus words (they usually find answers), salted with hostile pieces. */
export function answerableQuery(words: string[]): fc.Arbitrary<string> {
  return join(
    fc.array(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...words) }, { weight: 1, arbitrary: fc.constantFrom(...STOP_WORDS) }, { weight: 1, arbitrary: piece() }), {
      minLength: 1,
      maxLength: 6,
    }),
  );
}

/** A line of 100 KB or more that is not blank once control characters are removed. */
export const hugeLine = fc
  .tuple(fc.constantFrom('a', 'minister ', 'ب', '😀', 'x\u0000', '+foo:bar~2 '), fc.integer({ min: 100 * 1024, max: 120 * 1024 }))
  .map(([unit, size]) => unit.repeat(Math.ceil(size / unit.length)));

export const command = fc.constantFrom(...COMMANDS);

/**
 * A deterministic list of stdin lines for the shells: commands with hostile queries, unknown commands,
 * empty lines, binary junk, very long lines, lunr syntax. No line contains a line break itself.
 */
export function hostileLines(count: number, words: string[], seed = SEED): string[] {
  const line = fc.oneof(
    { weight: 8, arbitrary: fc.tuple(fc.constantFrom('/', '', '/', ' /'), command, fc.constantFrom(' ', '  ', '\t'), hostileQuery(words)).map(([s, c, sp, q]) => s + c + sp + q) },
    { weight: 3, arbitrary: fc.tuple(command, answerableQuery(words)).map(([c, q]) => `/${c} ${q}`) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('/frobnicate', '/WHO', '/who:', '/', '//who', '/whom', '/help', '/sources', 'quote', '/search/x', '/\u0000who'), hostileQuery())
        .map(([c, q]) => `${c} ${q}`),
    },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', '\t', '   \t  ', '\u0000', '\u001b[2J', '\u0004', '\u001a') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }) },
    { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')) },
  );
  const lines = fc.sample(line, { seed, numRuns: count }).map((l) => l.replace(/[\r\n\u2028\u2029\u0085]/g, ' '));
  // A few very long lines (100 KB) at fixed places: over the query limit, so an error each.
  const long = fc.sample(hugeLine, { seed, numRuns: 5 });
  long.forEach((l, i) => {
    lines[Math.floor(((i + 1) * lines.length) / 6)] = `/${COMMANDS[i % COMMANDS.length]} ${l.replace(/[\r\n]/g, ' ')}`;
  });
  return lines;
}
