import type { ValueKind } from '../fields/field-type.ts';

/**
 * What "empty" means per kind, for `isEmpty`/`isNotEmpty` and for sorting empties last.
 * Text-like kinds treat '' like NULL (an imported blank cell is empty, not a value);
 * a checkbox is empty when unchecked (anything but 1, NULL included); arrays are empty with no elements.
 * compile-filter.ts (server/views) states the same rules in SQL.
 */
export function isEmptyValue(kind: ValueKind, value: unknown): boolean {
  switch (kind) {
    case 'text': case 'date': case 'select': case 'user':
      return value === null || value === undefined || value === '';
    case 'number':
      return typeof value !== 'number';
    case 'boolean':
      return !isChecked(value);
    case 'multi': case 'attachment':
      return !Array.isArray(value) || value.length === 0;
  }
}

/** Checked is `true`, or 1 as stored — exactly what the checkbox type's fromStorage reads as true. */
export function isChecked(value: unknown): boolean {
  return value === true || value === 1;
}
