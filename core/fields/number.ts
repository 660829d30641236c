import { z } from 'zod';
import type { FieldType } from './field-type.ts';
import { excelDecimals, formatNumber, numberInput, numberKind, precision, REAL_COLUMN } from './number-common.ts';

/**
 * `precision` is optional: without it a number shows as entered (3.5 stays "3.5"), which
 * is what a column imported from Excel needs; set it to fix the decimals shown.
 */
const options = z.object({ precision: precision.optional() }).prefault({});
export type NumberOptions = z.output<typeof options>;

export const number: FieldType<NumberOptions, number> = {
  ...numberKind,
  name: 'number',
  options,
  storage: REAL_COLUMN,
  coerce(input, _options, ctx) {
    const parsed = numberInput(input, ctx);
    return parsed.ok ? { ok: true, value: parsed.value } : parsed;
  },
  format: (value, opts, ctx) => (value === null ? '' : formatNumber(value, ctx.locale, opts.precision)),
  // Without a precision, General: Excel shows the number as entered, as the grid does.
  spreadsheetFormat: (opts) => (opts.precision === undefined ? undefined : `#,##0${excelDecimals(opts.precision)}`),
};
