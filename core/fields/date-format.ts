import { DATE_ONLY } from '../values/date-value.ts';
import { epochToWallTime, wallTimeAsUtc, type WallTime } from '../values/time-zone.ts';
import type { FormatContext } from './field-type.ts';
import type { DateOptions } from './date-options.ts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const formats = new Map<string, Intl.DateTimeFormat>();

function intl(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formats.set(key, format);
  }
  return format;
}

// Newer ICU puts narrow no-break spaces in "2:30 PM"; exports and tests want plain ones.
const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

function formatDay(wall: WallTime, options: DateOptions, locale: string): string {
  const { year, month, day } = wall;
  switch (options.dateFormat) {
    case 'iso': return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
    case 'us': return `${month}/${day}/${year}`;
    case 'european': return `${day}/${month}/${year}`;
    case 'local': return plainSpaces(intl(locale, { year: 'numeric', month: 'numeric', day: 'numeric' }).format(wallTimeAsUtc(wall)));
    case 'friendly': return plainSpaces(intl(locale, { dateStyle: 'long' }).format(wallTimeAsUtc(wall)));
  }
}

function formatTime(wall: WallTime, options: DateOptions, locale: string): string {
  if (options.timeFormat === '24h' && options.dateFormat === 'iso') return `${pad(wall.hour)}:${pad(wall.minute)}`;
  const hourCycle = options.timeFormat === '24h' ? 'h23' : 'h12';
  return plainSpaces(intl(locale, { hour: 'numeric', minute: '2-digit', hourCycle }).format(wallTimeAsUtc(wall)));
}

/**
 * A date value as people read it: a calendar day as written, an instant in the field's
 * zone (or the reader's base zone), with the time when the field includes it.
 */
export function formatDateValue(value: string | null, options: DateOptions, ctx: FormatContext): string {
  if (value === null) return '';
  if (DATE_ONLY.test(value)) {
    const [year, month, day] = value.split('-').map(Number);
    return formatDay({ year: year!, month: month!, day: day!, hour: 0, minute: 0, second: 0, millisecond: 0 }, options, ctx.locale);
  }
  const epoch = Date.parse(value);
  if (Number.isNaN(epoch)) return value;
  const wall = epochToWallTime(epoch, options.timeZone ?? ctx.timeZone);
  const day = formatDay(wall, options, ctx.locale);
  return options.includeTime ? `${day} ${formatTime(wall, options, ctx.locale)}` : day;
}
