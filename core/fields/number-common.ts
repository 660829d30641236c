import { z } from 'zod';
import { parseNumberText, type NumberParse } from '../values/parse-number.ts';
import { describeInput, isBlankInput, quote } from '../values/text.ts';
import type { CoerceContext, FieldStorage } from './field-type.ts';
import { OPERATORS_BY_KIND } from './operators-by-kind.ts';

export const REAL_COLUMN = { kind: 'column', sqlType: 'REAL' } as const satisfies FieldStorage;
export const INTEGER_COLUMN = { kind: 'column', sqlType: 'INTEGER' } as const satisfies FieldStorage;

/** Decimal places shown; values are stored as entered and only rounded for display. */
export const precision = z.number().int().min(0).max(8);

/** The decimals of an Excel number format: ".00" for two, nothing for none. */
export function excelDecimals(places: number | undefined): string {
  return places ? `.${'0'.repeat(places)}` : '';
}

/** The members every number-kind type shares. */
export const numberKind = {
  kind: 'number',
  readOnly: false,
  operators: OPERATORS_BY_KIND.number,
  toStorage: (value: number | null) => value,
  fromStorage: (raw: unknown) => numberFromStorage(raw),
  compare: (a: number, b: number) => (a < b ? -1 : a > b ? 1 : 0),
} as const;

/**
 * Strict: a finite JSON number. Typecast: also text the way spreadsheets show numbers
 * (see parseNumberText). Blank is null in both.
 */
export function numberInput(input: unknown, ctx: CoerceContext): NumberParse {
  if (isBlankInput(input)) return { ok: true, value: null, percent: false };
  if (typeof input === 'number') {
    return Number.isFinite(input)
      ? { ok: true, value: input, percent: false }
      : { ok: false, error: `${quote(input)} is not a finite number` };
  }
  if (typeof input === 'string' && ctx.typecast) return parseNumberText(input);
  return { ok: false, error: `expects a number, got ${describeInput(input)}` };
}

export function numberFromStorage(raw: unknown): number | null {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw === 'bigint') return Number(raw);
  if (typeof raw === 'string' && raw.trim() !== '') {
    const value = Number(raw);
    return Number.isFinite(value) ? value : null;
  }
  return null;
}

// Building an Intl.NumberFormat costs far more than using one; exports format every cell.
const formats = new Map<string, Intl.NumberFormat>();

/** `digits` undefined shows the value as entered (up to 8 decimals, no padding). */
export function formatNumber(value: number, locale: string, digits: number | undefined, style: 'decimal' | 'percent' = 'decimal'): string {
  const key = `${locale}|${digits}|${style}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style,
      minimumFractionDigits: digits ?? 0,
      maximumFractionDigits: digits ?? 8,
    });
    formats.set(key, format);
  }
  return format.format(value);
}

/** n / 100 without the binary noise of dividing (1.1 / 100 is 0.011000000000000001). */
export function percentPointsToFraction(points: number): number {
  return Number.parseFloat((points / 100).toPrecision(15));
}
