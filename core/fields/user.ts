import { compareText, describeInput, isBlankInput, quote } from '../values/text.ts';
import type { CoerceContext, CoerceResult, FieldType } from './field-type.ts';
import { OPERATORS_BY_KIND } from './operators-by-kind.ts';
import { noOptions, TEXT_COLUMN, textFromStorage, type NoOptions } from './text-common.ts';

function userReference(input: unknown): { ref: string; byId: boolean } | undefined {
  if (typeof input === 'string') return { ref: input.trim(), byId: true };
  if (input && typeof input === 'object' && !Array.isArray(input)) {
    const { id, email } = input as { id?: unknown; email?: unknown };
    if (typeof id === 'string' && id.trim()) return { ref: id.trim(), byId: true };
    // {email} is Airtable's other way to name a collaborator in API JSON.
    if (typeof email === 'string' && email.trim()) return { ref: email.trim(), byId: false };
  }
  return undefined;
}

/**
 * Strict: a user id, `{id}` or `{email}`. Typecast: also an email or a name, looked up
 * with ctx.resolveUser. Without a resolver ids pass as they are (the caller checks them).
 */
export function coerceUser(input: unknown, ctx: CoerceContext): CoerceResult<string> {
  if (isBlankInput(input)) return { ok: true, value: null };
  const reference = userReference(input);
  if (!reference) return { ok: false, error: `expects a user id or {"id": …}, got ${describeInput(input)}` };
  const { ref, byId } = reference;
  if (!ctx.resolveUser) {
    return byId ? { ok: true, value: ref } : { ok: false, error: `cannot look up the user ${quote(ref)} here` };
  }
  const id = ctx.resolveUser(ref);
  if (byId && !ctx.typecast && id !== ref) {
    return id === undefined
      ? { ok: false, error: `no user has the id ${quote(ref)}` }
      : { ok: false, error: `${quote(ref)} is not a user id (send typecast: true to find users by email or name)` };
  }
  return id === undefined ? { ok: false, error: `no user matches ${quote(ref)}` } : { ok: true, value: id };
}

/** The members user, createdBy and lastModifiedBy share; the API expands ids to {id, email, name}. */
export const userKind = {
  options: noOptions,
  kind: 'user',
  operators: OPERATORS_BY_KIND.user,
  toStorage: (value: string | null) => value,
  fromStorage: (raw: unknown) => textFromStorage(raw),
  format: (value: string | null, _options: NoOptions, ctx: { userName?: (id: string) => string | undefined }) =>
    value === null ? '' : (ctx.userName?.(value) ?? value),
  // By id: names are not known here, and an order that changes when someone renames
  // themselves would reshuffle every sorted view.
  compare: (a: string, b: string) => compareText(a, b),
} as const;

export const user: FieldType<NoOptions, string> = {
  ...userKind,
  name: 'user',
  storage: TEXT_COLUMN,
  readOnly: false,
  coerce: (input, _options, ctx) => coerceUser(input, ctx),
};
