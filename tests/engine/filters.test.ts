import { beforeAll, describe, expect, it } from 'vitest';
import { answer, checkDate, parseAsk, QueryError, takeFilters, type SearchIndex } from '../../src/engine/index.ts';
import { seedIndex } from '../helpers.ts';

describe('date filter values', () => {
  it.each(['2024', '2024-06', '2024-02-29'])('accepts %s', (value) => {
    expect(checkDate(value, 'after')).toBe(value);
  });

  it.each(['2024-13', '2023-02-29', 'June', '24-06-01', '2024/06/01', ''])('refuses %j and names it', (value) => {
    expect(() => checkDate(value, 'before')).toThrow(QueryError);
    expect(() => checkDate(value, 'before')).toThrow(`before: ${JSON.stringify(value)} is not a date`);
  });

  it('takes the tokens out of a typed query', () => {
    expect(takeFilters('is the mayor after:2024-06-01 before:2024-07-01')).toEqual({ query: 'is the mayor', after: '2024-06-01', before: '2024-07-01' });
    expect(() => parseAsk('/who is the mayor after:yesterday')).toThrow(/after: "yesterday" is not a date/);
  });

  it('refuses a window with no day in it', () => {
    expect(() => takeFilters('x after:2024-07 before:2024-06-30')).toThrow(/before.*must come later/);
  });
});

describe('date filters over the seed articles', () => {
  let index: SearchIndex;
  beforeAll(async () => {
    index = await seedIndex();
  });
  const dates = (opts: { after?: string; before?: string }): string[] =>
    answer(index, 'search', 'Azm-e-Istehkam operation', { limit: 15, ...opts }).map((a) => a.source.date ?? 'undated');

  it('keeps only articles dated before the start of `before`', () => {
    const all = dates({});
    const before = dates({ before: '2024-06-28' });
    expect(all.some((d) => d >= '2024-06-28')).toBe(true);
    expect(before.length).toBeGreaterThan(0);
    for (const d of before) expect(d < '2024-06-28').toBe(true);
  });

  it('keeps only articles dated on or after `after`, and month or year periods work the same way', () => {
    const after = dates({ after: '2024-06-28' });
    expect(after.length).toBeGreaterThan(0);
    for (const d of after) expect(d >= '2024-06-28').toBe(true);
    for (const d of dates({ after: '2024-07' })) expect(d >= '2024-07').toBe(true);
    expect(dates({ before: '2024' })).toEqual([]);
  });

  it('applies to every command, /timeline included', () => {
    const whos = answer(index, 'who', 'is the State Department spokesperson', { after: '2024-06-28' });
    for (const a of whos) expect(a.source.date! >= '2024-06-28').toBe(true);
    const entries = answer(index, 'timeline', 'Azm-e-Istehkam', { before: '2024-06-28' });
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(e.source.date! < '2024-06-28').toBe(true);
  });

  it('names a bad option value too', () => {
    expect(() => answer(index, 'when', 'was it approved', { after: '2024-6-1' })).toThrow(/after: "2024-6-1" is not a date/);
  });
});
