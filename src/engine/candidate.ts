import type { Hit } from './retrieve/retrieve.ts';

/** An answer found in one sentence, before merging and citation. */
export interface Candidate {
  answer: string;
  speaker?: string;
  date?: string;
  /** Substring of the cited text that supports the answer. */
  evidence: string;
  /** Cited text when it is not the hit's own sentence (a quote spanning sentences). */
  sentence?: string;
  hit: Hit;
  score: number;
}
