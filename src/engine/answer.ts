import type { Answer, AnswerOptions, CommandName } from '../types.ts';
import { citationOf } from './citation.ts';
import type { SearchIndex } from '../index/index.ts';
import { planQuery, type QueryPlan } from './query.ts';
import { retrieve, type Hit } from './retrieve/retrieve.ts';
import { whoCandidates } from './who/who.ts';
import { whenCandidates } from './when/when.ts';
import { quoteCandidates } from './quote/quote.ts';
import type { Candidate } from './candidate.ts';
import { checkQuery } from './parse-ask.ts';
import { fold } from '../nlp/terms.ts';
import { checkFilter, filterOf, inWindow, type DateFilter } from './filters.ts';
import { TIMELINE_MAX, timelineAnswers } from './timeline.ts';
import { namedSubjects, whoIsCandidates, whoIsNote } from './who/who-is.ts';
import { verify } from './verify/index.ts';
import { CLOSE, THRESHOLD } from './verify/confidence.ts';

/** How much an answer found only through the question's synonyms keeps of its score. */
export const SYNONYM_CONFIDENCE = 0.7;

/** Below this share of the question found in the text, the corpus is taken not to answer it. */
export const MIN_COVERAGE = 0.5;

const searchCandidates = (hits: Hit[]): Candidate[] => hits.map((hit) => ({ answer: hit.sentence.text, evidence: hit.sentence.text, hit, score: hit.score }));

const EXTRACTORS: Record<Exclude<CommandName, 'timeline'>, (index: SearchIndex, plan: ReturnType<typeof planQuery>, hits: Hit[]) => Candidate[]> = {
  who: whoCandidates,
  when: whenCandidates,
  quote: quoteCandidates,
  search: (_index, _plan, hits) => searchCandidates(hits),
};

/**
 * /quote ranks the quotations of the hits' articles by their own coverage, not by hit order: more
 * articles give it more to choose from, at a cost per hit that bounds how many it gets.
 */
const HITS: Partial<Record<CommandName, number>> = { quote: 25, timeline: 4 * TIMELINE_MAX };

/** Answers one command over the index: plain data, best first, `[]` when the corpus has no answer. */
export function answer(index: SearchIndex, command: CommandName, query: string, options: AnswerOptions = {}): Answer[] {
  const answers = answerStage(index, command, query, options, 'own');
  return answers.length ? answers : answerStage(index, command, query, options, 'synonyms');
}

/**
 * One stage of answer(): the question's own words, or its synonyms, which answer() tries only when
 * the own words find nothing (`[]` when the question has none). An index holding one stage's
 * articles at a time (PostgreSQL's slices) runs the stages one by one, with the articles of each,
 * and hands over the stage's plan it found them with (the same corpus-wide tables make the same plan).
 */
export function answerStage(index: SearchIndex, command: CommandName, query: string, options: AnswerOptions, stage: 'own' | 'synonyms', planned?: QueryPlan): Answer[] {
  const clean = checkQuery(query);
  const within = checkFilter(filterOf(options));
  const limit = options.limit ?? 3;
  // "who is Ana Ferreira" asks who that is: answered by what the corpus says of her, never by someone else.
  const subjects = command === 'who' ? namedSubjects(index, clean) : undefined;
  if (subjects) return stage === 'own' ? credible(merge(index, whoIsCandidates(index, subjects, articleFilter(index, options)), true)).slice(0, limit) : [];
  const run = (plan: QueryPlan, confidence: number): Answer[] => {
    const hits = hitsFor(index, command, plan, options.source, within);
    if (command === 'timeline') return timelineAnswers(index, hits, options.limit ?? TIMELINE_MAX);
    const candidates = EXTRACTORS[command](index, plan, hits);
    const scaled = (list: Answer[]): Answer[] => (confidence === 1 ? list : list.map((a) => ({ ...a, score: Math.round(a.score * confidence * 1000) / 1000 })));
    if (command !== 'who' && command !== 'when') return scaled(merge(index, candidates, true)).slice(0, limit);
    const answers = scaled(merge(index, verify(index, command, plan, candidates), false));
    // One threshold, from the calibration curve: below it the corpus is taken not to answer.
    if (!answers.length || answers[0].score < THRESHOLD) return [];
    return credible(answers).slice(0, limit);
  };
  if (stage === 'own') return run(planned ?? planQuery(index, clean), 1);
  // Tried first, synonyms ("begin" → start) would bring in articles that merely share a sense. Such an answer is less sure.
  const wider = planned ?? planQuery(index, clean, { synonyms: true });
  return wider.widened ? run(wider, SYNONYM_CONFIDENCE) : [];
}

/** The hits a command reads its answers from: the sentences that cover enough of the question. */
function hitsFor(index: SearchIndex, command: CommandName, plan: QueryPlan, source: string | undefined, within: DateFilter): Hit[] {
  return retrieve(index, plan, { source, within, minCoverage: MIN_COVERAGE, limit: HITS[command], phrase: command === 'quote' }).filter((h) => h.coverage >= MIN_COVERAGE);
}

/** The extractor's candidates of one /who or /when plan, before verification (for the calibration harness). */
export function extractedFor(index: SearchIndex, command: 'who' | 'when', plan: QueryPlan, options: AnswerOptions = {}): Candidate[] {
  return EXTRACTORS[command](index, plan, hitsFor(index, command, plan, options.source, checkFilter(filterOf(options))));
}

/** The first answer, and the others only when they are above the threshold and close to it. */
function credible(answers: Answer[]): Answer[] {
  const first = answers[0]?.score ?? 0;
  return answers.filter((a, i) => i === 0 || (a.score >= THRESHOLD && a.score >= CLOSE * first));
}

/**
 * Why a command has no answer, in words for the user, when there is more to say than "no answer":
 * "/who is X" when the corpus names X but never says who X is.
 */
export function noAnswerNote(index: SearchIndex, command: CommandName, query: string, options: AnswerOptions = {}): string | undefined {
  const subjects = command === 'who' ? namedSubjects(index, checkQuery(query)) : undefined;
  return subjects ? whoIsNote(index, subjects, articleFilter(index, options)) : undefined;
}

/** The articles a command may answer from: its source and date window. */
function articleFilter(index: SearchIndex, options: AnswerOptions): (d: number) => boolean {
  const within = checkFilter(filterOf(options));
  return (d) => (options.source === undefined || index.docs[d].file === options.source) && inWindow(index.docs[d].date, within);
}

/**
 * One answer per distinct phrase; other articles saying the same become `also`. For /quote and
 * /search they raise the score (`support`); a verified answer's score is already its confidence.
 */
function merge(index: SearchIndex, candidates: Candidate[], support: boolean): Answer[] {
  const groups = new Map<string, Candidate[]>();
  for (const c of [...candidates].sort((a, b) => b.score - a.score || a.hit.id - b.hit.id)) {
    const key = `${fold(c.date ?? c.answer)}|${fold(c.speaker ?? '')}`;
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  const answers: Answer[] = [];
  for (const list of groups.values()) {
    const best = list[0];
    const otherDocs = new Map<number, Candidate>();
    for (const c of list.slice(1)) {
      const d = c.hit.sentence.doc;
      if (d !== best.hit.sentence.doc && !otherDocs.has(d)) otherDocs.set(d, c);
    }
    const also = [...otherDocs.entries()].map(([d, c]) => ({
      file: index.docs[d].file,
      title: index.docs[d].title,
      sentence: c.sentence ?? c.hit.sentence.text,
    }));
    answers.push({
      answer: best.answer,
      ...(best.speaker ? { speaker: best.speaker } : {}),
      ...(best.date ? { date: best.date } : {}),
      evidence: best.evidence,
      source: citationOf(index, best.hit.sentence.doc, best.sentence ?? best.hit.sentence.text),
      score: Math.round(Math.min(1, best.score * (support ? 1 + 0.1 * Math.min(also.length, 5) : 1)) * 1000) / 1000,
      ...(also.length ? { also } : {}),
    });
  }
  return answers.sort((a, b) => b.score - a.score);
}
