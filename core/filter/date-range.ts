import { compareCodePoints } from './text.ts';
import { addDays, addMonths, isDay, localDay, startOfMonth, startOfWeek, zonedDayStart } from './dates.ts';
import type { Field } from '../fields/field-type.ts';
import type { DateBound, FilterContext, Predicate } from './resolved.ts';

/**
 * One end of a day range, in both forms a date cell can take: date-only cells
 * ('YYYY-MM-DD', length 10) compare with `day`, datetime cells (UTC instants
 * 'YYYY-MM-DDTHH:mm:ss.sssZ') with `instant`, the first instant of that day in the base's
 * zone. Both are plain string comparisons, the same in JS and in SQL.
 */
export interface DayBoundary {
  day: string;
  instant: string;
}

/** Bounds beyond years 0001–9999: '' sorts before every cell, '~' after every digit. */
const BEFORE_ALL: DayBoundary = { day: '', instant: '' };
const AFTER_ALL: DayBoundary = { day: '~', instant: '~' };

export function dayOfBound(bound: DateBound, ctx: FilterContext): string | 'before' | 'after' {
  const anchor = bound.anchor;
  let day = 'today' in anchor
    ? localDay(ctx.now.getTime(), ctx.timeZone)
    : 'day' in anchor ? anchor.day : localDay(anchor.instant, ctx.timeZone);
  if (!isDay(day)) return day.startsWith('0000') || day.startsWith('-') ? 'before' : 'after';
  if (bound.startOf) {
    const start = bound.startOf === 'week' ? startOfWeek(day) : startOfMonth(day);
    if (start === undefined) return 'before';
    day = start;
  }
  if (bound.months !== 0) {
    const shifted = addMonths(day, bound.months);
    if (shifted === undefined) return bound.months < 0 ? 'before' : 'after';
    day = shifted;
  }
  if (bound.days !== 0) {
    const shifted = addDays(day, bound.days);
    if (shifted === undefined) return bound.days < 0 ? 'before' : 'after';
    day = shifted;
  }
  return day;
}

export function boundaryOf(bound: DateBound, ctx: FilterContext): DayBoundary {
  const day = dayOfBound(bound, ctx);
  if (day === 'before') return BEFORE_ALL;
  if (day === 'after') return AFTER_ALL;
  return { day, instant: new Date(zonedDayStart(day, ctx.timeZone)).toISOString() };
}

export interface ConcreteDateRange {
  from: DayBoundary | null;
  to: DayBoundary | null;
}

export function concreteDateRange(
  predicate: Extract<Predicate, { test: 'dateRange' }>,
  ctx: FilterContext,
): ConcreteDateRange {
  return {
    from: predicate.from ? boundaryOf(predicate.from, ctx) : null,
    to: predicate.to ? boundaryOf(predicate.to, ctx) : null,
  };
}

/** Whether a non-empty date cell lies in the range (the SQL side mirrors this exactly). */
export function inDateRange(cell: string, range: ConcreteDateRange): boolean {
  const dateOnly = cell.length === 10;
  const from = range.from && (dateOnly ? range.from.day : range.from.instant);
  const to = range.to && (dateOnly ? range.to.day : range.to.instant);
  return (from === null || compareCodePoints(cell, from) >= 0) && (to === null || compareCodePoints(cell, to) < 0);
}

/**
 * A date field may name its own zone (`options.timeZone`), and shows its datetimes there;
 * "today" and "the day of a datetime" are then that zone's, so a filter agrees with what
 * people see. Otherwise the base's zone (ctx).
 */
export function contextForField(field: Field, ctx: FilterContext): FilterContext {
  const zone = (field.options as { timeZone?: unknown } | null)?.timeZone;
  return typeof zone === 'string' && zone !== '' && zone !== ctx.timeZone ? { ...ctx, timeZone: zone } : ctx;
}
