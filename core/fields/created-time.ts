import { dateFromStorage } from '../values/date-value.ts';
import { compareText } from '../values/text.ts';
import type { FieldType } from './field-type.ts';
import { formatDateValue } from './date-format.ts';
import { dateOptions, excelDateFormat, type DateOptions } from './date-options.ts';
import { OPERATORS_BY_KIND } from './operators-by-kind.ts';
import { readOnlyCoerce } from './system-common.ts';

/**
 * The row's created_at. The value is always the UTC instant, whatever `includeTime` says:
 * the option only hides the time on display, and filters compare instants in the base zone.
 */
export const createdTime: FieldType<DateOptions, string> = {
  name: 'createdTime',
  options: dateOptions(true),
  storage: { kind: 'system', column: 'created_at' },
  kind: 'date',
  readOnly: true,
  operators: OPERATORS_BY_KIND.date,
  coerce: readOnlyCoerce,
  toStorage: (value) => value,
  fromStorage: (raw) => dateFromStorage(raw, true),
  format: (value, opts, ctx) => formatDateValue(value, opts, ctx),
  // A moment, always with its time, whatever includeTime says for the grid.
  spreadsheetFormat: () => excelDateFormat(true),
  compare: (a, b) => compareText(a, b),
};
