import type { Hit } from './retrieve/retrieve.ts';

/** An answer found in one sentence, before merging and citation. */
export interface Candidate {
  answer: string;
  speaker?: string;
  /** How sure attribution is of `speaker`, 0..1 (a /quote candidate with a speaker). */
  speakerConfidence?: number;
  date?: string;
  /** Substring of the cited text that supports the answer. */
  evidence: string;
  /** Cited text when it is not the hit's own sentence (a quote spanning sentences). */
  sentence?: string;
  hit: Hit;
  score: number;
}
