import type { FieldValues } from '../events/index.ts';
import type { FieldDef, TableSchema } from '../tables/table-schema.ts';
import type { StoredRecord } from './types.ts';

/** A row as SQLite returns it from `t_<tableId>`. */
export type RawRow = Record<string, unknown> & {
  id: number;
  version: number;
  created_at: string;
  updated_at: string;
  created_by: string | null;
  updated_by: string | null;
};

export function valueOf(field: FieldDef, row: Record<string, unknown>): unknown {
  return field.fieldType.fromStorage(row[field.column], field.options);
}

/** Decodes a row through each field's type into the API's value shapes. */
export function toStoredRecord(schema: TableSchema, row: RawRow, fields: readonly FieldDef[] = schema.fields): StoredRecord {
  const values: FieldValues = {};
  for (const field of fields) values[field.id] = valueOf(field, row);
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: row.created_by,
    updatedBy: row.updated_by,
    values,
  };
}

/** Fields whose values are columns of their own, i.e. what a write can set. */
export function columnFields(schema: TableSchema): FieldDef[] {
  return schema.fields.filter((field) => field.fieldType.storage.kind === 'column');
}
