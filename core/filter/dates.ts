import { dateOnlyString } from '../values/date-value.ts';
import { epochToWallTime, wallTimeToEpoch } from '../values/time-zone.ts';

/**
 * Calendar days ('YYYY-MM-DD') and their boundaries in an IANA time zone. Filters compare
 * dates by calendar day in the zone: a datetime is "on" day D when it falls in
 * [start of D, start of D+1) there, so every day condition is a half-open range of instants.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** 'YYYY-MM-DD' naming a real date of years 0001–9999 (what storage can hold). */
export function isDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function daysInMonth(year: number, month: number): number {
  return new Date(utcMs(year, month + 1, 0)).getUTCDate();
}

/** Date.UTC without its 0–99 → 1900s surprise. */
function utcMs(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime();
}

function parts(day: string): [number, number, number] {
  return [Number(day.slice(0, 4)), Number(day.slice(5, 7)), Number(day.slice(8, 10))];
}

/** Outside years 0001–9999 a day has no 'YYYY-MM-DD' form; callers clamp (date-range.ts). */
function formatUtcDay(ms: number): string | undefined {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (year < 1 || year > 9999) return undefined;
  return dateOnlyString(year, date.getUTCMonth() + 1, date.getUTCDate());
}

export function addDays(day: string, days: number): string | undefined {
  const [y, m, d] = parts(day);
  return formatUtcDay(utcMs(y, m, d) + days * MS_PER_DAY);
}

/** Month arithmetic clamps the day: 03-31 minus one month is 02-28 (or 02-29). */
export function addMonths(day: string, months: number): string | undefined {
  const [y, m, d] = parts(day);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  if (year < 1 || year > 9999) return undefined;
  return formatUtcDay(utcMs(year, month, Math.min(d, daysInMonth(year, month))));
}

/** The Monday on or before a day (ISO 8601 weeks); undefined before 0001-01-01. */
export function startOfWeek(day: string): string | undefined {
  const [y, m, d] = parts(day);
  const weekday = new Date(utcMs(y, m, d)).getUTCDay(); // 0 is Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** The first day of a day's month. */
export function startOfMonth(day: string): string {
  return `${day.slice(0, 8)}01`;
}

/** The calendar day of an instant in a zone. Throws RangeError for an unknown zone. */
export function localDay(ms: number, timeZone: string): string {
  const wall = epochToWallTime(ms, timeZone);
  return dateOnlyString(wall.year, wall.month, wall.day);
}

/**
 * The first instant of a day in a zone: local midnight, or where a DST jump skips
 * midnight (America/Santiago, Asia/Beirut …) the jump, which is where that day begins.
 */
export function zonedDayStart(day: string, timeZone: string): number {
  const [year, month, date] = parts(day);
  return wallTimeToEpoch({ year, month, day: date, hour: 0, minute: 0, second: 0, millisecond: 0 }, timeZone);
}
