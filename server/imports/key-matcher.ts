import type { CoerceContext } from '../../core/fields/field-type.ts';
import type { Database } from '../db/index.ts';
import type { FieldDef, TableSchema } from '../tables/index.ts';
import type { CellProblem, PendingRow } from './pending-row.ts';

/**
 * Upsert by a key field: a row whose key matches a record becomes an update of it, others
 * are created. Keys compare as stored (after the field type's coerce), so "138-0013-8000"
 * finds the phone stored as "138 0013 8000". A key seen earlier in the file is a duplicate:
 * the later row is skipped and reported. Remembers every key of the file (one string each).
 */
export class KeyMatcher {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly db: Database,
    private readonly schema: TableSchema,
    private readonly key: { header: string; field: FieldDef },
    private readonly coerceContext: CoerceContext,
    private readonly lookupExisting: boolean,
  ) {}

  /** Splits rows into creates and updates; bad and duplicate keys go to `problems`. */
  match(rows: PendingRow[], problems: CellProblem[]): { creates: PendingRow[]; updates: Array<PendingRow & { id: number }>; skipped: number } {
    const { field, header } = this.key;
    const keyed: Array<{ row: PendingRow; stored: string | number }> = [];
    const creates: PendingRow[] = [];
    let skipped = 0;
    for (const row of rows) {
      const input = row.values[field.id];
      const result = input === undefined ? ({ ok: true, value: null } as const) : field.fieldType.coerce(input, field.options, this.coerceContext);
      if (!result.ok) {
        problems.push({ row: row.row, column: header, value: row.text(header), reason: `the key cannot be read, so the row was skipped: ${result.error}` });
        skipped++;
        continue;
      }
      const stored = field.fieldType.toStorage(result.value, field.options);
      if (stored === null) {
        creates.push(row);
        continue;
      }
      const seenAt = this.seen.get(String(stored));
      if (seenAt !== undefined) {
        problems.push({ row: row.row, column: header, value: row.text(header), reason: `duplicate key: row ${seenAt} has the same ${header}; this row was skipped` });
        skipped++;
        continue;
      }
      this.seen.set(String(stored), row.row);
      keyed.push({ row, stored });
    }
    const existing = this.lookupExisting ? this.findIds(keyed.map((k) => k.stored)) : new Map<string, number>();
    const updates: Array<PendingRow & { id: number }> = [];
    for (const { row, stored } of keyed) {
      const id = existing.get(String(stored));
      if (id === undefined) creates.push(row);
      else updates.push(Object.assign(row, { id }));
    }
    return { creates, updates, skipped };
  }

  /** The lowest record id per stored key value. */
  private findIds(keys: Array<string | number>): Map<string, number> {
    const ids = new Map<string, number>();
    const column = this.key.field.column;
    for (let start = 0; start < keys.length; start += 500) {
      const chunk = keys.slice(start, start + 500);
      const sql = `SELECT id, "${column}" AS k FROM "${this.schema.sqlTable}" WHERE "${column}" IN (${chunk.map(() => '?').join(', ')}) ORDER BY id`;
      for (const row of this.db.prepare(sql).all(...chunk) as Array<{ id: number; k: string | number }>) {
        if (!ids.has(String(row.k))) ids.set(String(row.k), row.id);
      }
    }
    return ids;
  }
}
