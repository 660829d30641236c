import type { FieldType } from './field-type.ts';
import { readOnlyCoerce } from './system-common.ts';
import type { NoOptions } from './text-common.ts';
import { userKind } from './user.ts';

/** The row's updated_by: who made the last change to the record. */
export const lastModifiedBy: FieldType<NoOptions, string> = {
  ...userKind,
  name: 'lastModifiedBy',
  storage: { kind: 'system', column: 'updated_by' },
  readOnly: true,
  coerce: readOnlyCoerce,
};
