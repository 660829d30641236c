import { z } from 'zod';
import { quote } from '../values/text.ts';
import type { FieldType } from './field-type.ts';
import { INTEGER_COLUMN, numberInput, numberKind } from './number-common.ts';

const options = z.object({ max: z.number().int().min(1).max(10).default(5) }).prefault({});
export type RatingOptions = z.output<typeof options>;

// "★★★☆☆" as people paste it from a sheet that drew ratings with stars.
const STARS = /^[★⭐☆✩\s]+$/u;

/** 0 means "not rated" (null), as in the grid where clicking the lit star clears it. */
export const rating: FieldType<RatingOptions, number> = {
  ...numberKind,
  name: 'rating',
  options,
  storage: INTEGER_COLUMN,
  coerce(input, opts, ctx) {
    const text = typeof input === 'string' ? input.trim() : undefined;
    const parsed = ctx.typecast && text && STARS.test(text)
      ? { ok: true as const, value: [...text].filter((ch) => ch === '★' || ch === '⭐').length }
      : numberInput(input, ctx);
    if (!parsed.ok) return parsed;
    const { value } = parsed;
    if (value === null || value === 0) return { ok: true, value: null };
    if (!Number.isInteger(value) || value < 0 || value > opts.max) {
      return { ok: false, error: `${quote(input)} is not a rating: ratings are whole numbers from 1 to ${opts.max}` };
    }
    return { ok: true, value };
  },
  fromStorage(raw) {
    const value = numberKind.fromStorage(raw);
    return value !== null && Number.isInteger(value) && value > 0 ? value : null;
  },
  format: (value) => (value === null ? '' : String(value)),
};
