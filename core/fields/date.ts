import { dateFromStorage, instantString, toDateValue } from '../values/date-value.ts';
import { parseDateText, parseExcelSerial, type DateParse } from '../values/parse-date.ts';
import { compareText, describeInput, isBlankInput, quote } from '../values/text.ts';
import { utcToWallTime } from '../values/time-zone.ts';
import type { CoerceContext, FieldType } from './field-type.ts';
import { formatDateValue } from './date-format.ts';
import { dateOptions, excelDateFormat, type DateOptions } from './date-options.ts';
import { OPERATORS_BY_KIND } from './operators-by-kind.ts';
import { TEXT_COLUMN } from './text-common.ts';

const options = dateOptions(false);

// Text of 5 digits is an Excel serial (10000–99999 is 1927–2173) that lost its number
// format on the way; "2024" alone is a year, not 16 July 1905.
const SERIAL_TEXT = /^\d{5}(?:\.\d+)?$/;

function parseDateInput(input: unknown, options: DateOptions, ctx: CoerceContext): DateParse {
  if (input instanceof Date) {
    const instant = instantString(input.getTime());
    if (!instant) return { ok: false, error: 'the date is outside the years 1 to 9999' };
    const wall = utcToWallTime(input.getTime());
    return { ok: true, value: { year: wall.year, month: wall.month, day: wall.day, time: wall, offsetMinutes: 0 } };
  }
  if (typeof input === 'string') {
    const text = input.trim();
    if (ctx.typecast && SERIAL_TEXT.test(text)) return parseExcelSerial(Number(text));
    return parseDateText(input, { lenient: ctx.typecast, monthFirst: options.dateFormat === 'us' });
  }
  if (typeof input === 'number' && ctx.typecast) return parseExcelSerial(input);
  return { ok: false, error: `expects a date like "2024-01-05", got ${describeInput(input)}` };
}

/**
 * Values: 'YYYY-MM-DD' without includeTime, else the UTC instant 'YYYY-MM-DDTHH:mm:ss.sssZ'.
 * A wall time without offset is read in the field's time zone, else the base's. Ambiguous
 * day/month text ("07/01/2024") is day first, or month first when the field displays US
 * dates; a part above 12 settles it either way.
 */
export const date: FieldType<DateOptions, string> = {
  name: 'date',
  options,
  storage: TEXT_COLUMN,
  kind: 'date',
  readOnly: false,
  operators: OPERATORS_BY_KIND.date,
  coerce(input, opts, ctx) {
    if (isBlankInput(input)) return { ok: true, value: null };
    const parsed = parseDateInput(input, opts, ctx);
    if (!parsed.ok) return parsed;
    if (!parsed.value) return { ok: true, value: null };
    const value = toDateValue(parsed.value, opts.includeTime, opts.timeZone ?? ctx.timeZone);
    return value ? { ok: true, value } : { ok: false, error: `${quote(input)} is outside the years 1 to 9999` };
  },
  toStorage: (value) => value,
  fromStorage: (raw, opts) => dateFromStorage(raw, opts.includeTime),
  format: (value, opts, ctx) => formatDateValue(value, opts, ctx),
  spreadsheetFormat: (opts) => excelDateFormat(opts.includeTime === true),
  compare: (a, b) => compareText(a, b),
};
