import * as Y from 'yjs';
import type { CoerceContext } from '../../core/fields/field-type.ts';
import type { FieldValues } from '../../server/events/index.ts';
import type { FieldDef, TableSchema } from '../../server/tables/table-schema.ts';
import { FIELDS_MAP } from '../protocol.ts';

/**
 * The origin of every change the server makes to a record doc (reconciling to SQL, applying
 * other origins' writes, reverting refused values). Client edits are the transactions whose
 * origin is a Hocuspocus Connection; this one never goes back to the write path.
 */
export const SERVER_ORIGIN = Symbol('tessera.collab.server');

/**
 * Long text is the one type whose value is a shared Y.Text, so two people can type in the
 * same note. This is the single place collab names a field type: FieldType has no
 * "collaborative text" capability yet (asked of the core/fields owner, see decision 0020).
 */
export function isCollaborativeText(field: FieldDef): boolean {
  return field.type === 'longText';
}

/** Only values someone may write live in docs: computed and system fields never do. */
export function isDocField(field: FieldDef): boolean {
  return field.fieldType.storage.kind === 'column' && !field.fieldType.readOnly;
}

export function fieldsOf(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(FIELDS_MAP);
}

export function coerceContextOf(schema: TableSchema): CoerceContext {
  return { typecast: false, timeZone: schema.timeZone };
}

/**
 * A doc's value for a key as write-path input: a Y.Text is its string, an absent key is
 * null. Undefined for what no field can hold (a nested Y.Map or Y.Array a client put there).
 */
export function readDocValue(map: Y.Map<unknown>, key: string): { value: unknown } | undefined {
  const value = map.get(key);
  if (value === undefined) return { value: null };
  if (value instanceof Y.Text) return { value: value.toString() };
  if (value instanceof Y.AbstractType) return undefined;
  return { value };
}

/** Whether the doc already shows `target` (the SQL value) for this field. */
export function holdsValue(field: FieldDef, current: unknown, target: unknown, ctx: CoerceContext): boolean {
  if (isCollaborativeText(field)) {
    if (!(current instanceof Y.Text)) return false;
    // Lenient on purpose: "  " and "" both store as null, and rewriting the space someone
    // just typed would fight their editor.
    const read = field.fieldType.coerce(current.toString(), field.options, ctx);
    return read.ok && jsonEqual(read.value ?? null, target ?? null);
  }
  if (current instanceof Y.AbstractType) return false;
  return jsonEqual(current ?? null, target ?? null);
}

/**
 * Makes the doc show `target` for one field; call inside a server-origin transaction. Null
 * deletes the key, except for long text, whose Y.Text stays (empty) so that concurrent
 * typists share one Y.Text instead of racing to create it. Returns whether it changed.
 */
export function applyValue(map: Y.Map<unknown>, field: FieldDef, target: unknown, ctx: CoerceContext): boolean {
  const current = map.get(field.id);
  if (holdsValue(field, current, target, ctx)) return false;
  if (isCollaborativeText(field)) {
    const text = typeof target === 'string' ? target : '';
    if (current instanceof Y.Text) setText(current, text);
    else map.set(field.id, new Y.Text(text));
  } else if (target === null || target === undefined) {
    map.delete(field.id);
  } else {
    map.set(field.id, target);
  }
  return true;
}

/**
 * Brings a doc to a row's values with server-origin changes: every editable field set,
 * null values' keys deleted, keys of no (longer) editable field removed.
 */
export function reconcile(doc: Y.Doc, schema: TableSchema, values: FieldValues): void {
  const map = fieldsOf(doc);
  const ctx = coerceContextOf(schema);
  doc.transact(() => {
    const editable = new Set<string>();
    for (const field of schema.fields) {
      if (!isDocField(field)) continue;
      editable.add(field.id);
      applyValue(map, field, values[field.id] ?? null, ctx);
    }
    for (const key of [...map.keys()]) if (!editable.has(key)) map.delete(key);
  }, SERVER_ORIGIN);
}

/** Rewrites only the differing middle, so a concurrent typist's cursor and text survive. */
export function setText(text: Y.Text, target: string): void {
  const current = text.toString();
  if (current === target) return;
  const max = Math.min(current.length, target.length);
  let start = 0;
  while (start < max && current.charCodeAt(start) === target.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && current.charCodeAt(current.length - 1 - end) === target.charCodeAt(target.length - 1 - end)) end++;
  // Never split a surrogate pair (emoji): Yjs would encode half a character.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--;
  if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end--;
  const removed = current.length - start - end;
  if (removed > 0) text.delete(start, removed);
  const inserted = target.slice(start, target.length - end);
  if (inserted) text.insert(start, inserted);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Structural equality of JSON values (field values are JSON: strings, numbers, arrays, objects). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => Object.hasOwn(right, key) && jsonEqual(left[key], right[key]));
}
