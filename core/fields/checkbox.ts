import { parseBooleanInput } from '../values/parse-boolean.ts';
import { describeInput } from '../values/text.ts';
import type { FieldType } from './field-type.ts';
import { INTEGER_COLUMN } from './number-common.ts';
import { OPERATORS_BY_KIND } from './operators-by-kind.ts';
import { noOptions, type NoOptions } from './text-common.ts';

/** Display and export text of a ticked box; an unticked one is '' (as Airtable exports). */
export const CHECKED_MARK = '✓';

/**
 * Never null when read: an unticked box and a missing value are the same thing, so
 * blank input and NULL columns (rows older than the field) are false.
 */
export const checkbox: FieldType<NoOptions, boolean> = {
  name: 'checkbox',
  options: noOptions,
  storage: INTEGER_COLUMN,
  kind: 'boolean',
  readOnly: false,
  operators: OPERATORS_BY_KIND.boolean,
  coerce(input, _options, ctx) {
    if (input === null || input === undefined || typeof input === 'boolean') return { ok: true, value: input === true };
    if (typeof input === 'string' && input.trim() === '') return { ok: true, value: false };
    if (!ctx.typecast) return { ok: false, error: `expects true or false, got ${describeInput(input)}` };
    const parsed = parseBooleanInput(input);
    return parsed.ok ? { ok: true, value: parsed.value } : parsed;
  },
  toStorage: (value) => (value ? 1 : 0),
  fromStorage: (raw) => raw === 1 || raw === true || raw === '1' || raw === 1n,
  format: (value) => (value ? CHECKED_MARK : ''),
  compare: (a, b) => Number(a) - Number(b),
};
