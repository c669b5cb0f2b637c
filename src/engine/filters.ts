// Date filters: `after`/`before` as slash-command options, or `after:…`/`before:…` tokens in a typed query.
import type { AnswerOptions } from '../types.ts';
import { QueryError } from './errors.ts';

export interface DateFilter {
  /** Articles dated on or after the start of this period. */
  after?: string;
  /** Articles dated before the start of this period. */
  before?: string;
}

const DATE_FORM = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A filter date, checked: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, a real calendar day or month; the error names the value. */
export function checkDate(value: string, name: 'after' | 'before'): string {
  const given = value.trim();
  const m = DATE_FORM.exec(given);
  const bad = (): never => {
    throw new QueryError(`${name}: ${JSON.stringify(given.slice(0, 40))} is not a date: use YYYY-MM-DD, YYYY-MM or YYYY, e.g. ${name}:2024-06-01.`);
  };
  if (!m) return bad();
  const [, y, mo, d] = m;
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) return bad();
  if (d !== undefined) {
    const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    if (day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d)) return bad();
  }
  return given;
}

/** Both ends checked, and an empty window refused rather than answered with nothing. */
export function checkFilter(filter: DateFilter): DateFilter {
  const out: DateFilter = {};
  if (filter.after !== undefined) out.after = checkDate(filter.after, 'after');
  if (filter.before !== undefined) out.before = checkDate(filter.before, 'before');
  if (out.after && out.before && out.before <= out.after) {
    throw new QueryError(`No date is both after:${out.after} and before:${out.before}: the "before" date must come later.`);
  }
  return out;
}

const FILTER_TOKEN = /(?:^|\s)(after|before):(\S*)/gi;

/** Takes `after:…` and `before:…` out of a typed query (the last of each wins). */
export function takeFilters(query: string): { query: string } & DateFilter {
  const filter: DateFilter = {};
  const rest = query.replace(FILTER_TOKEN, (_all, name: string, value: string) => {
    filter[name.toLowerCase() as 'after' | 'before'] = value;
    return ' ';
  });
  return { query: rest.replace(/\s+/g, ' ').trim(), ...checkFilter(filter) };
}

/**
 * Whether an article date passes the filter. ISO strings compare as periods by prefix: "2024-06-15"
 * is on or after "2024-06" and not before it. An undated article passes no filter.
 */
export function inWindow(date: string | undefined, filter: DateFilter): boolean {
  if (!filter.after && !filter.before) return true;
  if (!date) return false;
  if (filter.after && date < filter.after) return false;
  if (filter.before && date.slice(0, filter.before.length) >= filter.before) return false;
  return true;
}

export const filterOf = (options: AnswerOptions): DateFilter => ({
  ...(options.after ? { after: options.after } : {}),
  ...(options.before ? { before: options.before } : {}),
});
