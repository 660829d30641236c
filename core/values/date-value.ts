import type { ParsedDate } from './parse-date.ts';
import { epochToWallTime, wallTimeAsUtc, wallTimeToEpoch } from './time-zone.ts';

/**
 * The two canonical forms of a date value, chosen so that plain string order is time order:
 * 'YYYY-MM-DD' for a calendar day, 'YYYY-MM-DDTHH:mm:ss.sssZ' for an instant.
 */
export const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
export const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function dateOnlyString(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The canonical instant string, or undefined outside years 1–9999. */
export function instantString(epochMs: number): string | undefined {
  if (!Number.isFinite(epochMs)) return undefined;
  const year = new Date(epochMs).getUTCFullYear();
  return year >= 1 && year <= 9999 ? new Date(epochMs).toISOString() : undefined;
}

/**
 * A parsed date as the value of a date field. A wall time without offset is read in
 * `timeZone`; a date-only field keeps the calendar day the text names, or for an instant
 * ("2024-03-01T09:30:00+08:00") the day it is in `timeZone`.
 */
export function toDateValue(parsed: ParsedDate, includeTime: boolean, timeZone: string): string | undefined {
  // The common import case needs no zone arithmetic at all.
  if (!includeTime && parsed.offsetMinutes === undefined) return dateOnlyString(parsed.year, parsed.month, parsed.day);
  const wall = {
    year: parsed.year,
    month: parsed.month,
    day: parsed.day,
    hour: parsed.time?.hour ?? 0,
    minute: parsed.time?.minute ?? 0,
    second: parsed.time?.second ?? 0,
    millisecond: parsed.time?.millisecond ?? 0,
  };
  const epoch = parsed.offsetMinutes === undefined
    ? wallTimeToEpoch(wall, timeZone)
    : wallTimeAsUtc(wall) - parsed.offsetMinutes * 60_000;
  if (includeTime) return instantString(epoch);
  const local = epochToWallTime(epoch, timeZone);
  return local.year >= 1 && local.year <= 9999 ? dateOnlyString(local.year, local.month, local.day) : undefined;
}

/**
 * What a date column holds → the canonical form for `includeTime`, tolerating what older
 * rows or other writers left there: SQLite's 'YYYY-MM-DD HH:MM:SS' (UTC), epoch
 * milliseconds. A day read as an instant is its UTC midnight and an instant read as a day
 * its UTC date: the time zone is not known here, so option changes convert through coerce.
 */
export function dateFromStorage(raw: unknown, includeTime: boolean): string | null {
  let epoch: number | undefined;
  if (typeof raw === 'number') epoch = raw;
  else if (typeof raw === 'string') {
    if (DATE_ONLY.test(raw) && !includeTime) return validDay(raw) ? raw : null;
    if (INSTANT.test(raw) && includeTime) return Number.isNaN(Date.parse(raw)) ? null : raw;
    const sqlite = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?)Z?)?$/.exec(raw);
    if (sqlite) epoch = Date.parse(`${sqlite[1]}T${sqlite[2] ?? '00:00:00'}Z`);
  }
  if (epoch === undefined) return null;
  const instant = instantString(epoch);
  if (!instant) return null;
  return includeTime ? instant : instant.slice(0, 10);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** 'YYYY-MM-DD' names a real day. Arithmetic, not Date: it runs for every date cell read. */
function validDay(text: string): boolean {
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
  return day <= DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0);
}
