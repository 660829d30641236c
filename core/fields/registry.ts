import { attachment } from './attachment.ts';
import { autoNumber } from './auto-number.ts';
import { checkbox } from './checkbox.ts';
import { createdBy } from './created-by.ts';
import { createdTime } from './created-time.ts';
import { currency } from './currency.ts';
import { date } from './date.ts';
import { email } from './email.ts';
import type { FieldType, StoredTypeName } from './field-type.ts';
import { lastModifiedBy } from './last-modified-by.ts';
import { lastModifiedTime } from './last-modified-time.ts';
import { longText } from './long-text.ts';
import { multipleSelects } from './multiple-selects.ts';
import { number } from './number.ts';
import { percent } from './percent.ts';
import { phoneNumber } from './phone-number.ts';
import { rating } from './rating.ts';
import { singleLineText } from './single-line-text.ts';
import { singleSelect } from './single-select.ts';
import { url } from './url.ts';
import { user } from './user.ts';

/** Every stored field type by its API name; a type missing here fails to compile. */
export const fieldTypes = {
  singleLineText,
  longText,
  number,
  currency,
  percent,
  date,
  checkbox,
  singleSelect,
  multipleSelects,
  email,
  phoneNumber,
  url,
  rating,
  user,
  attachment,
  autoNumber,
  createdTime,
  lastModifiedTime,
  createdBy,
  lastModifiedBy,
} satisfies Record<StoredTypeName, FieldType<any, any>>;

export function isStoredTypeName(name: string): name is StoredTypeName {
  return Object.hasOwn(fieldTypes, name);
}

export function requireFieldType(name: string): FieldType<any, any> {
  if (!isStoredTypeName(name)) throw new Error(`unknown field type ${JSON.stringify(name)}`);
  return fieldTypes[name];
}
