import { fieldTypes, isStoredTypeName, type StoredTypeName, type ValueKind } from '../../../core/fields/index.ts';

/** The type picker's sections; every stored type in exactly one (checked by a test). */
export const TYPE_GROUPS = {
  basic: ['singleLineText', 'longText', 'number', 'currency', 'percent', 'date', 'checkbox', 'singleSelect', 'multipleSelects', 'rating'],
  contact: ['email', 'phoneNumber', 'url', 'user', 'attachment'],
  automatic: ['autoNumber', 'createdTime', 'lastModifiedTime', 'createdBy', 'lastModifiedBy'],
} as const satisfies Record<string, readonly StoredTypeName[]>;
export type TypeGroup = keyof typeof TYPE_GROUPS;

// As server/tables/field-input.ts's canBePrimary: the primary field names the record, so
// it must read as one value.
const PRIMARY_KINDS: ReadonlySet<ValueKind> = new Set(['text', 'number', 'date']);

export function canBePrimaryType(typeName: StoredTypeName): boolean {
  return PRIMARY_KINDS.has(fieldTypes[typeName].kind);
}

/** A field's type as a stored type name, or undefined for computed types (not editable here yet). */
export function storedTypeOf(type: string): StoredTypeName | undefined {
  return isStoredTypeName(type) ? type : undefined;
}
