// /ask: a question in any form, routed by its first words to the command that answers that form.
import type { Answer, AnswerOptions, CommandName } from '../types.ts';
import type { SearchIndex } from '../index/index.ts';
import { answer } from './answer.ts';
import { checkQuery } from './parse-ask.ts';

export interface Routed {
  command: CommandName;
  /** What the routed command is asked: the question without the words that chose the command. */
  query: string;
}

/** Opening words that ask for a date: the question's remainder is what happened. */
const WHEN_OPENERS = [
  ['when'],
  ['since', 'when'],
  ['until', 'when'],
  ['what', 'date'],
  ['what', 'day'],
  ['what', 'year'],
  ['which', 'year'],
  ['what', 'month'],
  ['which', 'day'],
  ['on', 'what', 'date'],
  ['in', 'what', 'year'],
  ['in', 'which', 'year'],
  ['how', 'long', 'ago'],
];
/** Opening words that ask for a person or organisation. */
const WHO_OPENERS = [
  ['who'],
  ['whom'],
  ['whose'],
  ['who’s'],
  ["who's"],
  ['which', 'person'],
  ['which', 'organisation'],
  ['which', 'organization'],
  ['which', 'group'],
  ['which', 'official'],
  ['name', 'the'],
];
const QUOTE_OPENERS = [['quote'], ['quotes']];
/** Verbs of saying: "what did X say about Y", "how did X describe Y". */
const SAYING = new Set(['say', 'said', 'says', 'saying', 'tell', 'told', 'claim', 'claimed', 'describe', 'described', 'comment', 'commented', 'remark', 'remarked']);
const ASKING_WHAT = new Set(['what', 'how']);

const words = (text: string): string[] => text.toLowerCase().split(/\s+/).filter(Boolean);
const opens = (ws: string[], openers: string[][]): string[] | undefined => openers.find((o) => o.every((w, i) => ws[i] === w));

/** Drops the first n words and a closing question mark. */
const after = (text: string, n: number): string =>
  text
    .split(/\s+/)
    .slice(n)
    .join(' ')
    .replace(/\s*\?+$/, '')
    .trim();

/**
 * Routes a question by its form: "who …" to /who, "when …"/"what date …" to /when, "quote …" and
 * "what did X say about Y" to /quote, anything else to /search.
 */
export function routeQuestion(question: string): Routed {
  const text = checkQuery(question);
  const ws = words(text.replace(/[?!.,;:]+/g, ' '));
  const quote = opens(ws, QUOTE_OPENERS);
  if (quote) return { command: 'quote', query: orWhole(after(text, quote.length), text) };
  if (ASKING_WHAT.has(ws[0]) && ws.slice(1).some((w) => SAYING.has(w))) return { command: 'quote', query: stripMark(text) };
  const who = opens(ws, WHO_OPENERS);
  if (who) return { command: 'who', query: orWhole(after(text, who.length), text) };
  const when = opens(ws, WHEN_OPENERS);
  if (when) return { command: 'when', query: orWhole(after(text, when.length), text) };
  return { command: 'search', query: stripMark(text) };
}

const stripMark = (text: string): string => text.replace(/\s*\?+$/, '').trim() || text;
/** "who?" alone leaves nothing to ask: the whole question is the query then. */
const orWhole = (rest: string, text: string): string => rest || stripMark(text);

/** Routes a question and answers it as the command it was routed to would. */
export function ask(index: SearchIndex, question: string, options: AnswerOptions = {}): Routed & { answers: Answer[] } {
  const routed = routeQuestion(question);
  return { ...routed, answers: answer(index, routed.command, routed.query, options) };
}
