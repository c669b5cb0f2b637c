import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolveDate, type Tense } from '../../../src/engine/when/dates.ts';
import { clausesOf, findDateSpans } from '../../../src/engine/when/date-spans.ts';
import { tenseAt } from '../../../src/engine/when/tense.ts';
import { analyseParagraph } from '../../../src/nlp/analyse.ts';
import { textOf } from '../../../src/engine/names/names.ts';

const ISO = /^\d{4}(-\d{2}(-\d{2})?)?$/;
// 2024-04-30 is a Tuesday.
const TUE = '2024-04-30';

describe('resolveDate: weekdays against the article date', () => {
  it('puts a past weekday before publication and a future one after it', () => {
    expect(resolveDate('Saturday', TUE, 'past').iso).toBe('2024-04-27');
    expect(resolveDate('on Monday', TUE, 'past').iso).toBe('2024-04-29');
    expect(resolveDate('Monday', TUE, 'future').iso).toBe('2024-05-06');
    expect(resolveDate('Friday', TUE, 'future').iso).toBe('2024-05-03');
  });

  it('reads the publication weekday as the day itself, unless "last" or "next" says otherwise', () => {
    expect(resolveDate('Tuesday', TUE, 'past').iso).toBe(TUE);
    expect(resolveDate('Tuesday', TUE, 'future').iso).toBe(TUE);
    expect(resolveDate('last Tuesday', TUE, 'past').iso).toBe('2024-04-23');
    expect(resolveDate('next Tuesday', TUE, 'past').iso).toBe('2024-05-07');
    // The phrase's own word beats the clause's tense.
    expect(resolveDate('last Friday', TUE, 'future').iso).toBe('2024-04-26');
    expect(resolveDate('next Monday', TUE, 'past').iso).toBe('2024-05-06');
  });

  it('keeps a weekday with no article date as a phrase, with no invented date', () => {
    const r = resolveDate('Saturday', undefined, 'past');
    expect(r.iso).toBeUndefined();
    expect(r.precision).toBeLessThan(0.5);
  });
});

describe('resolveDate: absolute dates', () => {
  it('reads month-day, day-month and full dates', () => {
    expect(resolveDate('June 22, 2024').iso).toBe('2024-06-22');
    expect(resolveDate('22 June 2024').iso).toBe('2024-06-22');
    expect(resolveDate('the 22nd of June', '2024-06-29').iso).toBe('2024-06-22');
    expect(resolveDate('Sept. 5', '2024-09-20').iso).toBe('2024-09-05');
    expect(resolveDate('March 2019').iso).toBe('2019-03');
    expect(resolveDate('in 1973').iso).toBe('1973');
    expect(resolveDate('1162').iso).toBe('1162');
    expect(resolveDate('mid-2019').iso).toBe('2019');
    expect(resolveDate('early 1954').iso).toBe('1954');
  });

  it('moves a month or day with no year across the year boundary by tense', () => {
    // Written in January about the past: last December.
    expect(resolveDate('December', '2024-01-10', 'past').iso).toBe('2023-12');
    expect(resolveDate('on December 28', '2024-01-03', 'past').iso).toBe('2023-12-28');
    // Written in November about the future: next March.
    expect(resolveDate('in March', '2023-11-20', 'future').iso).toBe('2024-03');
    expect(resolveDate('January 4', '2023-12-30', 'future').iso).toBe('2024-01-04');
    // Same year otherwise.
    expect(resolveDate('June 22', '2024-06-29', 'past').iso).toBe('2024-06-22');
  });

  it('gives no ISO date to an impossible day or to a month-day with no article date', () => {
    expect(resolveDate('February 30, 2024').iso).toBeUndefined();
    expect(resolveDate('June 22').iso).toBeUndefined();
    expect(resolveDate('June 22').precision).toBe(1);
  });

  it('does not take "may" the verb for May', () => {
    expect(resolveDate('talks may resume', TUE).kind).not.toBe('month');
    expect(resolveDate('in May', TUE, 'future').iso).toBe('2024-05');
    // Written on 30 April about the past, May is last year's.
    expect(resolveDate('in May', TUE, 'past').iso).toBe('2023-05');
    expect(resolveDate('in April', TUE, 'past').iso).toBe('2024-04');
  });
});

describe('resolveDate: relative dates and ranges', () => {
  it('resolves yesterday, last night, N days ago and last month', () => {
    expect(resolveDate('yesterday', TUE).iso).toBe('2024-04-29');
    expect(resolveDate('last night', TUE).iso).toBe('2024-04-29');
    expect(resolveDate('tomorrow', TUE).iso).toBe('2024-05-01');
    expect(resolveDate('two days ago', TUE).iso).toBe('2024-04-28');
    expect(resolveDate('last month', '2024-01-10').iso).toBe('2023-12');
    expect(resolveDate('last year', TUE).iso).toBe('2023');
    expect(resolveDate('three months ago', TUE).iso).toBe('2024-01');
  });

  it('gives a range the coarsest ISO form that holds all of it', () => {
    // Monday 29 to Tuesday 30 April.
    expect(resolveDate('earlier this week', TUE).iso).toBe('2024-04');
    // Wednesday 1 May: Monday 29 April to 1 May spans two months.
    expect(resolveDate('earlier this week', '2024-05-01').iso).toBe('2024');
    // The week of 22–28 April.
    expect(resolveDate('last week', TUE).iso).toBe('2024-04');
    // 30 December 2024 to 5 January 2025: no single form.
    expect(resolveDate('this week', '2025-01-01').iso).toBeUndefined();
    expect(resolveDate('June 3-5, 2019').iso).toBe('2019-06');
    expect(resolveDate('last weekend', TUE).iso).toBe('2024-04');
  });

  it('keeps year ranges as ranges, with their ends', () => {
    const r = resolveDate('1964–1965');
    expect(r).toMatchObject({ kind: 'range', from: '1964', to: '1965' });
    expect(r.iso).toBeUndefined();
    expect(resolveDate('winter of 1973–74')).toMatchObject({ kind: 'range', from: '1973', to: '1974' });
    expect(resolveDate('2011 and 2012')).toMatchObject({ kind: 'range', from: '2011', to: '2012' });
  });

  it('leaves decades, anaphors and relative phrases with no article date without an ISO date', () => {
    expect(resolveDate('the 1990s').kind).toBe('decade');
    expect(resolveDate('the 1990s').iso).toBeUndefined();
    expect(resolveDate('that year', TUE).kind).toBe('anaphor');
    expect(resolveDate('that year', TUE).iso).toBeUndefined();
    expect(resolveDate('yesterday').iso).toBeUndefined();
    expect(resolveDate('last month').iso).toBeUndefined();
    expect(resolveDate('earlier this week').iso).toBeUndefined();
  });
});

describe('resolveDate: not dates', () => {
  it('rejects durations and ages', () => {
    for (const p of ['two years', 'three months', 'a few days', '10 years', 'nine months', 'a 47-year-old', 'aged 78', 'for two weeks']) {
      const r = resolveDate(p, TUE);
      expect(r.kind, p).toBe('duration');
      expect(r.iso, p).toBeUndefined();
    }
    // …but "ago" makes a duration a date.
    expect(resolveDate('two years ago', TUE).iso).toBe('2022');
  });
});

describe('resolveDate: properties', () => {
  const anchor = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const tense = fc.constantFrom<Tense>('past', 'future');

  it('never throws, and any ISO date it gives is well formed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.option(anchor, { nil: undefined }), tense, (phrase, a, t) => {
        const r = resolveDate(phrase, a, t);
        expect(r.precision).toBeGreaterThanOrEqual(0);
        expect(r.precision).toBeLessThanOrEqual(1);
        if (r.iso !== undefined) expect(r.iso).toMatch(ISO);
      }),
    );
  });

  it('resolves every weekday within a week of the article date, on the side the tense says', () => {
    const weekday = fc.constantFrom('Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday');
    fc.assert(
      fc.property(weekday, anchor, tense, (w, a, t) => {
        const r = resolveDate(`on ${w}`, a, t);
        expect(r.iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        const days = (Date.parse(r.iso!) - Date.parse(a)) / 86_400_000;
        if (t === 'past') expect(days).toBeGreaterThanOrEqual(-6);
        if (t === 'past') expect(days).toBeLessThanOrEqual(0);
        if (t === 'future') expect(days).toBeGreaterThanOrEqual(0);
        if (t === 'future') expect(days).toBeLessThanOrEqual(6);
        expect(new Date(r.iso!).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' })).toBe(w);
      }),
    );
  });

  it('resolves composed phrases with an anchor to an ISO date', () => {
    const month = fc.constantFrom('January', 'March', 'June', 'September', 'December');
    const phrase = fc.oneof(
      fc.tuple(month, fc.integer({ min: 1, max: 28 })).map(([m, d]) => `${m} ${d}`),
      fc.tuple(fc.integer({ min: 1, max: 28 }), month, fc.integer({ min: 1000, max: 2099 })).map(([d, m, y]) => `${d} ${m} ${y}`),
      fc.integer({ min: 1, max: 30 }).map((n) => `${n} days ago`),
      fc.constantFrom('yesterday', 'last week', 'last month', 'next year', 'earlier this month', 'last night', 'tomorrow'),
    );
    fc.assert(
      fc.property(phrase, anchor, tense, (p, a, t) => {
        const r = resolveDate(p, a, t);
        if (/this week|last week/.test(p)) return;
        expect(r.iso, p).toMatch(ISO);
      }),
    );
  });
});

const sentence = (text: string) => analyseParagraph(text)[0];
const phrases = (text: string): string[] => {
  const s = sentence(text);
  return findDateSpans(s).map((sp) => textOf(s, sp.start, sp.end));
};
const tenseOfDate = (text: string, phrase: string): Tense => {
  const s = sentence(text);
  const sp = findDateSpans(s).find((x) => textOf(s, x.start, x.end) === phrase);
  if (!sp) throw new Error(`no span ${phrase} in ${JSON.stringify(phrases(text))}`);
  return tenseAt(s, sp.start, sp.end, clausesOf(s));
};

describe('date spans over the tokens', () => {
  it('finds what the tagger misses: last night, earlier this week, mid-2019, an attributive year', () => {
    expect(phrases('The talks were held last night and earlier this week.')).toEqual(['last night', 'earlier this week']);
    expect(phrases('Growth slowed in mid-2019 after a strong year.')).toContain('mid-2019');
    expect(phrases('His 1525 publication answered the critics.')).toContain('1525');
  });

  it('joins ranges into one phrase', () => {
    expect(phrases('She gave birth to a son, Jochi (1185–1226), later.')).toContain('1185–1226');
    expect(phrases('Strikes spread over the winter of 1973–74.')).toContain('winter of 1973–74');
    expect(phrases('The board met in 2011 and 2012 to review it.')).toContain('2011 and 2012');
  });

  it('leaves counts, times of day and titles alone', () => {
    expect(phrases('More than 2000 people marched through the city.')).toEqual([]);
    expect(phrases('He was arrested at 3 p.m. near the station.')).toEqual([]);
    expect(phrases('He wrote in the journal History Today about the vote.')).toEqual([]);
  });
});

describe('tense from the clause around the date', () => {
  it('reads the future from auxiliaries near the date', () => {
    expect(tenseOfDate('Pakistan and the US will start the dialogue in Washington on Monday as both sides work together.', 'Monday')).toBe('future');
    expect(tenseOfDate('The dialogue is set to start on Monday.', 'Monday')).toBe('future');
    expect(tenseOfDate('The new rules are expected to take effect on Friday.', 'Friday')).toBe('future');
  });

  it('keeps the past for a date attached to a past verb, even with a future elsewhere in the sentence', () => {
    expect(tenseOfDate('The ministry said on Monday that the talks will resume soon.', 'Monday')).toBe('past');
    expect(tenseOfDate('The committee met on Saturday and will meet again next month.', 'Saturday')).toBe('past');
    expect(tenseOfDate('The committee met on Saturday and will meet again next month.', 'next month')).toBe('future');
  });

  it('does not take a capitalised "Will" in a title for the future', () => {
    expect(tenseOfDate('He replied in his 1525 publication On the Bondage of the Will.', '1525')).toBe('past');
  });
});
