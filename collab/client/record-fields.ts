import * as Y from 'yjs';

/**
 * A field's value as the grid shows it: a long text's Y.Text as its string, an absent key
 * as null (the server deletes keys of empty values, and keeps empty long texts' Y.Text).
 */
export function readField(fields: Y.Map<unknown>, fieldId: string): unknown {
  const value = fields.get(fieldId);
  if (value === undefined) return null;
  if (value instanceof Y.Text) return value.length ? value.toString() : null;
  return value;
}
