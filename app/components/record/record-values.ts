import * as Y from 'yjs';
import { readField } from '../../../collab/client/index.ts';
import { isStoredTypeName, requireFieldType, type CoerceResult, type FieldType } from '../../../core/fields/index.ts';
import { epochToWallTime } from '../../../core/values/time-zone.ts';
import type { FieldJson } from '../schema/types.ts';

// The record panel's editing, by value kind: what an input shows for a value and what a
// typed text becomes. Parsing is the field type's own typecast coerce, the same as paste
// and import, so "¥1,234.50", "12%" and "2024年1月5日" work here too.

export type EditorKind = 'text' | 'number' | 'boolean' | 'date' | 'select' | 'multi' | 'user' | 'attachment' | 'readOnly';

export function fieldTypeOf(field: FieldJson): FieldType<any, any> | undefined {
  return isStoredTypeName(field.type) ? requireFieldType(field.type) : undefined;
}

/** Computed and system fields are shown, never edited; the rest by their value kind. */
export function editorKind(field: FieldJson): EditorKind {
  const fieldType = fieldTypeOf(field);
  if (!fieldType || fieldType.readOnly || fieldType.storage.kind !== 'column') return 'readOnly';
  return fieldType.kind === 'select' ? 'select' : fieldType.kind;
}

/** Options through the type's schema (defaults filled in), or undefined if they do not parse. */
export function optionsOf(field: FieldJson): Record<string, unknown> | undefined {
  const parsed = fieldTypeOf(field)?.options.safeParse(field.options);
  return parsed?.success ? (parsed.data as Record<string, unknown>) : undefined;
}

/**
 * The text a text or number input starts from. Numbers show every decimal they have (the
 * field's precision is for display; editing a rounded "1,234.57" would lose the rest).
 */
export function editText(field: FieldJson, value: unknown, locale: string, timeZone: string): string {
  if (value === null || value === undefined) return '';
  const fieldType = fieldTypeOf(field);
  const options = optionsOf(field);
  if (!fieldType || !options) return typeof value === 'string' ? value : JSON.stringify(value);
  if (fieldType.kind === 'number' && typeof value === 'number') {
    return fieldType.format(value, { ...options, precision: undefined }, { locale, timeZone });
  }
  return typeof value === 'string' ? value : fieldType.format(value, options, { locale, timeZone });
}

/** Typed text → the field's value, or the type's reason it is not one. */
export function parseInput(field: FieldJson, input: unknown, timeZone: string): CoerceResult<unknown> {
  const fieldType = fieldTypeOf(field);
  const options = optionsOf(field);
  if (!fieldType || !options) return { ok: false, error: 'this field cannot be edited here' };
  return fieldType.coerce(input, options, { typecast: true, timeZone });
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A date value for `<input type="date">` or `"datetime-local"`: the day as stored, or the
 * instant as a wall time in the field's zone (else the base's), which is how coerce reads
 * it back.
 */
export function dateInput(field: FieldJson, value: unknown, timeZone: string): { type: 'date' | 'datetime-local'; value: string } {
  const options = optionsOf(field) ?? {};
  const includeTime = options.includeTime === true;
  const type = includeTime ? 'datetime-local' : 'date';
  if (typeof value !== 'string' || !value) return { type, value: '' };
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { type, value: includeTime ? `${value}T00:00` : value };
  const epoch = Date.parse(value);
  if (Number.isNaN(epoch)) return { type, value: '' };
  const wall = epochToWallTime(epoch, typeof options.timeZone === 'string' ? options.timeZone : timeZone);
  const day = `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
  return { type, value: includeTime ? `${day}T${pad(wall.hour)}:${pad(wall.minute)}` : day };
}

/** The API expands user ids to `{id, email, name}`; the doc and the types hold the id. */
export function normalizeValue(field: FieldJson, value: unknown): unknown {
  const fieldType = fieldTypeOf(field);
  if (fieldType?.kind === 'user' && value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string') {
    return (value as { id: string }).id;
  }
  return value ?? null;
}

/**
 * What the panel shows for a field: the record doc's value once it has synced (it is the
 * live one, with everyone's edits), else the row's value from the grid or the API.
 */
export function currentValue(field: FieldJson, values: Readonly<Record<string, unknown>>, doc: Y.Map<unknown> | null): unknown {
  if (doc && editorKind(field) !== 'readOnly') return readField(doc, field.id);
  return normalizeValue(field, values[field.id]);
}

/** Sets a field in the record doc as the server expects: null deletes the key. */
export function writeValue(doc: Y.Map<unknown>, fieldId: string, value: unknown): void {
  const current = doc.get(fieldId);
  if (current instanceof Y.Text) {
    // A long text set from a plain input: rewrite its Y.Text rather than replace it, so a
    // collaborator typing in it keeps their place.
    const text = typeof value === 'string' ? value : '';
    current.doc!.transact(() => {
      current.delete(0, current.length);
      current.insert(0, text);
    });
    return;
  }
  if (value === null || value === undefined) doc.delete(fieldId);
  else doc.set(fieldId, value);
}
