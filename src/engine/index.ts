// The engine's public API: the shells (REPL, batch, bot, bench) and src/app import only from here.
export { answer, answerStage, noAnswerNote, MIN_COVERAGE } from './answer.ts';
export { confidenceWord, RANKING, THRESHOLD, WEIGHTS } from './verify/confidence.ts';
export { parseAsk, checkQuery, MAX_QUERY_LENGTH } from './parse-ask.ts';
export { QueryError } from './errors.ts';
export { namedSubjects, subjectPlans } from './who/who-is.ts';
export { listSources, contextOf, suggest, countedNames, useCountedNames, warmVocabulary, type SourceInfo } from './browse.ts';
export type { SearchIndex } from '../index/index.ts';
export { routeQuestion, ask, type Routed } from './route.ts';
export { checkDate, checkFilter, takeFilters, type DateFilter } from './filters.ts';
export { unknownCommand, nearestCommand, type ParsedAsk } from './parse-ask.ts';
export { TIMELINE_MAX } from './timeline.ts';
export { planQuery, type QueryPlan } from './query.ts';
export { warmUpSteps } from './warm.ts';
export { traceQuestion, type Traced } from './trace.ts';
