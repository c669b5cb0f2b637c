// Engine properties over the seed index: whatever the user types, `answer` either refuses with a
// QueryError or returns the contract's shape, and everything it cites is really in the cited file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { answer, contextOf, listSources, MAX_QUERY_LENGTH, parseAsk, QueryError, suggest, TIMELINE_MAX, type SearchIndex } from '../../src/engine/index.ts';
import { decodeBytes } from '../../src/corpus/index.ts';
import { COMMANDS, type Answer } from '../../src/types.ts';
import { SEEDS, seedIndex } from '../helpers.ts';
import { answerableQuery, command, corpusWords, hostileQuery, hugeLine, META_TOKENS, SEED } from './hostile.ts';

const RUNS = 300;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

let index: SearchIndex;
let words: string[];
/** Each seed file's decoded text, whitespace folded (sentences may cross hard-wrapped lines). */
const fileText = new Map<string, string>();
const stats = { calls: 0, queryErrors: 0, answers: 0 };

beforeAll(async () => {
  index = await seedIndex();
  words = corpusWords(index);
  for (const { file } of listSources(index)) {
    const d = decodeBytes(readFileSync(join(SEEDS, file)));
    if (!d.ok) throw new Error(`seed ${file} does not decode: ${d.reason}`);
    fileText.set(file, norm(d.text));
  }
});

/** The sentence is in the file; a multi-sentence quote is checked sentence by sentence. */
function inFile(file: string, sentence: string): boolean {
  const text = fileText.get(file);
  if (text === undefined) return false;
  if (text.includes(norm(sentence))) return true;
  const parts = sentence.split(/(?<=[.!?]["”’)]?)\s+(?=["“‘(]?\p{Lu})/u).filter((p) => p.trim());
  return parts.length > 1 && parts.every((p) => text.includes(norm(p)));
}

function checkAnswer(a: Answer, source?: string): void {
  const where = JSON.stringify(a).slice(0, 400);
  expect(typeof a.answer, where).toBe('string');
  expect(a.answer.trim().length, where).toBeGreaterThan(0);
  expect(typeof a.evidence, where).toBe('string');
  expect(typeof a.score, where).toBe('number');
  expect(Number.isFinite(a.score), where).toBe(true);
  if (a.speaker !== undefined) expect(typeof a.speaker, where).toBe('string');
  if (a.date !== undefined) expect(a.date, where).toMatch(DATE);
  if (a.source.date !== undefined) expect(a.source.date, where).toMatch(DATE);
  expect(fileText.has(a.source.file), where).toBe(true);
  if (source) expect(a.source.file, where).toBe(source);
  expect(a.source.sentence.includes(a.evidence), `evidence not in its sentence: ${where}`).toBe(true);
  expect(inFile(a.source.file, a.source.sentence), `sentence not in ${a.source.file}: ${where}`).toBe(true);
  for (const o of a.also ?? []) {
    expect(fileText.has(o.file), where).toBe(true);
    expect(inFile(o.file, o.sentence), `"also" sentence not in ${o.file}: ${where}`).toBe(true);
  }
}

/** Calls `answer`; a QueryError is an allowed outcome, anything else thrown fails the property. */
function ask(cmd: (typeof COMMANDS)[number], query: string, source?: string): Answer[] | QueryError {
  stats.calls++;
  try {
    const out = answer(index, cmd, query, source ? { source } : {});
    expect(Array.isArray(out)).toBe(true);
    // A timeline is up to 25 dated entries; every other command gives 3 answers unless asked for more.
    expect(out.length).toBeLessThanOrEqual(cmd === 'timeline' ? TIMELINE_MAX : 3);
    for (const a of out) checkAnswer(a, source);
    stats.answers += out.length;
    return out;
  } catch (err) {
    if (err instanceof QueryError) {
      stats.queryErrors++;
      return err;
    }
    throw err;
  }
}

const opts = { numRuns: RUNS, seed: SEED };

/** 2–6 consecutive words of a real sentence, with a hostile token spliced in now and then. */
const phrase = () =>
  fc
    .tuple(
      fc.nat(),
      fc.integer({ min: 2, max: 6 }),
      fc.nat(),
      fc.option(fc.constantFrom('+x', '-y', '*', 'foo:bar~2^3', '(((((', '.*', '\u0000', '😀', 'وزیر'), { nil: undefined }),
    )
    .map(([s, n, at, salt]) => {
      const w = index.sentences[s % index.sentences.length].text.split(/\s+/);
      const start = at % Math.max(1, w.length - n);
      const picked = w.slice(start, start + n);
      if (salt) picked.splice(at % (picked.length + 1), 0, salt);
      return picked.join(' ');
    });

describe('answer() under hostile queries (fast-check, 300 runs per property)', () => {
  it('any query, any command: a QueryError or the contract (lunr syntax, controls, NUL, emoji, RTL, stop words, punctuation, binary)', () => {
    fc.assert(
      fc.property(command, hostileQuery(), (cmd, q) => {
        ask(cmd, q);
      }),
      opts,
    );
  });

  it('queries of corpus words salted with hostile tokens: every answer cites real text, dates are ISO', () => {
    let answered = 0;
    fc.assert(
      fc.property(command, fc.oneof(answerableQuery(words), phrase()), (cmd, q) => {
        const out = ask(cmd, q);
        if (Array.isArray(out) && out.length) answered++;
      }),
      opts,
    );
    // The citation checks above only mean something if many runs did produce answers.
    expect(answered).toBeGreaterThan(RUNS / 4);
  });

  it('a QueryError is thrown exactly when the cleaned query is empty or over the limit', () => {
    fc.assert(
      fc.property(command, fc.oneof(hostileQuery(words), fc.string({ minLength: MAX_QUERY_LENGTH - 5, maxLength: MAX_QUERY_LENGTH + 40 })), (cmd, q) => {
        // eslint-disable-next-line no-control-regex
        const clean = q
          .replace(/[\u0000-\u001f\u007f]/g, ' ')
          .replace(/\s+/g, ' ')
          .trim();
        const out = ask(cmd, q);
        if (!clean) expect(out).toBeInstanceOf(QueryError);
        else if (clean.length > MAX_QUERY_LENGTH) expect((out as QueryError).message).toMatch(/limit is 300/);
        else expect(Array.isArray(out)).toBe(true);
      }),
      opts,
    );
  });

  it('a 100 KB line is refused with a QueryError about its length', () => {
    fc.assert(
      fc.property(command, hugeLine, (cmd, q) => {
        const out = ask(cmd, q);
        expect(out).toBeInstanceOf(QueryError);
        expect((out as QueryError).message).toMatch(/characters long; the limit is 300/);
      }),
      { numRuns: 30, seed: SEED },
    );
  });

  it('a hostile `source` (paths, regex syntax, near-misses of real names) restricts or finds nothing, never throws', () => {
    const files = listSources(index).map((s) => s.file);
    const source = fc.oneof(
      fc.constantFrom(
        ...META_TOKENS,
        '',
        ' ',
        '.',
        '..',
        '/',
        '*',
        '.txt',
        files[0].toUpperCase(),
        files[0].replace('.txt', ''),
        `./${files[0]}`,
        `${files[0]}\u0000`,
        `seeds/${files[0]}`,
      ),
      fc.constantFrom(...files),
      fc.string({ maxLength: 40 }),
    );
    fc.assert(
      fc.property(command, answerableQuery(words), source, (cmd, q, src) => {
        const out = ask(cmd, q, src || undefined);
        if (Array.isArray(out) && src && !files.includes(src)) expect(out).toEqual([]);
      }),
      opts,
    );
  });

  it('parseAsk on any line: a QueryError or a known command with a clean query within the limit', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileQuery(words),
          fc.tuple(fc.constantFrom('/', ''), fc.constantFrom(...COMMANDS, 'x', 'WHO'), hostileQuery()).map((t) => `${t[0]}${t[1]} ${t[2]}`),
        ),
        (line) => {
          try {
            const { command: c, query } = parseAsk(line);
            expect(COMMANDS).toContain(c);
            expect(query.length).toBeGreaterThan(0);
            expect(query.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
            // eslint-disable-next-line no-control-regex
            expect(query).not.toMatch(/[\u0000-\u001f\u007f]/);
          } catch (err) {
            expect(err).toBeInstanceOf(QueryError);
          }
        },
      ),
      opts,
    );
  });

  it('suggest and contextOf (autocomplete, "Show context") take hostile text without throwing', () => {
    const files = listSources(index).map((s) => s.file);
    fc.assert(
      fc.property(hostileQuery(words), fc.oneof(fc.constantFrom(...files), fc.constantFrom(...META_TOKENS)), (typed, file) => {
        const s = suggest(index, typed, 25);
        expect(s.length).toBeLessThanOrEqual(25);
        for (const x of s) expect(typeof x).toBe('string');
        const around = contextOf(index, file, typed, 2);
        for (const x of around) expect(typeof x).toBe('string');
      }),
      opts,
    );
  });

  it('(summary)', () => {
    console.log(`engine properties: ${stats.calls} answer() calls, ${stats.answers} answers checked, ${stats.queryErrors} QueryErrors`);
    expect(stats.calls).toBeGreaterThanOrEqual(4 * RUNS);
  });
});
