import { beforeAll, describe, expect, it } from 'vitest';
import { ask, parseAsk, routeQuestion, type SearchIndex } from '../../src/engine/index.ts';
import { seedIndex } from '../helpers.ts';

describe('routeQuestion', () => {
  it.each([
    ['who is the State Department spokesperson', 'who', 'is the State Department spokesperson'],
    ['Whose army launched the operation?', 'who', 'army launched the operation'],
    ['which organisation claimed the attack', 'who', 'claimed the attack'],
    ['when did the committee approve the plan?', 'when', 'did the committee approve the plan'],
    ['What year was the bridge opened', 'when', 'was the bridge opened'],
    ['on what date will the talks start', 'when', 'will the talks start'],
    ['what did the mayor say about the budget?', 'quote', 'what did the mayor say about the budget'],
    ['How did the minister describe the floods', 'quote', 'How did the minister describe the floods'],
    ['quote the governor on taxes', 'quote', 'the governor on taxes'],
    ['counter-terrorism operation in the north', 'search', 'counter-terrorism operation in the north'],
    ['what is the budget deficit?', 'search', 'what is the budget deficit'],
  ])('routes %j to /%s', (question, command, query) => {
    expect(routeQuestion(question)).toEqual({ command, query });
  });

  it('keeps the whole question when the opening word is all there is', () => {
    expect(routeQuestion('who?')).toEqual({ command: 'who', query: 'who' });
  });

  it('is what /ask means in a typed line, with its date filters kept apart', () => {
    expect(parseAsk('/ask when was the dam opened after:2023 before:2024-02')).toEqual({ command: 'when', query: 'was the dam opened', after: '2023', before: '2024-02' });
  });
});

describe('ask over the seed articles', () => {
  let index: SearchIndex;
  beforeAll(async () => {
    index = await seedIndex();
  });

  it('answers a who-question as /who would', () => {
    const result = ask(index, 'who is the State Department spokesperson');
    expect(result.command).toBe('who');
    expect(result.answers[0].answer).toBe('Matthew Miller');
  });

  it('answers a when-question with the resolved date', () => {
    const result = ask(index, 'when did the Federal Apex Committee approve the Balochistan operation');
    expect(result.command).toBe('when');
    expect(result.answers[0].date).toBe('2024-11-19');
  });

  it('answers "what did X say about Y" with a quote by X', () => {
    const result = ask(index, 'what did Matthew Miller say about terrorism');
    expect(result.command).toBe('quote');
    expect(result.answers[0].speaker).toBe('Matthew Miller');
    expect(result.answers[0].source.sentence).toContain(result.answers[0].evidence);
  });

  it('searches when the question has no form it knows', () => {
    const result = ask(index, 'Azm-e-Istehkam');
    expect(result.command).toBe('search');
    expect(result.answers.length).toBeGreaterThan(0);
    for (const a of result.answers) expect(a.answer).toBe(a.source.sentence);
  });
});
