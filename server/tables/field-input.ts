import { z } from 'zod';
import { COMPUTED_TYPE_NAMES, type FieldType, type ValueKind } from '../../core/fields/field-type.ts';
import { fieldTypes, isStoredTypeName } from '../../core/fields/registry.ts';
import { AppError } from '../errors.ts';

/** A field as the API receives it on create; PATCH takes the same keys, all optional. */
export const fieldInputSchema = z.strictObject({
  name: z.string().max(1000),
  type: z.string().max(100),
  options: z.record(z.string(), z.unknown()).nullable().optional(),
  description: z.string().max(20_000).nullable().optional(),
});
export type FieldInput = z.infer<typeof fieldInputSchema>;
export const fieldPatchSchema = fieldInputSchema.partial();
export type FieldPatch = z.infer<typeof fieldPatchSchema>;

/**
 * Airtable-like: the primary field names the record in links, search results and the
 * expanded record's title, so it must read as a single value. Text, numbers (including
 * auto number) and dates do; checkboxes, selects, users and attachments do not.
 */
const PRIMARY_KINDS: ReadonlySet<ValueKind> = new Set(['text', 'number', 'date']);

export function canBePrimary(fieldType: FieldType<any, any>): boolean {
  return PRIMARY_KINDS.has(fieldType.kind);
}

/** Unknown names are bad input (400); computed types exist in the API but not yet here (422). */
export function requireCreatableType(name: string): FieldType<any, any> {
  if ((COMPUTED_TYPE_NAMES as readonly string[]).includes(name)) {
    throw new AppError('INVALID_VALUE', `field type ${JSON.stringify(name)} is not supported yet`, { type: name });
  }
  if (!isStoredTypeName(name)) {
    throw new AppError('INVALID_REQUEST', `unknown field type ${JSON.stringify(name)}`, {
      type: name,
      known: Object.keys(fieldTypes),
    });
  }
  return fieldTypes[name];
}

/** Options through the type's schema; the error names the option at fault. */
export function parseFieldOptions(fieldType: FieldType<any, any>, input: unknown): Record<string, unknown> {
  const parsed = fieldType.options.safeParse(input ?? {});
  if (parsed.success) return parsed.data as Record<string, unknown>;
  const issues = parsed.error.issues.map((issue) => ({ option: issue.path.join('.'), message: issue.message }));
  const first = issues[0]!;
  const where = first.option ? `option ${first.option}` : 'options';
  throw new AppError('INVALID_REQUEST', `${fieldType.name} ${where}: ${first.message}`, { type: fieldType.name, issues });
}
