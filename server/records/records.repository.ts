import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from '../db/index.ts';
import type { FieldDef, TableSchema } from '../tables/table-schema.ts';
import type { RawRow } from './record-rows.ts';

type SqlValue = string | number | null;

// Statements are built from generated identifiers only and cached by their text.

/** The INSERT of `rows` new rows of `fields` (system columns first), cached per row count. */
export function insertStatement(db: Database, schema: TableSchema, fields: readonly FieldDef[], rows = 1): BetterSqlite3.Statement {
  const columns = ['version', 'created_at', 'updated_at', 'created_by', 'updated_by', ...fields.map((f) => f.column)];
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  return db.prepare(`INSERT INTO "${schema.sqlTable}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${Array(rows).fill(tuple).join(', ')}`);
}

/**
 * The INSERT of `rows` new rows of `fields` where every row shares its time (`@at`) and
 * author (`@by`): bound once per statement instead of four times a row. The field values
 * are the anonymous parameters: `run(values, { at, by })`.
 */
export function insertSharedMetaStatement(db: Database, schema: TableSchema, fields: readonly FieldDef[], rows: number): BetterSqlite3.Statement {
  const columns = ['version', 'created_at', 'updated_at', 'created_by', 'updated_by', ...fields.map((f) => f.column)];
  const tuple = `(1, @at, @at, @by, @by${', ?'.repeat(fields.length)})`;
  return db.prepare(`INSERT INTO "${schema.sqlTable}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${Array(rows).fill(tuple).join(', ')}`);
}

export function findRow(db: Database, schema: TableSchema, id: number): RawRow | undefined {
  return db.prepare(`SELECT * FROM "${schema.sqlTable}" WHERE id = ?`).get(id) as RawRow | undefined;
}

export function findRows(db: Database, schema: TableSchema, ids: readonly number[]): RawRow[] {
  const rows: RawRow[] = [];
  // Chunks keep the statement under SQLite's bound-parameter limit.
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500);
    const sql = `SELECT * FROM "${schema.sqlTable}" WHERE id IN (${chunk.map(() => '?').join(', ')})`;
    rows.push(...(db.prepare(sql).all(...chunk) as RawRow[]));
  }
  return rows;
}

export function updateRow(db: Database, schema: TableSchema, id: number, fields: readonly FieldDef[], values: SqlValue[], meta: {
  at: string;
  by: string | null;
}): RawRow {
  const sets = fields.map((f) => `"${f.column}" = ?`).join(', ');
  const sql = `UPDATE "${schema.sqlTable}" SET ${sets}, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? RETURNING *`;
  return db.prepare(sql).get(...values, meta.at, meta.by, id) as RawRow;
}

export function deleteRow(db: Database, schema: TableSchema, id: number): void {
  db.prepare(`DELETE FROM "${schema.sqlTable}" WHERE id = ?`).run(id);
}
