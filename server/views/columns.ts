import { sql, type RawBuilder } from 'kysely';
import type { Field, FieldType } from '../../core/fields/field-type.ts';
import { requireSafeId } from '../db/index.ts';

/** `t_<tableId>`; ids are checked again here because they become SQL identifiers. */
export function userTableName(tableId: string): string {
  return `t_${requireSafeId(tableId)}`;
}

/** The column a field's value lives in: `f_<fieldId>`, or the system column its type reads. */
export function fieldColumnName(field: Field, type: FieldType): string {
  return type.storage.kind === 'column' ? `f_${requireSafeId(field.id)}` : type.storage.column;
}

/**
 * A table-qualified column reference. Qualified because filters put columns inside
 * json_each subqueries, whose own columns (`id`, `value`, …) would otherwise shadow ours.
 */
export function columnRef(tableId: string, field: Field, type: FieldType): RawBuilder<unknown> {
  return sql.ref(`${userTableName(tableId)}.${fieldColumnName(field, type)}`);
}

/** A JSON array column as something json_each can always read: garbage and NULL read as []. */
export function safeJsonArray(column: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`(CASE WHEN json_valid(${column}) THEN ${column} ELSE '[]' END)`;
}
