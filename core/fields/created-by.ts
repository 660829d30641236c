import type { FieldType } from './field-type.ts';
import { readOnlyCoerce } from './system-common.ts';
import type { NoOptions } from './text-common.ts';
import { userKind } from './user.ts';

/** The row's created_by: who created the record. */
export const createdBy: FieldType<NoOptions, string> = {
  ...userKind,
  name: 'createdBy',
  storage: { kind: 'system', column: 'created_by' },
  readOnly: true,
  coerce: readOnlyCoerce,
};
