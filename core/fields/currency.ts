import { z } from 'zod';
import type { FieldType } from './field-type.ts';
import { excelDecimals, formatNumber, numberInput, numberKind, precision, REAL_COLUMN } from './number-common.ts';

const options = z
  .object({
    /** Shown before the amount; amounts are never converted between currencies. */
    symbol: z.string().trim().min(1).max(5).default('¥'),
    precision: precision.default(2),
  })
  .prefault({});
export type CurrencyOptions = z.output<typeof options>;

export const currency: FieldType<CurrencyOptions, number> = {
  ...numberKind,
  name: 'currency',
  options,
  storage: REAL_COLUMN,
  coerce(input, _options, ctx) {
    const parsed = numberInput(input, ctx);
    return parsed.ok ? { ok: true, value: parsed.value } : parsed;
  },
  format(value, opts, ctx) {
    if (value === null) return '';
    const amount = formatNumber(Math.abs(value), ctx.locale, opts.precision);
    // "-¥1,234.50": the sign before the symbol, as both en and zh-CN write it.
    return `${value < 0 && amount !== formatNumber(0, ctx.locale, opts.precision) ? '-' : ''}${opts.symbol}${amount}`;
  },
  spreadsheetFormat: (opts) => `"${opts.symbol ?? '¥'}"#,##0${excelDecimals(opts.precision)}`,
};
