import { fieldTypes, type FieldType, type StoredTypeName } from '../../../core/fields/index.ts';

/**
 * The options the editor knows how to edit, in the order it shows them. Which of them a
 * type has is read from the type's own options schema (`optionKeysOf`), so a type that
 * gains an option shows its editor without a switch on type names anywhere.
 */
export const OPTION_KEYS = ['choices', 'precision', 'symbol', 'max', 'includeTime', 'dateFormat', 'timeFormat', 'timeZone'] as const;
export type OptionKey = (typeof OPTION_KEYS)[number];

export function isOptionKey(key: string): key is OptionKey {
  return (OPTION_KEYS as readonly string[]).includes(key);
}

type Def = { type?: string; shape?: Record<string, unknown>; innerType?: { _zod?: { def?: Def } }; in?: { _zod?: { def?: Def } } };

/**
 * The keys of a type's options object. Options schemas are `z.object` wrapped in
 * prefault, pipe or transform (select choices); zod 4 exposes the wrapping through
 * `_zod.def`. Unknown wrappers end the walk: the editor then shows no options.
 */
export function optionKeysOf(fieldType: FieldType<any, any>): string[] {
  let def = (fieldType.options as unknown as { _zod?: { def?: Def } })._zod?.def;
  for (let depth = 0; def && depth < 8; depth++) {
    if (def.type === 'object') return Object.keys(def.shape ?? {});
    def = (def.innerType ?? def.in)?._zod?.def;
  }
  return [];
}

/** The editable option keys of a type, in the editor's order. */
export function editableOptionKeys(typeName: StoredTypeName): OptionKey[] {
  const keys = new Set(optionKeysOf(fieldTypes[typeName]));
  return OPTION_KEYS.filter((key) => keys.has(key));
}

/** A type's options when nothing is chosen (what the server would store for `{}`). */
export function defaultOptions(typeName: StoredTypeName): Record<string, unknown> {
  return fieldTypes[typeName].options.parse({}) as Record<string, unknown>;
}

/** Whether an option may be left unset (number precision: "as entered"). */
export function isOptionalOption(typeName: StoredTypeName, key: OptionKey): boolean {
  return !(key in defaultOptions(typeName));
}

/**
 * Options for a type switched to from another: what the new type's schema accepts of the
 * old options carries over (choices between the select types, precision between the
 * number types, date formats), as the server does on a type change without options.
 */
export function optionsForType(typeName: StoredTypeName, previous: Record<string, unknown>): Record<string, unknown> {
  const parsed = fieldTypes[typeName].options.safeParse(previous);
  return parsed.success ? (parsed.data as Record<string, unknown>) : defaultOptions(typeName);
}

export type OptionsCheck = { ok: true; options: Record<string, unknown> } | { ok: false; option: string; message: string };

/** Options through the type's schema, as the server will parse them; the failure names the option. */
export function checkOptions(typeName: StoredTypeName, options: Record<string, unknown>): OptionsCheck {
  const parsed = fieldTypes[typeName].options.safeParse(options);
  if (parsed.success) return { ok: true, options: parsed.data as Record<string, unknown> };
  const issue = parsed.error.issues[0]!;
  return { ok: false, option: issue.path.map(String).join('.'), message: issue.message };
}
