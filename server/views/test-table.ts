import BetterSqlite3 from 'better-sqlite3';
import type { Field } from '../../core/fields/field-type.ts';
import { requireFieldType } from '../../core/fields/registry.ts';
import { Database } from '../db/index.ts';
import { fieldColumnName, userTableName } from './columns.ts';

/**
 * Test support: an in-memory database holding one user table `t_<tableId>` with the
 * columns of `fields`, and rows given as values (written through each type's toStorage).
 */
export function memoryTable(tableId: string, fields: readonly Field[], rows: Record<string, unknown>[]): Database {
  const db = new Database(new BetterSqlite3(':memory:'));
  const columns = fields.filter((f) => requireFieldType(f.type).storage.kind === 'column');
  const table = userTableName(tableId);
  db.sqlite.exec(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY, version INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL DEFAULT '2024-01-01T00:00:00.000Z', updated_at TEXT NOT NULL DEFAULT '2024-01-01T00:00:00.000Z',
    created_by TEXT, updated_by TEXT${columns.map((f) => `, ${fieldColumnName(f, requireFieldType(f.type))}`).join('')})`);
  for (const row of rows) {
    const names = columns.map((f) => fieldColumnName(f, requireFieldType(f.type)));
    const values = columns.map((f) => requireFieldType(f.type).toStorage(row[f.id] ?? null, f.options));
    db.sqlite.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(...values);
  }
  return db;
}
