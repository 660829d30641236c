import type { FieldType } from './field-type.ts';
import { numberKind } from './number-common.ts';
import { readOnlyCoerce } from './system-common.ts';
import { noOptions, type NoOptions } from './text-common.ts';

/** The row's own INTEGER PRIMARY KEY: increasing, never reused while the row exists. */
export const autoNumber: FieldType<NoOptions, number> = {
  ...numberKind,
  name: 'autoNumber',
  options: noOptions,
  storage: { kind: 'system', column: 'id' },
  readOnly: true,
  coerce: readOnlyCoerce,
  format: (value) => (value === null ? '' : String(value)),
};
