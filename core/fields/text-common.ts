import { z } from 'zod';
import { compareText, describeInput, isBlankInput } from '../values/text.ts';
import type { CoerceContext, FieldStorage } from './field-type.ts';
import { OPERATORS_BY_KIND } from './operators-by-kind.ts';

/** Options of types that have none: `undefined` and `{}` both parse, unknown keys are dropped. */
export const noOptions = z.object({}).prefault({});
export type NoOptions = z.output<typeof noOptions>;

export const TEXT_COLUMN = { kind: 'column', sqlType: 'TEXT' } as const satisfies FieldStorage;

/** The members every text-kind type shares. */
export const textKind = {
  options: noOptions,
  storage: TEXT_COLUMN,
  kind: 'text',
  readOnly: false,
  operators: OPERATORS_BY_KIND.text,
  toStorage: (value: string | null) => value,
  fromStorage: (raw: unknown) => textFromStorage(raw),
  format: (value: string | null) => value ?? '',
  showsStoredText: true,
  compare: (a: string, b: string) => compareText(a, b),
} as const;

export type TextInput = { ok: true; text: string | null } | { ok: false; error: string };

/**
 * The string a text-kind type works on: blank → null; strict takes strings only, typecast
 * also numbers and booleans as people would write them.
 */
export function textInput(input: unknown, ctx: CoerceContext): TextInput {
  if (isBlankInput(input)) return { ok: true, text: null };
  if (typeof input === 'string') return { ok: true, text: input };
  if (ctx.typecast && (typeof input === 'number' || typeof input === 'boolean') && Number.isFinite(Number(input))) {
    return { ok: true, text: String(input) };
  }
  return { ok: false, error: `expects text, got ${describeInput(input)}` };
}

export function textFromStorage(raw: unknown): string | null {
  if (typeof raw === 'string') return raw === '' ? null : raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return null;
}
