import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { ChangeOrigin, FieldValues, RecordChange } from '../events/index.ts';
import type { FieldDef, TableSchema } from '../tables/table-schema.ts';
import type { CoercedCell } from './coerce-batch.ts';
import { appendCreateHistory, appendHistory } from './history.repository.ts';
import { toStoredRecord, valueOf } from './record-rows.ts';
import { deleteRow, findRow, insertSharedMetaStatement, insertStatement, updateRow } from './records.repository.ts';
import type { StoredRecord } from './types.ts';

// The three kinds of row change, each writing its rows, history and outbox event. They run
// inside the write path's transaction and collect the RecordChanges it emits after commit.

export interface ChangeMeta {
  at: string;
  by: string | null;
  origin: ChangeOrigin;
  depth: number;
  tableId: string;
}

/**
 * Inserts new rows. Hot for imports and pastes: rows go in with multi-row INSERTs (one
 * statement per up to ~60 rows; one INSERT numbers its rows consecutively, so the ids are
 * the range ending at the last one), and each record is built from the coerced values
 * instead of being read back. A create's history row holds no values: the row does, and
 * later updates record their `before`.
 */
export function insertRecords(ctx: AppContext, schema: TableSchema, writable: readonly FieldDef[], creates: readonly CoercedCell[][], meta: ChangeMeta, changes: RecordChange[]): StoredRecord[] {
  const slot = new Map(writable.map((field, index) => [field.id, index]));
  const emptyStored = writable.map((field) => field.fieldType.toStorage(null, field.options));
  const emptyValues = schema.fields.map((field) => [field.id, field.fieldType.fromStorage(null, field.options)] as const);
  const systemFields = schema.fields.filter((field) => field.fieldType.storage.kind === 'system');
  const perStatement = Math.max(1, Math.floor(MAX_BOUND_PARAMETERS / (writable.length + 5)));
  const created: StoredRecord[] = [];
  for (let start = 0; start < creates.length; start += perStatement) {
    const chunk = creates.slice(start, start + perStatement);
    const params: Array<string | number | null> = [];
    const chunkValues: FieldValues[] = [];
    for (const cells of chunk) {
      const stored = emptyStored.slice();
      const values: FieldValues = {};
      for (const [fieldId, empty] of emptyValues) values[fieldId] = empty;
      for (const cell of cells) {
        stored[slot.get(cell.field.id)!] = cell.stored;
        values[cell.field.id] = cell.value ?? values[cell.field.id];
      }
      params.push(1, meta.at, meta.at, meta.by, meta.by, ...stored);
      chunkValues.push(values);
    }
    const last = Number(insertStatement(ctx.db, schema, writable, chunk.length).run(...params).lastInsertRowid);
    chunkValues.forEach((values, index) => {
      const id = last - chunk.length + 1 + index;
      if (systemFields.length) fillSystemValues(systemFields, values, id, meta);
      changes.push({ action: 'created', recordId: id, version: 1, values });
      created.push({ id, version: 1, createdAt: meta.at, updatedAt: meta.at, createdBy: meta.by, updatedBy: meta.by, values });
    });
  }
  appendCreateHistory(ctx.db, created.map((record) => record.id), { tableId: meta.tableId, actorId: meta.by, origin: meta.origin, at: meta.at, depth: meta.depth });
  return created;
}

/** Stored values by field, column-major, for `insertStoredRows`. */
export interface StoredRows {
  /** Per writable field (same order): its stored value per record, or undefined when not set. */
  stored: ReadonlyArray<ArrayLike<string | number | null> | undefined>;
  /** Per writable field: API values where they differ from the stored ones, else undefined. */
  values: ReadonlyArray<ArrayLike<unknown> | undefined>;
  /** The records to insert, as indexes into the columns. */
  rows: ArrayLike<number>;
}

/**
 * `insertRecords` for values already coerced and laid out by column (an import's batch):
 * the same multi-row INSERTs, history, outbox and RecordChanges, without a cell object per
 * value. Returns the new ids in row order.
 */
export function insertStoredRows(ctx: AppContext, schema: TableSchema, writable: readonly FieldDef[], input: StoredRows, meta: ChangeMeta, changes: RecordChange[]): number[] {
  const width = writable.length;
  const emptyStored = writable.map((field) => field.fieldType.toStorage(null, field.options));
  // Every record's values start as a copy of this one (a spread of one shape is a fast clone).
  const emptyRecord: FieldValues = {};
  for (const field of schema.fields) emptyRecord[field.id] = field.fieldType.fromStorage(null, field.options);
  const systemFields = schema.fields.filter((field) => field.fieldType.storage.kind === 'system');
  const perStatement = Math.max(1, Math.floor((MAX_BOUND_PARAMETERS - 2) / Math.max(1, width)));
  const shared = { at: meta.at, by: meta.by };
  const ids: number[] = [];
  const total = input.rows.length;
  let full: ReturnType<typeof insertSharedMetaStatement> | undefined;
  for (let start = 0; start < total; start += perStatement) {
    const count = Math.min(perStatement, total - start);
    const params = new Array<string | number | null>(count * width);
    let p = 0;
    for (let r = start; r < start + count; r++) {
      const row = input.rows[r]!;
      for (let f = 0; f < width; f++) params[p++] = input.stored[f] ? input.stored[f]![row]! : emptyStored[f]!;
    }
    full ??= insertSharedMetaStatement(ctx.db, schema, writable, perStatement);
    const statement = count === perStatement ? full : insertSharedMetaStatement(ctx.db, schema, writable, count);
    const last = Number(statement.run(params, shared).lastInsertRowid);
    for (let r = start; r < start + count; r++) {
      const row = input.rows[r]!;
      const id = last - count + 1 + (r - start);
      const values: FieldValues = { ...emptyRecord };
      for (let f = 0; f < width; f++) {
        const column = input.values[f] ?? input.stored[f];
        if (column) values[writable[f]!.id] = column[row] ?? values[writable[f]!.id];
      }
      if (systemFields.length) fillSystemValues(systemFields, values, id, meta);
      changes.push({ action: 'created', recordId: id, version: 1, values });
      ids.push(id);
    }
  }
  appendCreateHistory(ctx.db, ids, { tableId: meta.tableId, actorId: meta.by, origin: meta.origin, at: meta.at, depth: meta.depth });
  return ids;
}

/** Bound parameters per statement; SQLite allows far more, smaller statements cache better. */
const MAX_BOUND_PARAMETERS = 999;

/** System-column fields (auto number, created/modified time and by) of a fresh row. */
function fillSystemValues(systemFields: readonly FieldDef[], values: FieldValues, id: number, meta: ChangeMeta): void {
  const row: Record<string, unknown> = { id, created_at: meta.at, updated_at: meta.at, created_by: meta.by, updated_by: meta.by };
  for (const field of systemFields) values[field.id] = valueOf(field, row);
}

/** Writes only the cells that really change; an update that changes nothing bumps nothing. */
export function updateRecord(ctx: AppContext, schema: TableSchema, id: number, cells: readonly CoercedCell[], meta: ChangeMeta, changes: RecordChange[]): StoredRecord {
  const row = findRow(ctx.db, schema, id);
  if (!row) throw new AppError('NOT_FOUND', `record rec${id} not found`, { recordId: `rec${id}` });
  const changed = cells.filter((cell) => !sameStored(row[cell.field.column], cell.stored));
  if (!changed.length) return toStoredRecord(schema, row);
  const before: FieldValues = {};
  for (const cell of changed) before[cell.field.id] = valueOf(cell.field, row);
  const updated = updateRow(ctx.db, schema, id, changed.map((c) => c.field), changed.map((c) => c.stored), meta);
  const record = toStoredRecord(schema, updated);
  const after: FieldValues = {};
  const history: Record<string, [unknown, unknown]> = {};
  for (const cell of changed) {
    after[cell.field.id] = record.values[cell.field.id];
    history[cell.field.id] = [before[cell.field.id], after[cell.field.id]];
  }
  appendHistory(ctx.db, { tableId: meta.tableId, recordId: id, action: 'update', changes: history, actorId: meta.by, origin: meta.origin, at: meta.at, depth: meta.depth });
  changes.push({ action: 'updated', recordId: id, version: record.version, before, after });
  return record;
}

function sameStored(current: unknown, next: string | number | null): boolean {
  return current === next || (current == null && next == null);
}

/** Deletes a row; its last values stay in the history. */
export function deleteRecord(ctx: AppContext, schema: TableSchema, id: number, meta: ChangeMeta, changes: RecordChange[]): void {
  const row = findRow(ctx.db, schema, id);
  if (!row) throw new AppError('NOT_FOUND', `record rec${id} not found`, { recordId: `rec${id}` });
  const before = toStoredRecord(schema, row).values;
  deleteRow(ctx.db, schema, id);
  const history: Record<string, [unknown, unknown]> = {};
  for (const [fieldId, value] of Object.entries(before)) if (value !== null) history[fieldId] = [value, null];
  appendHistory(ctx.db, { tableId: meta.tableId, recordId: id, action: 'delete', changes: history, actorId: meta.by, origin: meta.origin, at: meta.at, depth: meta.depth });
  changes.push({ action: 'deleted', recordId: id, before });
}
