import type { Database } from '../db/index.ts';
import type { ChangeOrigin } from '../events/index.ts';

export interface HistoryEntry {
  tableId: string;
  recordId: number;
  action: 'create' | 'update' | 'delete';
  /** `{ [fieldId]: [before, after] }` */
  changes: Record<string, [unknown, unknown]>;
  actorId: string | null;
  origin: ChangeOrigin;
  at: string;
  depth: number;
}

const OUTBOX_ACTIONS = { create: 'created', update: 'updated', delete: 'deleted' } as const;

/** Writes the history row and its outbox event; runs inside the write path's transaction. */
export function appendHistory(db: Database, entry: HistoryEntry): void {
  const info = db
    .prepare('INSERT INTO record_history (table_id, record_id, action, changes, actor_id, origin, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(entry.tableId, entry.recordId, entry.action, JSON.stringify(entry.changes), entry.actorId, entry.origin, entry.at);
  db.prepare('INSERT INTO outbox (table_id, record_id, action, history_id, depth, at) VALUES (?, ?, ?, ?, ?, ?)').run(
    entry.tableId,
    entry.recordId,
    OUTBOX_ACTIONS[entry.action],
    Number(info.lastInsertRowid),
    entry.depth,
    entry.at,
  );
}

/**
 * History and outbox rows for many created records in two statements: creates carry no
 * values (the row holds them), so the rows differ only in their record id. Hot for imports.
 */
export function appendCreateHistory(db: Database, recordIds: readonly number[], meta: Omit<HistoryEntry, 'recordId' | 'action' | 'changes'>): void {
  if (!recordIds.length) return;
  const info = db
    .prepare(
      "INSERT INTO record_history (table_id, record_id, action, changes, actor_id, origin, at) SELECT ?, value, 'create', '{}', ?, ?, ? FROM json_each(?) ORDER BY key",
    )
    .run(meta.tableId, meta.actorId, meta.origin, meta.at, JSON.stringify(recordIds));
  // One INSERT … SELECT numbers its rows consecutively, so the batch is this id range.
  const last = Number(info.lastInsertRowid);
  db.prepare(
    "INSERT INTO outbox (table_id, record_id, action, history_id, depth, at) SELECT table_id, record_id, 'created', id, ?, at FROM record_history WHERE id BETWEEN ? AND ? ORDER BY id",
  ).run(meta.depth, last - recordIds.length + 1, last);
}

export interface HistoryRow {
  id: number;
  action: string;
  changes: Record<string, [unknown, unknown]>;
  actorId: string | null;
  origin: string;
  at: string;
}

export function findHistory(db: Database, tableId: string, recordId: number, limit = 200): HistoryRow[] {
  const rows = db
    .prepare(
      'SELECT id, action, changes, actor_id, origin, at FROM record_history WHERE table_id = ? AND record_id = ? ORDER BY id DESC LIMIT ?',
    )
    .all(tableId, recordId, limit) as Array<{ id: number; action: string; changes: string; actor_id: string | null; origin: string; at: string }>;
  return rows.map((row) => ({
    id: row.id,
    action: row.action,
    changes: JSON.parse(row.changes) as Record<string, [unknown, unknown]>,
    actorId: row.actor_id,
    origin: row.origin,
    at: row.at,
  }));
}
