// What "Ask newsdesk" asks about a message: its words without Discord markup, cut to a query's length,
// and whether they form a question (then /ask routes them) or not (then they are searched for).
import { MAX_QUERY_LENGTH } from '../engine/index.ts';
import { truncate } from './render.ts';

/** Words that open a question in English, besides a closing "?". */
const QUESTION_OPENERS = new Set([
  'who',
  'whom',
  'whose',
  'what',
  'when',
  'where',
  'which',
  'why',
  'how',
  'is',
  'are',
  'was',
  'were',
  'do',
  'does',
  'did',
  'has',
  'have',
  'had',
  'can',
  'could',
  'will',
  'would',
  'should',
  'shall',
  'may',
  'might',
]);

export interface MessageQuery {
  /** The text to ask, at most MAX_QUERY_LENGTH characters; empty when the message has no words. */
  text: string;
  question: boolean;
}

/** Mentions, channel links, custom emoji, URLs and markdown marks carry no words to look for. */
function plain(content: string): string {
  return content
    .replace(/<(?:@[!&]?|#)\d+>/g, ' ')
    .replace(/@(?:everyone|here)\b/g, ' ')
    .replace(/<a?:(\w+):\d+>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/^>+\s?/gm, '')
    .replace(/[*_~`|]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The message's question or words, from its content or, when that is empty, its first embed. */
export function messageQuery(message: { content: string; embeds?: readonly { title?: string | null; description?: string | null }[] }): MessageQuery {
  const embed = message.embeds?.[0];
  const text = plain(message.content) || plain([embed?.title, embed?.description].filter(Boolean).join('. '));
  // A long message that asks something: its first question is what it asks.
  const firstQuestion = text.length > MAX_QUERY_LENGTH ? /[^.!?]*\?/.exec(text)?.[0].trim() : undefined;
  const chosen = firstQuestion && firstQuestion.length <= MAX_QUERY_LENGTH ? firstQuestion : text;
  const first = (chosen.split(' ')[0] ?? '')
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/[^a-z]/g, '');
  return {
    text: chosen.length > MAX_QUERY_LENGTH ? truncate(chosen, MAX_QUERY_LENGTH).replace(/…$/, '') : chosen,
    question: chosen.endsWith('?') || QUESTION_OPENERS.has(first),
  };
}
