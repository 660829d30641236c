import { normalizeWidth, quote } from './text.ts';

/**
 * Dates as people and programs write them, parsed to their parts. Which instant they
 * name depends on a time zone, which `date-value.ts` applies.
 */
export interface ParsedDate {
  year: number;
  month: number;
  day: number;
  /** Absent when the text names a calendar day only. */
  time?: { hour: number; minute: number; second: number; millisecond: number };
  /** Minutes ahead of UTC when the text names an offset ("Z", "+08:00"); else a wall time. */
  offsetMinutes?: number;
}
export type DateParse = { ok: true; value: ParsedDate | null } | { ok: false; error: string };

export interface DateParseOptions {
  /** Accept what paste and import send (typecast); otherwise ISO 8601 only. */
  lenient: boolean;
  /** Read an ambiguous "07/01/2024" as July 1 (US) instead of 7 January. */
  monthFirst?: boolean;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](.+))?$/i;
const YEAR_FIRST = /^(\d{4})\s*([-/.年])\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(.*)$/;
const YEAR_LAST = /^(\d{1,2})\s*([-/.])\s*(\d{1,2})\s*\2\s*(\d{4})(.*)$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const MONTH_NAME_FIRST = /^([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(.*)$/i;
const DAY_FIRST_NAME = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{4})(.*)$/i;
const NO_YEAR = /^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?|^(\d{1,2})[/.-](\d{1,2})$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// The canonical day form is what exports, the API and most imports carry.
const PLAIN_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseDateText(text: string, options: DateParseOptions): DateParse {
  const plain = PLAIN_DAY.exec(text);
  if (plain) {
    const [year, month, day] = [+plain[1]!, +plain[2]!, +plain[3]!];
    return isValidDay(year, month, day) ? { ok: true, value: { year, month, day } } : { ok: false, error: `${quote(text)} is not a valid date` };
  }
  const s = normalizeWidth(text).trim();
  if (s === '' || (options.lenient && /^[-/]+$/.test(s))) return { ok: true, value: null };
  const invalid = { ok: false, error: `${quote(text)} is not a valid date` } as const;

  let parts: { year: number; month: number; day: number; rest: string } | undefined;
  const iso = ISO.exec(s);
  if (iso) parts = { year: +iso[1]!, month: +iso[2]!, day: +iso[3]!, rest: iso[4] ?? '' };
  if (!options.lenient) {
    if (!parts || (parts.rest && !/^\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?\s*(z|[+-]\d{2}(:?\d{2})?)?$/i.test(parts.rest))) {
      return { ok: false, error: `${quote(text)} is not an ISO 8601 date like 2024-01-05 or 2024-01-05T09:30:00Z` };
    }
  }
  parts ??= lenientDateParts(s, options.monthFirst ?? false);
  if (!parts) {
    if (NO_YEAR.test(s)) return { ok: false, error: `${quote(text)} is not a date: the year is missing` };
    return { ok: false, error: `${quote(text)} is not a date` };
  }
  if (!isValidDay(parts.year, parts.month, parts.day)) return invalid;
  const value: ParsedDate = { year: parts.year, month: parts.month, day: parts.day };
  const rest = parts.rest.trim();
  if (rest) {
    const time = parseTime(rest);
    if (!time) return invalid;
    value.time = time.time;
    if (time.offsetMinutes !== undefined) value.offsetMinutes = time.offsetMinutes;
  }
  return { ok: true, value };
}

function lenientDateParts(s: string, monthFirst: boolean) {
  let m = YEAR_FIRST.exec(s);
  // "2024年1月5日" needs its 月; "2024-1月5" is not a format anyone writes, but harmless.
  if (m) return { year: +m[1]!, month: +m[3]!, day: +m[4]!, rest: m[5]! };
  m = YEAR_LAST.exec(s);
  if (m) {
    const a = +m[1]!;
    const b = +m[3]!;
    // Day first unless that cannot be (a month > 12), or the field says US order.
    const dayFirst = a > 12 ? true : b > 12 ? false : !monthFirst;
    return { year: +m[4]!, month: dayFirst ? b : a, day: dayFirst ? a : b, rest: m[5]! };
  }
  m = COMPACT.exec(s);
  if (m) return { year: +m[1]!, month: +m[2]!, day: +m[3]!, rest: '' };
  m = MONTH_NAME_FIRST.exec(s);
  if (m && monthIndex(m[1]!)) return { year: +m[3]!, month: monthIndex(m[1]!)!, day: +m[2]!, rest: m[4]! };
  m = DAY_FIRST_NAME.exec(s);
  if (m && monthIndex(m[2]!)) return { year: +m[3]!, month: monthIndex(m[2]!)!, day: +m[1]!, rest: m[4]! };
  return undefined;
}

function monthIndex(name: string): number | undefined {
  const lower = name.toLowerCase();
  const index = MONTHS.findIndex((month) => lower.startsWith(month) && (lower.length === 3 || isFullName(lower)));
  return index < 0 ? undefined : index + 1;
}

function isFullName(lower: string): boolean {
  return ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'sept',
    'october', 'november', 'december'].includes(lower);
}

export function isValidDay(year: number, month: number, day: number): boolean {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const MERIDIEM_BEFORE = /^(上午|早上|凌晨|中午|下午|晚上|am|pm)\s*/i;
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?/;
const CHINESE_CLOCK = /^(\d{1,2})\s*[时点]\s*(?:(\d{1,2})\s*分?\s*(?:(\d{1,2})\s*秒)?)?/;
const MERIDIEM_AFTER = /^\s*(a\.?m\.?|p\.?m\.?)(?![a-z])/i;
const OFFSET = /^\s*(?:z|(?:utc|gmt)?\s*([+-])(\d{1,2})(?::?(\d{2}))?|utc|gmt)$/i;

/** "14:30", "2:30 PM", "下午2点30分", "09:30:00.123+08:00", "T01:30:00Z". */
function parseTime(text: string): { time: NonNullable<ParsedDate['time']>; offsetMinutes?: number } | undefined {
  let s = text.replace(/^t/i, '').trim();
  let meridiem = MERIDIEM_BEFORE.exec(s)?.[1]?.toLowerCase();
  if (meridiem) s = s.replace(MERIDIEM_BEFORE, '');
  const colon = CLOCK.exec(s);
  const clock = colon ?? CHINESE_CLOCK.exec(s);
  if (!clock) return undefined;
  s = s.slice(clock[0].length);
  let hour = +clock[1]!;
  const minute = +(clock[2] ?? 0);
  const second = +(clock[3] ?? 0);
  const millisecond = colon?.[4] ? +colon[4].slice(0, 3).padEnd(3, '0') : 0;
  const after = MERIDIEM_AFTER.exec(s);
  if (after) {
    if (meridiem) return undefined;
    meridiem = after[1]!.toLowerCase().startsWith('a') ? 'am' : 'pm';
    s = s.slice(after[0].length);
  }
  if (meridiem) {
    if (hour > 12 && ['am', 'pm'].includes(meridiem)) return undefined;
    if (hour < 12 && ['pm', '下午', '晚上'].includes(meridiem)) hour += 12;
    else if (hour < 11 && meridiem === '中午') hour += 12; // 中午1点 is 13:00
    else if (hour === 12 && ['am', '凌晨'].includes(meridiem)) hour = 0;
  }
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const time = { hour, minute, second, millisecond };
  if (!s.trim()) return { time };
  const offset = OFFSET.exec(s);
  if (!offset) return undefined;
  if (!offset[1]) return { time, offsetMinutes: 0 };
  const hours = +offset[2]!;
  const minutes = +(offset[3] ?? 0);
  if (hours > 14 || minutes > 59) return undefined;
  return { time, offsetMinutes: (offset[1] === '-' ? -1 : 1) * (hours * 60 + minutes) };
}

// Excel counts days from 1900-01-00 and believes 1900 was a leap year (Lotus 1-2-3's bug):
// serial 60 is the 29 February 1900 that never was, and from 61 on the count is one ahead.
const EXCEL_MAX_SERIAL = 2_958_465; // 9999-12-31

/** An Excel serial date (45296 → 2024-01-05; the fraction is the time of day). */
export function parseExcelSerial(serial: number): DateParse {
  if (!Number.isFinite(serial) || serial < 1 || serial >= EXCEL_MAX_SERIAL + 1) {
    return { ok: false, error: `${quote(serial)} is not a date (Excel serial dates run from 1 to ${EXCEL_MAX_SERIAL})` };
  }
  let days = Math.floor(serial);
  if (days === 60) return { ok: false, error: '60 is 29 February 1900 in Excel, a day that never existed' };
  let seconds = Math.round((serial - days) * 86_400);
  if (seconds === 86_400) {
    days += 1;
    seconds = 0;
  }
  const epochDay = Date.UTC(1899, 11, days < 60 ? 31 : 30) + days * 86_400_000;
  const d = new Date(epochDay);
  const value: ParsedDate = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  if (serial !== Math.floor(serial)) {
    value.time = { hour: Math.floor(seconds / 3600), minute: Math.floor(seconds / 60) % 60, second: seconds % 60, millisecond: 0 };
  }
  return { ok: true, value };
}
