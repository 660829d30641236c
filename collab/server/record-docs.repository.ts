import type { Database } from '../../server/db/index.ts';

// The Yjs state of record docs (migration 0003). Raw statements: `record_docs` holds a BLOB
// and is only ever touched here, so it is not part of the typed meta schema.

export function findDocState(db: Database, tableId: string, recordId: number): Uint8Array | undefined {
  const row = db.prepare('SELECT state FROM record_docs WHERE table_id = ? AND record_id = ?').get(tableId, recordId) as
    | { state: Buffer }
    | undefined;
  return row ? new Uint8Array(row.state.buffer, row.state.byteOffset, row.state.byteLength) : undefined;
}

export function upsertDocState(db: Database, tableId: string, recordId: number, state: Uint8Array, at: string): void {
  db.prepare(
    `INSERT INTO record_docs (table_id, record_id, state, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (table_id, record_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
  ).run(tableId, recordId, Buffer.from(state.buffer, state.byteOffset, state.byteLength), at);
}

export function deleteDocState(db: Database, tableId: string, recordId: number): void {
  db.prepare('DELETE FROM record_docs WHERE table_id = ? AND record_id = ?').run(tableId, recordId);
}

export function deleteTableDocStates(db: Database, tableId: string): void {
  db.prepare('DELETE FROM record_docs WHERE table_id = ?').run(tableId);
}
