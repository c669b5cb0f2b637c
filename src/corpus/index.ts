// Corpus ingestion: a folder of .txt news articles → Article records.
export { parseArticle } from './parse.ts';
export { readCorpus } from './read.ts';
export type { ReadCorpusOptions, CorpusResult } from './read.ts';
export { parseDateBanner, parseDateHeader } from './header.ts';
export { decodeBytes } from './decode.ts';
export type { Decoded } from './decode.ts';
export { httpUrl, isManifest, MANIFEST, parseUrlHeader, readManifest, type ManifestEntry } from './url.ts';
