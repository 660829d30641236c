import { WITHIN_PERIODS, type WithinPeriod } from './operators.ts';
import { isDay } from './dates.ts';
import type { DateBound } from './resolved.ts';
import { describeValue } from './describe.ts';

/**
 * Operands of date operators. A date is one of:
 * - 'YYYY-MM-DD', or `{"mode": "exactDate", "date": "YYYY-MM-DD"}`;
 * - an ISO date-time with offset ('2024-05-01T09:30:00Z'): its calendar day in the base zone;
 * - `{"mode": M}` relative to today in the base zone, M one of today, tomorrow, yesterday,
 *   oneWeekAgo, oneWeekFromNow, oneMonthAgo, oneMonthFromNow, or `{"mode": "daysAgo" |
 *   "daysFromNow", "n": N}` with N a whole number 0–36500.
 */
export const DATE_MODES = [
  'today', 'tomorrow', 'yesterday', 'oneWeekAgo', 'oneWeekFromNow', 'oneMonthAgo', 'oneMonthFromNow',
  'daysAgo', 'daysFromNow', 'exactDate',
] as const;

const RELATIVE: Record<string, { months: number; days: number }> = {
  today: { months: 0, days: 0 },
  tomorrow: { months: 0, days: 1 },
  yesterday: { months: 0, days: -1 },
  oneWeekAgo: { months: 0, days: -7 },
  oneWeekFromNow: { months: 0, days: 7 },
  oneMonthAgo: { months: -1, days: 0 },
  oneMonthFromNow: { months: 1, days: 0 },
};
const MAX_DAYS = 36_500;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

const today = (months = 0, days = 0): DateBound => ({ anchor: { today: true }, months, days });
const startOfThis = (startOf: 'week' | 'month', months = 0, days = 0): DateBound => ({ anchor: { today: true }, startOf, months, days });

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

export function parseDateOperand(value: unknown): Parsed<DateBound> {
  if (typeof value === 'string') {
    if (isDay(value)) return { ok: true, value: { anchor: { day: value }, months: 0, days: 0 } };
    const instant = DATE_TIME.test(value) ? Date.parse(value) : NaN;
    if (Number.isFinite(instant) && isDay(value.slice(0, 10))) {
      return { ok: true, value: { anchor: { instant }, months: 0, days: 0 } };
    }
  } else if (isObject(value) && typeof value.mode === 'string') {
    const relative = RELATIVE[value.mode];
    if (relative) return { ok: true, value: today(relative.months, relative.days) };
    if (value.mode === 'daysAgo' || value.mode === 'daysFromNow') {
      const n = value.n;
      if (!isWholeNumber(n)) return { ok: false, error: `mode "${value.mode}" needs a whole number n from 0 to ${MAX_DAYS}; got ${describeValue(n)}` };
      return { ok: true, value: today(0, value.mode === 'daysAgo' ? -n : n) };
    }
    if (value.mode === 'exactDate' && typeof value.date === 'string' && isDay(value.date)) {
      return { ok: true, value: { anchor: { day: value.date }, months: 0, days: 0 } };
    }
  }
  return {
    ok: false,
    error: `needs a date 'YYYY-MM-DD', an ISO date-time, or {"mode": …} with mode one of ${DATE_MODES.join(', ')}; got ${describeValue(value)}`,
  };
}

/** Shifts a bound by whole days (is D → [D, D+1)). */
export function plusDays(bound: DateBound, days: number): DateBound {
  return { ...bound, days: bound.days + days };
}

/**
 * `isWithin` periods as day ranges [from, to) around today T in the base zone, every one
 * including today:
 * - today: [T, T+1)
 * - pastWeek: the 7 days before today through today, [T−7, T+1)
 * - pastMonth: the same day last month through today, [T−1 month, T+1)
 * - nextWeek: today through the 7 days after, [T, T+8)
 * - nextMonth: today through the same day next month, [T, T+1 month+1)
 * - pastNumberOfDays n: [T−n, T+1); nextNumberOfDays n: [T, T+n+1) (n = 0 is today)
 * - thisWeek: the calendar week holding today, Monday to Sunday, [Mon, Mon+7)
 * - thisMonth: the calendar month holding today, [1st, 1st of next month)
 */
export function parsePeriod(value: unknown): Parsed<{ from: DateBound; to: DateBound }> {
  const period = isObject(value) ? value.period : undefined;
  if (typeof period !== 'string' || !(WITHIN_PERIODS as readonly string[]).includes(period)) {
    return { ok: false, error: `needs {"period": P} with P one of ${WITHIN_PERIODS.join(', ')}; got ${describeValue(value)}` };
  }
  const n = isObject(value) ? value.n : undefined;
  if ((period === 'pastNumberOfDays' || period === 'nextNumberOfDays') && !isWholeNumber(n)) {
    return { ok: false, error: `period "${period}" needs a whole number n from 0 to ${MAX_DAYS}; got ${describeValue(n)}` };
  }
  const ranges: Record<WithinPeriod, [DateBound, DateBound]> = {
    today: [today(), today(0, 1)],
    pastWeek: [today(0, -7), today(0, 1)],
    pastMonth: [today(-1), today(0, 1)],
    nextWeek: [today(), today(0, 8)],
    nextMonth: [today(), today(1, 1)],
    pastNumberOfDays: [today(0, -Number(n)), today(0, 1)],
    nextNumberOfDays: [today(), today(0, Number(n) + 1)],
    thisWeek: [startOfThis('week'), startOfThis('week', 0, 7)],
    thisMonth: [startOfThis('month'), startOfThis('month', 1)],
  };
  const [from, to] = ranges[period as WithinPeriod];
  return { ok: true, value: { from, to } };
}

function isWholeNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_DAYS;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
