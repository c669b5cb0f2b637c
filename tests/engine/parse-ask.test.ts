import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, parseAsk, QueryError } from '../../src/engine/index.ts';

describe('parseAsk', () => {
  it('splits a slash command from its query', () => {
    expect(parseAsk('/who is the State Department spokesperson')).toEqual({ command: 'who', query: 'is the State Department spokesperson' });
  });

  it('accepts the command without a slash and in any case', () => {
    expect(parseAsk('WHEN was it')).toEqual({ command: 'when', query: 'was it' });
  });

  it('names the unknown command and lists the known ones', () => {
    expect(() => parseAsk('/why not')).toThrow(/Unknown command "why".*\/who, \/when, \/quote/);
  });

  it('rejects an empty query with a helpful example', () => {
    expect(() => parseAsk('/quote   ')).toThrow(QueryError);
    expect(() => parseAsk('/quote')).toThrow(/empty/);
  });

  it('caps the query length and says by how much it is over', () => {
    const long = 'x'.repeat(MAX_QUERY_LENGTH + 1);
    expect(() => parseAsk(`/who ${long}`)).toThrow(new RegExp(`${MAX_QUERY_LENGTH + 1} characters.*limit is ${MAX_QUERY_LENGTH}`));
  });

  it('turns control characters into spaces', () => {
    expect(parseAsk('/who is\u0000the\tspokesperson').query).toBe('is the spokesperson');
  });
});
