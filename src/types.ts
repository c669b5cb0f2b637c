// The plain-data contracts shared by the engine and every shell (REPL, batch, bot).

/** Commands the engine answers; the bot adds presentation-only ones (/sources, /help). */
export const COMMANDS = ['who', 'when', 'quote', 'search', 'timeline'] as const;
export type CommandName = (typeof COMMANDS)[number];

/** Every command a user can type in any shell, in the order help lists them: /ask first, it is the one a new user tries. */
export const ALL_COMMANDS = ['ask', ...COMMANDS, 'sources', 'help'] as const;

/** One article as read from the corpus folder, before NLP. */
export interface Article {
  /** File name relative to the corpus folder, e.g. `000_becc.txt`. */
  file: string;
  title?: string;
  /** ISO `YYYY-MM-DD` publication date, when the file gives one. */
  date?: string;
  /** Dateline place (`ISLAMABAD:`), stripped from the text. */
  place?: string;
  /** The original article's http(s) address: its ` url` header, else the corpus's MANIFEST.tsv. */
  url?: string;
  /** Body paragraphs, chrome and headers removed. */
  paragraphs: string[];
}

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface Citation {
  file: string;
  title?: string;
  date?: string;
  sentence: string;
  /** The original article's http(s) address, from the corpus's MANIFEST.tsv or the article's ` url` header. */
  url?: string;
}

export interface Answer {
  /** The extracted phrase (who/when), quotation (quote) or sentence (search). */
  answer: string;
  speaker?: string;
  /** ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  date?: string;
  /** /timeline: whether `date` was read in the sentence itself or is the article's date standing in. */
  date_from?: 'text' | 'article';
  /** The part of `source.sentence` that supports the answer (always a substring of it). */
  evidence: string;
  source: Citation;
  score: number;
  /** Other articles that support the same answer. */
  also?: { file: string; title?: string; sentence: string }[];
}

export interface AskResult {
  ask: string;
  command: CommandName;
  answers: Answer[];
  /** With no answers, what the user is told beyond "no answer": "X: mentioned in 2 articles, not described." */
  note?: string;
}

export interface AskError {
  ask: string;
  error: string;
}

export interface AnswerOptions {
  /** How many answers at most (default 3). */
  limit?: number;
  /** Restrict to one article (file name). */
  source?: string;
  /** Only articles dated on or after the start of this `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  after?: string;
  /** Only articles dated before the start of this `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  before?: string;
}
