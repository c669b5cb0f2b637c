// Links to the original articles: an article's ` url https://…` header line, or the corpus's MANIFEST.tsv.
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** The manifest's name in the corpus folder (any case). */
export const MANIFEST = 'MANIFEST.tsv';

/** `url https://…` (or `url: …`) alone on a line, as the corpus format's headers are written. */
const URL_HEADER = /^url:?\s+(\S+)$/i;

export function parseUrlHeader(line: string): string | undefined {
  return URL_HEADER.exec(line.trim())?.[1];
}

/**
 * The address when it is an absolute http(s) URL; anything else (javascript:, file:, relative paths)
 * would be a link no reader should be sent to, so it is dropped with a warning naming where it was.
 */
export function httpUrl(raw: string, where: string, onWarn?: (msg: string) => void): string | undefined {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  if (url && (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname) return url.href;
  onWarn?.(`${where}: ignored the URL ${JSON.stringify(raw.slice(0, 80))}: only http(s) links are kept`);
  return undefined;
}

export interface ManifestEntry {
  url?: string;
  title?: string;
  date?: string;
}

/** The name of the manifest file in a folder's listing, whatever its case. */
export const isManifest = (name: string): boolean => name.toLowerCase() === MANIFEST.toLowerCase();

/**
 * MANIFEST.tsv: a header row naming the columns (`file` and `source` required, `title` and `date`
 * optional, in any order), then one tab-separated row per article. No manifest: an empty map.
 */
export async function readManifest(root: string, onWarn?: (msg: string) => void): Promise<Map<string, ManifestEntry>> {
  const out = new Map<string, ManifestEntry>();
  let names: string[];
  try {
    names = await fs.readdir(root);
  } catch {
    return out;
  }
  const name = names.find(isManifest);
  if (!name) return out;
  let text: string;
  try {
    text = await fs.readFile(path.join(root, name), 'utf8');
  } catch (err) {
    onWarn?.(`${name}: unreadable (${(err as Error).message}); no article links`);
    return out;
  }
  const rows = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim());
  const columns = (rows[0] ?? '').split('\t').map((c) => c.trim().toLowerCase());
  const at = (c: string): number => columns.indexOf(c);
  if (at('file') < 0 || at('source') < 0) {
    onWarn?.(`${name}: the header row must name the columns "file" and "source" (tab-separated); no article links`);
    return out;
  }
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r].split('\t').map((c) => c.trim());
    const file = cells[at('file')];
    if (!file) continue;
    const where = `${name} line ${r + 1} (${file})`;
    const source = cells[at('source')];
    const url = source ? httpUrl(source, where, onWarn) : undefined;
    const title = at('title') >= 0 ? cells[at('title')] : undefined;
    const date = at('date') >= 0 ? cells[at('date')] : undefined;
    out.set(file.split(path.sep).join('/'), {
      ...(url ? { url } : {}),
      ...(title ? { title } : {}),
      ...(date && iso.test(date) ? { date } : {}),
    });
  }
  return out;
}
