// What the shells open an index with: from the cache or a build, once or live (watched).
export { type LiveIndex, type LiveOptions, openLiveIndex } from './live.ts';
export { type OpenInfo, type OpenOptions, openIndex, openInfo } from './open.ts';
export { warmedUp } from './warm.ts';
export { progressBar } from './progress.ts';
