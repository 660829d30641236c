import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/index.ts';

// The import tables of migration 0004, typed here beside their only users rather than in
// the shared meta schema.
export interface ImportJobsTable {
  id: string;
  base_id: string;
  created_by: string;
  status: ImportStatus;
  format: string;
  file_name: string;
  file_path: string | null;
  plan: string;
  rows_done: number;
  rows_total: number | null;
  bytes_done: number;
  bytes_total: number;
  created: number;
  updated: number;
  skipped: number;
  tables: string;
  error_count: number;
  failure: string | null;
  cancel_requested: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}
export type ImportJobRow = Selectable<ImportJobsTable>;

export interface ImportErrorsTable {
  import_id: string;
  seq: number;
  sheet: string | null;
  row: number;
  column: string;
  value: string;
  reason: string;
}

export interface ImportUndoTable {
  id: number | undefined;
  import_id: string;
  table_id: string;
  first_id: number;
  last_id: number;
  /** Null: records first_id..last_id were created. Else the JSON values record first_id had before. */
  before: string | null;
}

interface ImportSchema {
  import_jobs: ImportJobsTable;
  import_errors: ImportErrorsTable;
  import_undo: ImportUndoTable;
}

export const IMPORT_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const kysely = (db: Database) => db.kysely as unknown as Kysely<ImportSchema>;

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** "imp" + 14 random characters, like the other ids of server/db/ids.ts. */
export function newImportId(): string {
  return `imp${Array.from(randomBytes(14), (b) => ALPHABET[b % ALPHABET.length]).join('')}`;
}

export function insertJob(db: Database, row: ImportJobsTable): void {
  db.run(kysely(db).insertInto('import_jobs').values(row));
}

export function findJob(db: Database, id: string): ImportJobRow | undefined {
  return db.first(kysely(db).selectFrom('import_jobs').selectAll().where('id', '=', id));
}

export function findJobsWithStatus(db: Database, statuses: readonly ImportStatus[]): ImportJobRow[] {
  return db.all(kysely(db).selectFrom('import_jobs').selectAll().where('status', 'in', statuses));
}

export function updateJob(db: Database, id: string, changes: Partial<Omit<ImportJobsTable, 'id'>>): void {
  db.run(kysely(db).updateTable('import_jobs').set(changes).where('id', '=', id));
}

export function insertErrors(db: Database, rows: ImportErrorsTable[]): void {
  // Several rows per statement; 7 columns × 100 rows stays far below SQLite's bound-parameter limit.
  for (let start = 0; start < rows.length; start += 100) db.run(kysely(db).insertInto('import_errors').values(rows.slice(start, start + 100)));
}

export function findErrors(db: Database, id: string, offset: number, limit: number): ImportErrorsTable[] {
  return db.all(kysely(db).selectFrom('import_errors').selectAll().where('import_id', '=', id).orderBy('seq').limit(limit).offset(offset));
}

export function insertUndo(db: Database, rows: Array<Omit<ImportUndoTable, 'id'>>): void {
  for (let start = 0; start < rows.length; start += 100) db.run(kysely(db).insertInto('import_undo').values(rows.slice(start, start + 100)));
}

/** Newest first: undoing in reverse order restores the oldest before-values last. */
export function findUndo(db: Database, id: string, tableId: string): Selectable<ImportUndoTable>[] {
  return db.all(kysely(db).selectFrom('import_undo').selectAll().where('import_id', '=', id).where('table_id', '=', tableId).orderBy('id', 'desc'));
}

export function deleteUndo(db: Database, id: string): void {
  db.run(kysely(db).deleteFrom('import_undo').where('import_id', '=', id));
}

/** Adds one batch's counts to the job, in the batch's transaction. */
export function addProgress(db: Database, id: string, add: { rows: number; created: number; updated: number; skipped: number; errors: number; bytesDone: number }): void {
  db.run(
    kysely(db)
      .updateTable('import_jobs')
      .set((eb) => ({
        rows_done: eb('rows_done', '+', add.rows),
        created: eb('created', '+', add.created),
        updated: eb('updated', '+', add.updated),
        skipped: eb('skipped', '+', add.skipped),
        error_count: eb('error_count', '+', add.errors),
        bytes_done: add.bytesDone,
      }))
      .where('id', '=', id),
  );
}
