import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/index.ts';

const article = (...body: string[]): string => ` date 2020-01-01\nHeadline of the story\n\n${body.join('\n')}\n`;

describe('short lead-in lines', () => {
  it('keeps "X tweeted on Monday:" when a quotation follows, so the quote keeps its speaker', () => {
    const a = parseArticle(
      'a.txt',
      article('The mayor spoke at the event on Friday evening.', 'Ostrander tweeted on Monday:', '"We will not stop until the job is done," it read.'),
    );
    expect(a.paragraphs).toEqual(['The mayor spoke at the event on Friday evening.', 'Ostrander tweeted on Monday:', '"We will not stop until the job is done," it read.']);
  });

  it('drops the same shape when prose, not a quotation, follows (a label)', () => {
    const a = parseArticle('a.txt', article('The mayor spoke at the event on Friday evening.', 'Read the full list here:', 'The council will meet again next week to decide.'));
    expect(a.paragraphs).not.toContain('Read the full list here:');
  });
});
