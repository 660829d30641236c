import type { Database } from '../db/index.ts';
import type { FieldDef, TableSchema } from '../tables/index.ts';
import type { CellProblem } from './pending-row.ts';

/** Which rows of a batch create records and which update the record their key found. */
export interface KeySplit {
  creates: number[];
  updates: Array<{ index: number; id: number }>;
  skipped: number;
}

/**
 * Upsert by a key field: a row whose key matches a record becomes an update of it, others
 * are created. Keys compare as stored (after the field type's coerce, done with the rest of
 * the row), so "138-0013-8000" finds the phone stored as "138 0013 8000". A key seen earlier
 * in the file is a duplicate: the later row is skipped and reported. Remembers every key of
 * the file (one string each).
 */
export class KeyMatcher {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly db: Database,
    private readonly schema: TableSchema,
    private readonly key: { header: string; field: FieldDef },
    private readonly lookupExisting: boolean,
  ) {}

  /** `keys`: each row's stored key; duplicates go to `problems`. */
  match(rows: ArrayLike<number>, keys: ArrayLike<string | number | null>, keyText: readonly string[], problems: CellProblem[]): KeySplit {
    const { header } = this.key;
    const keyed: Array<{ index: number; stored: string | number }> = [];
    const creates: number[] = [];
    let skipped = 0;
    for (let index = 0; index < rows.length; index++) {
      const stored = keys[index] ?? null;
      if (stored === null) {
        creates.push(index);
        continue;
      }
      const seenAt = this.seen.get(String(stored));
      if (seenAt !== undefined) {
        problems.push({ row: rows[index]!, column: header, value: keyText[index] ?? '', reason: `duplicate key: row ${seenAt} has the same ${header}; this row was skipped` });
        skipped++;
        continue;
      }
      this.seen.set(String(stored), rows[index]!);
      keyed.push({ index, stored });
    }
    const existing = this.lookupExisting ? this.findIds(keyed.map((k) => k.stored)) : new Map<string, number>();
    const updates: KeySplit['updates'] = [];
    for (const { index, stored } of keyed) {
      const id = existing.get(String(stored));
      if (id === undefined) creates.push(index);
      else updates.push({ index, id });
    }
    creates.sort((a, b) => a - b);
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
