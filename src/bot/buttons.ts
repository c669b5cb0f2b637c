// The one codec of button customIds: every command and bot file makes and reads them here. Everything
// a button needs is encoded in its customId (≤100 chars), so buttons keep working across restarts; only
// state too long to encode is kept in memory (and then may expire). A new kind of button is one more
// letter after the command, one more `ButtonAction` case, one more maker function.
//
//   <cmd>:p:<page>:<source>:<query>   a page of answers (source empty = every article)
//   <cmd>:c:<slot>:<n>:<file>         context of the n-th sentence of <file> (slot keeps ids unique)
//   <cmd>:p:<page>:~<key> / <cmd>:c:<slot>:~<key>   the same, state in memory under <key>
//   <cmd>:p:<page>:                   a page of a stateless list (/sources)
//   <cmd>:f:<rank>:<u|d>:<hash>       a 👍/👎 vote on the answer ranked <rank>, <hash> naming the query
import { randomBytes } from 'node:crypto';
import { ButtonBuilder, ButtonStyle, ActionRowBuilder, type APIActionRowComponent, type APIButtonComponent } from 'discord.js';
import type { SearchIndex } from '../engine/index.ts';
import { LIMITS } from './render.ts';

export interface PageState {
  query: string;
  source?: string;
  after?: string;
  before?: string;
}

export type Vote = 'up' | 'down';

export interface ContextState {
  file: string;
  /** The cited sentence (used when it cannot be found by position). */
  sentence: string;
  /** Position of the sentence within its article, when known. */
  position?: number;
}

export type ButtonAction =
  | { command: string; kind: 'page'; page: number; state?: PageState }
  | { command: string; kind: 'context'; slot: number; state?: ContextState }
  | { command: string; kind: 'feedback'; rank: number; vote: Vote; queryHash: string }
  | { command: string; kind: 'unknown' };

/** A small LRU of states too long for a customId. */
class Memo<T> {
  private readonly map = new Map<string, T>();
  constructor(private readonly cap: number) {}
  put(value: T): string {
    const key = randomBytes(6).toString('base64url');
    this.map.set(key, value);
    if (this.map.size > this.cap) this.map.delete(this.map.keys().next().value as string);
    return key;
  }
  get(key: string): T | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }
}

const pages = new Memo<PageState>(2000);
const contexts = new Memo<ContextState>(2000);

export function pageId(command: string, page: number, state: PageState): string {
  const src = state.source ?? '';
  const inline = `${command}:p:${page}:${src}:${state.query}`;
  // A date window is not in the inline form: such pages are kept in memory.
  if (inline.length <= LIMITS.customId && !src.includes(':') && !src.startsWith('~') && !state.after && !state.before) return inline;
  return `${command}:p:${page}:~${pages.put(state)}`;
}

export function contextId(command: string, slot: number, state: ContextState): string {
  const inline = `${command}:c:${slot}:${state.position}:${state.file}`;
  if (state.position !== undefined && inline.length <= LIMITS.customId) return inline;
  return `${command}:c:${slot}:~${contexts.put(state)}`;
}

/** A page of a list that needs no state but its page number (/sources). */
export const listPageId = (command: string, page: number): string => `${command}:p:${page}:`;

export const feedbackId = (command: string, rank: number, vote: Vote, queryHash: string): string => `${command}:f:${rank}:${vote === 'up' ? 'u' : 'd'}:${queryHash}`;

/** Decodes a customId; `state` is undefined when it was kept in memory and is gone (e.g. after a restart). */
export function parseButtonId(id: string): ButtonAction {
  const m = /^([\w-]+):([pcf]):(\d+):([\s\S]*)$/.exec(id);
  if (!m) return { command: id.split(':')[0], kind: 'unknown' };
  const [, command, kind, num, rest] = m;
  if (kind === 'f') {
    const f = /^([ud]):(\w+)$/.exec(rest);
    if (!f) return { command, kind: 'unknown' };
    return { command, kind: 'feedback', rank: Number(num), vote: f[1] === 'u' ? 'up' : 'down', queryHash: f[2] };
  }
  if (kind === 'p') {
    const page = Number(num);
    if (rest.startsWith('~')) return { command, kind: 'page', page, state: pages.get(rest.slice(1)) };
    if (!rest) return { command, kind: 'page', page, state: { query: '' } };
    const colon = rest.indexOf(':');
    if (colon < 0) return { command, kind: 'page', page, state: { query: '' } };
    const source = rest.slice(0, colon);
    return { command, kind: 'page', page, state: { query: rest.slice(colon + 1), ...(source ? { source } : {}) } };
  }
  const slot = Number(num);
  if (rest.startsWith('~')) return { command, kind: 'context', slot, state: contexts.get(rest.slice(1)) };
  const c = /^(\d+):([\s\S]+)$/.exec(rest);
  if (!c) return { command, kind: 'context', slot };
  return { command, kind: 'context', slot, state: { file: c[2], position: Number(c[1]), sentence: '' } };
}

/** Position of `sentence` within the article `file`, or undefined. */
export function sentencePosition(index: SearchIndex, file: string, sentence: string): number | undefined {
  const doc = index.docs.find((d) => d.file === file);
  if (!doc) return undefined;
  for (let i = 0; i < doc.count; i++) {
    const text = index.sentences[doc.first + i]?.text;
    if (text !== undefined && (text === sentence || sentence.includes(text) || text.includes(sentence))) return i;
  }
  return undefined;
}

/** The n-th sentence of `file`, or undefined when the article (or the sentence) is gone. */
export function sentenceAt(index: SearchIndex, file: string, n: number): string | undefined {
  const doc = index.docs.find((d) => d.file === file);
  if (!doc || n < 0 || n >= doc.count) return undefined;
  return index.sentences[doc.first + n]?.text;
}

export const button = (customId: string, label: string, style = ButtonStyle.Secondary, emoji?: string): ButtonBuilder => {
  const b = new ButtonBuilder().setCustomId(customId).setLabel(label.slice(0, LIMITS.buttonLabel)).setStyle(style);
  return emoji ? b.setEmoji(emoji) : b;
};

/** Buttons in rows of at most five, as API JSON. */
export function rows(buttons: ButtonBuilder[]): APIActionRowComponent<APIButtonComponent>[] {
  const out: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let i = 0; i < buttons.length && out.length < 5; i += 5) {
    out.push(new ActionRowBuilder<ButtonBuilder>().addComponents(buttons.slice(i, i + 5)).toJSON());
  }
  return out;
}

export const EXPIRED = 'This button has expired — run the command again.';
