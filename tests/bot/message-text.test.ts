// What "Ask newsdesk" takes from a message: its words without Discord markup, and whether they ask.
import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH } from '../../src/engine/index.ts';
import { messageQuery } from '../../src/bot/message-text.ts';

describe('messageQuery', () => {
  it.each([
    ['Who is the State Department spokesperson?', true],
    ['when did the operation start', true],
    ["What's the plan for Balochistan", true],
    ['Did the committee approve it', true],
    ['The operation was approved', false],
    ['Interesting read about the dialogue!', false],
    ['The talks resume on Monday?', true],
  ])('%s → question: %s', (content, question) => {
    expect(messageQuery({ content })).toEqual({ text: content, question });
  });

  it('drops mentions, channel links, custom emoji, URLs, quote marks and markdown', () => {
    const q = messageQuery({ content: '> @here <@!123456789012345678> in <#123456789012345678> <a:wave:123456789012345678> **who** is the _spokesperson_? https://x.example/a' });
    expect(q).toEqual({ text: 'in who is the spokesperson?', question: true });
  });

  it('falls back to the first embed when the message has no text, and is empty when there are no words', () => {
    expect(messageQuery({ content: '', embeds: [{ title: 'Dialogue', description: 'Pakistan and the US met' }] }).text).toBe('Dialogue. Pakistan and the US met');
    expect(messageQuery({ content: 'https://example.com/only-a-link <:e:123456789012345678>' }).text).toBe('');
  });

  it('keeps a long message within the query limit, taking its first question when it has one', () => {
    const filler = 'The talks went on for hours and covered trade, security and the border. '.repeat(8);
    const asked = messageQuery({ content: `${filler}Who chaired the meeting? ${filler}` });
    expect(asked).toEqual({ text: expect.stringMatching(/Who chaired the meeting\?$/), question: true });
    expect(asked.text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    const plain = messageQuery({ content: filler + filler });
    expect(plain.question).toBe(false);
    expect(plain.text.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(filler.startsWith(plain.text.slice(0, 60))).toBe(true);
  });
});
