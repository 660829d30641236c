import { z } from 'zod';
import type { FieldType } from './field-type.ts';
import { excelDecimals, formatNumber, numberInput, numberKind, percentPointsToFraction, precision, REAL_COLUMN } from './number-common.ts';

const options = z.object({ precision: precision.default(0) }).prefault({});
export type PercentOptions = z.output<typeof options>;

/**
 * The value is a fraction: 12% is 0.12, as in Excel and Airtable. A JSON number is always
 * the fraction. Text with typecast: "12%" is 0.12 and "0.35" is 0.35; text without a %
 * sign above 1 in size is read as percentage points ("35" → 0.35), because nobody types
 * 3500% into a win-probability column, while "1" stays 100%.
 */
export const percent: FieldType<PercentOptions, number> = {
  ...numberKind,
  name: 'percent',
  options,
  storage: REAL_COLUMN,
  coerce(input, _options, ctx) {
    const parsed = numberInput(input, ctx);
    if (!parsed.ok) return parsed;
    const { value } = parsed;
    if (value === null || typeof input !== 'string' || parsed.percent || Math.abs(value) <= 1) {
      return { ok: true, value };
    }
    return { ok: true, value: percentPointsToFraction(value) };
  },
  format: (value, opts, ctx) => (value === null ? '' : formatNumber(value, ctx.locale, opts.precision, 'percent')),
  spreadsheetFormat: (opts) => `0${excelDecimals(opts.precision)}%`,
};
