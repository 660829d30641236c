import { formatRecordId } from '../../core/record-id.ts';
import type { AppContext } from '../context.ts';
import type { StoredRecord } from '../records/index.ts';
import type { FieldDef } from '../tables/table-schema.ts';

export interface ApiRecord {
  id: string;
  createdTime: string;
  fields: Record<string, unknown>;
}

export interface RecordJsonOptions {
  /** Key fields by id instead of name (`returnFieldsByFieldId=true`). */
  byFieldId: boolean;
  fields: readonly FieldDef[];
}

/**
 * Records in the API's shape. Empty values (and unchecked checkboxes) are left out, as Airtable does; user ids are
 * expanded to `{id, email, name}` with one query for the whole page.
 */
export function toApiRecords(ctx: AppContext, records: readonly StoredRecord[], options: RecordJsonOptions): ApiRecord[] {
  const userFields = options.fields.filter((field) => field.fieldType.kind === 'user');
  const users = userFields.length ? loadUsers(ctx, records, userFields) : new Map<string, unknown>();
  return records.map((record) => {
    const fields: Record<string, unknown> = {};
    for (const field of options.fields) {
      let value = record.values[field.id];
      if (value === null || value === undefined || value === false || (Array.isArray(value) && value.length === 0)) continue;
      if (field.fieldType.kind === 'user' && typeof value === 'string') value = users.get(value) ?? { id: value };
      fields[options.byFieldId ? field.id : field.name] = value;
    }
    return { id: formatRecordId(record.id), createdTime: record.createdAt, fields };
  });
}

function loadUsers(ctx: AppContext, records: readonly StoredRecord[], userFields: readonly FieldDef[]): Map<string, unknown> {
  const ids = new Set<string>();
  for (const record of records) {
    for (const field of userFields) {
      const value = record.values[field.id];
      if (typeof value === 'string') ids.add(value);
    }
  }
  if (!ids.size) return new Map();
  const rows = ctx.db.all(ctx.db.kysely.selectFrom('users').select(['id', 'email', 'name']).where('id', 'in', [...ids]));
  return new Map(rows.map((row) => [row.id, row]));
}
