import type { Attachment, CoerceResult, FieldType, FormatContext } from '../../core/fields/field-type.ts';

/** A field's type and parsed options: the two things a value's meaning depends on. */
export interface TypedField {
  fieldType: FieldType<any, any>;
  options: any;
}

export interface ConvertEnv {
  /** The base's IANA zone: wall times in text are read and written there. */
  timeZone: string;
  /** A user's email by id, so that a user value becomes text people can read (and paste back). */
  userEmail?: (userId: string) => string | undefined;
  /** For user targets: an email, name or id → a member's id. */
  resolveUser?: (input: string) => string | undefined;
}

/**
 * The old value made plain for the new type's `coerce`, chosen by the two value kinds
 * (never by type names). Text targets get what a person would type for the value, and
 * every text we produce reads back to the same value through typecast:
 * - number → the type's own display in 'en' without thousands separators ("¥1234.50",
 *   "12%", "13800138000": phone numbers stored as numbers stay intact);
 * - date → ISO day, or ISO day and 24h wall time in the field's zone ("2024-01-05 09:30"):
 *   unambiguous, unlike a "1/5/2024" that another field would read day-first;
 * - checkbox → "✓" or nothing (its export text); multi → "A, B"; user → email;
 *   attachment → file names.
 * Other targets get the value itself: numbers stay numbers, a date its ISO string, a select
 * its name, a multi value a list (or its first item for a single select), a ticked box 1
 * for numbers. An unticked box is empty everywhere but in another checkbox.
 */
export function plainInput(value: unknown, from: TypedField, to: FieldType<any, any>, env: ConvertEnv): unknown {
  if (value === null || value === undefined) return null;
  const source = from.fieldType.kind;
  const target = to.kind;
  const formatCtx: FormatContext = { locale: 'en', timeZone: env.timeZone };
  if (source === target && source !== 'date') return value;

  switch (source) {
    case 'text':
      return value; // a multi target splits "A, B" itself
    case 'select':
      return target === 'multi' ? [value] : value; // a choice named "A, B" stays whole
    case 'number':
      return target === 'text' ? from.fieldType.format(value, from.options, formatCtx).replaceAll(',', '') : value;
    case 'date':
      if (target !== 'text') return value;
      // The field's own rendering, pinned to ISO: keeps its zone and whether it shows a time.
      return from.fieldType.format(value, { ...from.options, dateFormat: 'iso', timeFormat: '24h' }, formatCtx);
    case 'boolean':
      if (value !== true) return null;
      return target === 'number' ? 1 : from.fieldType.format(true, from.options, formatCtx);
    case 'multi': {
      const items = value as string[];
      if (target === 'select') return items[0] ?? null;
      return items.length === 1 ? items[0] : items.join(', ');
    }
    case 'user': {
      if (target === 'multi') return [env.userEmail?.(value as string) ?? value];
      return env.userEmail?.(value as string) ?? value;
    }
    case 'attachment':
      return (value as Attachment[]).map((file) => file.filename).join(', ');
  }
}

/**
 * One value of a field whose type or options change → the value under the new ones.
 * `typecast` is on for type changes (convert what can be read) and off for option
 * changes of the same type (a value that no longer fits, such as a removed choice, fails
 * instead of being recreated).
 */
export function convertValue(
  value: unknown,
  from: TypedField,
  to: TypedField,
  env: ConvertEnv,
  typecast = true,
): CoerceResult<unknown> {
  const input = plainInput(value, from, to.fieldType, env);
  return to.fieldType.coerce(input, to.options, { typecast, timeZone: env.timeZone, resolveUser: env.resolveUser });
}

/** Values compared the way the API shows them, so a conversion that changes nothing records nothing. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
