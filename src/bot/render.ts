// Turning engine answers into Discord messages that always fit Discord's limits.
import { escapeMarkdown, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { Answer, CommandName } from '../types.ts';
import { confidenceWord } from '../engine/index.ts';

/** Discord's message limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  total: 6000,
  /** Autocomplete choice name and string value. */
  choice: 100,
  choices: 25,
  customId: 100,
  buttonLabel: 80,
} as const;

/** No mention in any reply ever pings anyone (corpus text may contain `@everyone` or `<@id>`). */
export const NO_MENTIONS = { parse: [] as never[] };

/**
 * Markdown in corpus text is shown literally; headings, lists and masked links too. discord.js escapes
 * only the first of several masked links on a line (its pattern is greedy), so every `[` still
 * unescaped is escaped here as well; an escaped `[` looks the same in Discord.
 */
export const md = (text: string): string => escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true }).replace(/(?<!\\)\[/g, '\\[');

/**
 * Shortens `text` to at most `max` characters, cutting on a word boundary and ending with "…";
 * closes a `**` left open by the cut.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return max === 1 ? '…' : '';
  let budget = max - 1;
  let cut = text.slice(0, budget);
  const boldOpen = () => (cut.match(/(?<!\\)\*\*/g) ?? []).length % 2 === 1;
  for (;;) {
    const space = cut.search(/\s\S*$/);
    if (space > budget * 0.6) cut = cut.slice(0, space);
    // Never leave half a surrogate pair or a dangling escape backslash.
    if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
    cut = cut.replace(/[\s\\]+$/, '');
    cut = cut.replace(/(?<!\\)\*+$/, (m) => (m.length >= 2 ? '' : m));
    if (!boldOpen()) return `${cut}…`;
    if (cut.length + 3 <= max) return `${cut}**…`;
    budget -= 3;
    cut = cut.slice(0, budget);
  }
}

/**
 * At most `max` characters of raw corpus text, keeping `part` in view: a window around it, "…" marking
 * what was cut. Applied before escaping (escapeMarkdown is slow on very long text, and escaping at most
 * doubles the length).
 */
export function clip(text: string, max: number, part?: string): string {
  if (text.length <= max) return text;
  const at = part ? text.indexOf(part) : -1;
  if (at < 0 || at + part!.length <= max - 1) return truncate(text, max);
  const start = Math.max(0, Math.min(at - Math.floor((max - part!.length) / 2), text.length - max + 1));
  const tail = text.slice(start);
  const from = tail.search(/\s/) + 1;
  return `…${truncate(from > 0 && from < 40 ? tail.slice(from) : tail, max - 1)}`;
}

/** Raw text longer than this is clipped before escaping (the description limit is 4096). */
const RAW_MAX = 1800;

/** `sentence` with `part` (when found in it) in bold, everything markdown-escaped. */
export function highlight(sentence: string, ...parts: (string | undefined)[]): string {
  if (sentence.length > RAW_MAX) {
    const part = parts.find((p) => p?.trim() && sentence.includes(p.trim()))?.trim();
    sentence = clip(sentence, RAW_MAX, part && part.length < RAW_MAX / 2 ? part : undefined);
  }
  for (const part of parts) {
    const p = part?.trim();
    if (!p) continue;
    let at = sentence.indexOf(p);
    if (at < 0) at = sentence.toLowerCase().indexOf(p.toLowerCase());
    if (at < 0) continue;
    const end = at + p.length;
    return `${md(sentence.slice(0, at))}**${md(sentence.slice(at, end))}**${md(sentence.slice(end))}`;
  }
  return md(sentence);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2024-06-26` → `26 June 2024`, `2024-06` → `June 2024`, `2024` → `2024`. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const month = mo ? MONTHS[Number(mo) - 1] : undefined;
  if (!month) return y;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** `headline · date` under every answer (the file name when the article has no headline). */
export function citation(c: { file: string; title?: string; date?: string }): string {
  return [c.title ?? c.file, c.date].filter(Boolean).join(' · ');
}

const COLORS: Record<CommandName, number> = { who: 0x5865f2, when: 0xfee75c, quote: 0xeb459e, search: 0x57f287, timeline: 0xed4245 };

/** One embed for one answer: the answer as title, its sentence with the answer in bold, the citation as footer. */
export function answerEmbed(command: CommandName, a: Answer): APIEmbed {
  const fields: APIEmbedField[] = [];
  let title: string;
  let description: string;
  if (command === 'search') {
    title = md(clip(a.source.title ?? a.source.file, 300));
    description = highlight(a.source.sentence);
  } else {
    title = md(clip(command === 'quote' ? `“${a.answer}”` : a.answer, 300));
    description = highlight(a.source.sentence, a.answer, a.evidence);
  }
  // A quotation attribution could not name a speaker for is shown as such, never with a guess.
  if (command === 'quote') fields.push({ name: 'Speaker', value: a.speaker ? md(clip(a.speaker, 500)) : '*speaker not named*', inline: true });
  if (a.date) {
    const human = formatDate(a.date);
    fields.push({ name: 'Date', value: human === a.date ? human : `${human} (${a.date})`, inline: true });
  }
  const word = confidenceWord(command, a.score);
  if (word) fields.push({ name: 'Confidence', value: `${word} (${Math.round(a.score * 100)} %)`, inline: true });
  if (a.also?.length) {
    const n = a.also.length;
    const lines = a.also.slice(0, 20).map((x) => `• ${md(clip(x.title ?? x.file, 150))} — \`${clip(x.file, 150).replace(/`/g, "'")}\``);
    if (n > 20) lines.push(`…and ${n - 20} more`);
    fields.push({ name: `Also in ${n} other article${n === 1 ? '' : 's'}`, value: lines.join('\n') });
  }
  // The title links to the original article when the corpus gives its address (http(s) only, checked when read).
  return fitEmbed({ title, ...(a.source.url ? { url: a.source.url } : {}), description, fields, footer: { text: citation(a.source) }, color: COLORS[command] });
}

/** Truncates every part of an embed to Discord's per-field limits. */
export function fitEmbed(e: APIEmbed): APIEmbed {
  const out: APIEmbed = { ...e };
  if (out.title) out.title = truncate(out.title, LIMITS.title);
  if (out.description) out.description = truncate(out.description, LIMITS.description);
  if (out.footer) out.footer = { ...out.footer, text: truncate(out.footer.text, LIMITS.footer) };
  if (out.author) out.author = { ...out.author, name: truncate(out.author.name, LIMITS.author) };
  if (out.fields) {
    out.fields = out.fields.slice(0, LIMITS.fields).map((f) => ({
      ...f,
      name: truncate(f.name, LIMITS.fieldName) || '\u200b',
      value: truncateLines(f.value, LIMITS.fieldValue) || '\u200b',
    }));
  }
  return out;
}

/** Like truncate, but drops whole lines first (for lists), noting how many were left out. */
function truncateLines(text: string, max: number): string {
  if (text.length <= max) return text;
  const lines = text.split('\n');
  if (lines.length === 1) return truncate(text, max);
  for (let keep = lines.length - 1; keep >= 1; keep--) {
    const s = `${lines.slice(0, keep).join('\n')}\n…and ${lines.length - keep} more`;
    if (s.length <= max) return s;
  }
  return truncate(lines[0], max);
}

export const embedLength = (e: APIEmbed): number =>
  (e.title?.length ?? 0) +
  (e.description?.length ?? 0) +
  (e.footer?.text.length ?? 0) +
  (e.author?.name.length ?? 0) +
  (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);

/** At most 10 embeds totalling at most 6000 characters: the longest descriptions are shortened first. */
export function fitEmbeds(embeds: APIEmbed[]): APIEmbed[] {
  const out = embeds.slice(0, LIMITS.embeds).map(fitEmbed);
  let total = out.reduce((n, e) => n + embedLength(e), 0);
  while (total > LIMITS.total) {
    const over = total - LIMITS.total;
    const i = out.reduce((best, e, j) => ((e.description?.length ?? 0) > (out[best].description?.length ?? 0) ? j : best), 0);
    const d = out[i].description ?? '';
    if (d.length > 40) {
      out[i] = { ...out[i], description: truncate(d, Math.max(40, d.length - over)) };
    } else {
      // Descriptions are already short: drop fields, then whole embeds from the end.
      let withFields = out.length - 1;
      while (withFields >= 0 && !out[withFields].fields?.length) withFields--;
      if (withFields >= 0) out[withFields] = { ...out[withFields], fields: out[withFields].fields!.slice(0, -1) };
      else out.pop();
    }
    total = out.reduce((n, e) => n + embedLength(e), 0);
  }
  return out;
}

export const fitContent = (text: string): string => truncate(text, LIMITS.content);
