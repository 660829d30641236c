import { CHECKED_MARK, isStoredTypeName, requireFieldType, type FormatContext } from '../../../core/fields/index.ts';
import type { FieldJson } from './types.ts';

export interface DisplayEnv {
  locale: string;
  /** The base's IANA zone. */
  timeZone: string;
  userName?: (userId: string) => string | undefined;
}

/**
 * Any value a field may have held, as text: through the field type's own `format` when the
 * value has the shape the type expects, else plainly. History and conversion previews show
 * values written under an older type or options (a removed choice, text before the field
 * became a number), which the current type must not be asked to format.
 */
export function displayValue(field: Pick<FieldJson, 'type' | 'options'>, value: unknown, env: DisplayEnv): string {
  if (value === null || value === undefined) return '';
  if (!isStoredTypeName(field.type)) return plainText(value, env);
  const fieldType = requireFieldType(field.type);
  const input = fieldType.kind === 'user' ? userId(value) : value;
  // A former member is no longer in the list, but an expanded value still carries the name.
  const carried = input !== value ? (value as { name?: unknown }).name : undefined;
  const userName = (id: string) => env.userName?.(id) ?? (typeof carried === 'string' && id === input ? carried : undefined);
  const ctx: FormatContext = { locale: env.locale, timeZone: env.timeZone, userName };
  // System types refuse coerce (nobody writes them); their values read like stored ones.
  const read = fieldType.readOnly
    ? { ok: true as const, value: fieldType.fromStorage(input, fieldType.options.parse(field.options)) }
    : safeCoerce(field, input, env);
  if (!read.ok || read.value === null) return plainText(value, env);
  return fieldType.format(read.value, fieldType.options.parse(field.options), ctx);
}

function safeCoerce(field: Pick<FieldJson, 'type' | 'options'>, value: unknown, env: DisplayEnv): { ok: true; value: unknown } | { ok: false } {
  const fieldType = requireFieldType(field.type);
  const options = fieldType.options.safeParse(field.options);
  if (!options.success) return { ok: false };
  return fieldType.coerce(value, options.data, { typecast: false, timeZone: env.timeZone });
}

/** The API expands user ids to `{id, email, name}`; types work on the id. */
function userId(value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value) && typeof (value as { id?: unknown }).id === 'string') {
    return (value as { id: string }).id;
  }
  return value;
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function plainText(value: unknown, env: DisplayEnv): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? CHECKED_MARK : '';
  if (typeof value === 'number') {
    let format = numberFormats.get(env.locale);
    if (!format) numberFormats.set(env.locale, (format = new Intl.NumberFormat(env.locale, { maximumFractionDigits: 8 })));
    return format.format(value);
  }
  if (Array.isArray(value)) return value.map((item) => plainText(item, env)).filter(Boolean).join(', ');
  if (typeof value === 'object') {
    const { filename, name, id } = value as { filename?: unknown; name?: unknown; id?: unknown };
    if (typeof filename === 'string') return filename;
    if (typeof name === 'string') return name;
    if (typeof id === 'string') return env.userName?.(id) ?? id;
    return JSON.stringify(value);
  }
  return String(value);
}
