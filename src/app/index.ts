// What the shells open an index with: from the cache or a build, once or live (watched).
export { openIndex, openInfo, openLiveIndex, type LiveIndex, type LiveOptions, type OpenInfo, type OpenOptions } from './open.ts';
export { progressBar } from './progress.ts';
