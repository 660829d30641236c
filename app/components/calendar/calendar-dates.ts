import { epochToWallTime, wallTimeToEpoch } from '../../../core/values/time-zone.ts';

// Calendar days as 'YYYY-MM-DD' strings, computed on UTC dates so the browser's own zone
// never shifts a day; a record's day and time are read in the base's (or field's) zone.

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

export function dayString(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
}

const epochOf = (day: string) => Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)));
const fromEpoch = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
  return fromEpoch(epochOf(day) + n * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  return new Date(epochOf(day)).getUTCDay();
}

/** Weeks start on Monday in China (and most of the world), on Sunday in the US. */
export function weekStartFor(locale: string): 0 | 1 {
  return locale === 'en' || locale === 'en-US' ? 0 : 1;
}

export function startOfWeek(day: string, weekStart: 0 | 1): string {
  return addDays(day, -((weekday(day) - weekStart + 7) % 7));
}

export type CalendarMode = 'month' | 'week';

/** The days a month or week view shows: whole weeks covering the month, or the week of `anchor`. */
export function visibleDays(anchor: string, mode: CalendarMode, weekStart: 0 | 1): string[] {
  if (mode === 'week') {
    const first = startOfWeek(anchor, weekStart);
    return Array.from({ length: 7 }, (_, i) => addDays(first, i));
  }
  const monthStart = `${anchor.slice(0, 7)}-01`;
  const first = startOfWeek(monthStart, weekStart);
  const nextMonth = shiftMonth(monthStart, 1);
  const days: string[] = [];
  for (let day = first; day < nextMonth || days.length % 7 !== 0; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The same day of another month (clamped to its length: 31 Jan + 1 month is 29 Feb). */
export function shiftMonth(day: string, months: number): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7)) - 1 + months;
  const target = new Date(Date.UTC(year, month, 1));
  const length = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return dayString(target.getUTCFullYear(), target.getUTCMonth() + 1, Math.min(Number(day.slice(8, 10)), length));
}

export function todayIn(timeZone: string, now = Date.now()): string {
  const wall = epochToWallTime(now, timeZone);
  return dayString(wall.year, wall.month, wall.day);
}

/** The day a date value falls on: a day value is itself, an instant is read in the zone. */
export function dayOf(value: unknown, timeZone: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const epoch = Date.parse(value);
  if (Number.isNaN(epoch)) return undefined;
  const wall = epochToWallTime(epoch, timeZone);
  return dayString(wall.year, wall.month, wall.day);
}

/** Minutes since midnight in the zone, for ordering and labelling timed records. */
export function minutesOf(value: unknown, timeZone: string): number | undefined {
  if (typeof value !== 'string' || !value.includes('T')) return undefined;
  const wall = epochToWallTime(Date.parse(value), timeZone);
  return wall.hour * 60 + wall.minute;
}

/**
 * A date value moved to another day, keeping its time of day in the zone (09:30 stays
 * 09:30 local even across a daylight-saving change).
 */
export function moveToDay(value: string, day: string, timeZone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return day;
  const wall = epochToWallTime(Date.parse(value), timeZone);
  const moved = { ...wall, year: Number(day.slice(0, 4)), month: Number(day.slice(5, 7)), day: Number(day.slice(8, 10)) };
  return new Date(wallTimeToEpoch(moved, timeZone)).toISOString();
}
