import type { CoerceContext } from '../../core/fields/field-type.ts';
import type { Actor } from '../auth/actor.ts';
import { requireTableAccess } from '../auth/permissions.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { FieldValues, RecordBatchCommitted, RecordChange } from '../events/index.ts';
import { loadTableSchema, type FieldDef, type TableSchema } from '../tables/table-schema.ts';
import { BatchCoercer, type CoercedCell } from './coerce-batch.ts';
import { appendHistory } from './history.repository.ts';
import { columnFields, toStoredRecord, valueOf } from './record-rows.ts';
import { deleteRow, findRow, insertRow, updateRow } from './records.repository.ts';
import type { StoredRecord, WriteBatch, WriteOptions, WriteResult } from './types.ts';
import { resolveUserFor } from './user-resolver.ts';

/** The most records one batch may touch (API.md: ≤ 1000 per request; imports use many batches). */
export const MAX_BATCH = 10_000;

/**
 * The one door for every change to records. In order: checks permissions, coerces and
 * validates every value through its field type (any bad cell refuses the whole batch),
 * then in ONE transaction writes the rows with their version bump, the record history and
 * an outbox event per changed record, and only after commit notifies listeners.
 */
export function writeRecords(ctx: AppContext, batch: WriteBatch, options: WriteOptions): WriteResult {
  const schema = prepareSchema(ctx, batch.tableId, options.actor);
  const size = (batch.creates?.length ?? 0) + (batch.updates?.length ?? 0) + (batch.deletes?.length ?? 0);
  if (size > MAX_BATCH) throw new AppError('TOO_LARGE', `a batch may change at most ${MAX_BATCH} records, got ${size}`);

  const coercer = new BatchCoercer(schema, coerceContext(ctx, schema, options));
  const creates = (batch.creates ?? []).map((input, index) => coercer.coerce(input, index));
  const updates = (batch.updates ?? []).map((update, index) => ({ id: update.id, cells: coercer.coerce(update.values, index, update.id) }));
  if (coercer.errors.length) {
    const [first] = coercer.errors;
    throw new AppError('INVALID_VALUE', first!.message, { errors: coercer.errors.slice(0, 100) });
  }

  const at = new Date().toISOString();
  const by = options.actor?.userId ?? null;
  const depth = options.depth ?? 0;
  const changes: RecordChange[] = [];
  const result: WriteResult = { created: [], updated: [], deleted: [] };
  const writable = columnFields(schema);
  let committed: RecordBatchCommitted | undefined;

  ctx.db.transaction(() => {
    saveNewChoices(ctx, schema, coercer.newChoices);
    for (const cells of creates) {
      const values = new Map(cells.map((cell) => [cell.field.id, cell]));
      const stored = writable.map((field) => values.get(field.id)?.stored ?? field.fieldType.toStorage(null, field.options));
      const record = toStoredRecord(schema, insertRow(ctx.db, schema, writable, stored, { at, by }));
      const id = record.id;
      const history: Record<string, [unknown, unknown]> = {};
      for (const cell of cells) if (cell.value !== null) history[cell.field.id] = [null, record.values[cell.field.id]];
      appendHistory(ctx.db, { tableId: schema.table.id, recordId: id, action: 'create', changes: history, actorId: by, origin: options.origin, at, depth });
      changes.push({ action: 'created', recordId: id, version: record.version, values: record.values });
      result.created.push(record);
    }
    for (const update of updates) {
      const record = applyUpdate(ctx, schema, update.id, update.cells, { at, by, origin: options.origin, depth }, changes);
      result.updated.push(record);
    }
    for (const id of batch.deletes ?? []) {
      const row = findRow(ctx.db, schema, id);
      if (!row) throw new AppError('NOT_FOUND', `record rec${id} not found`, { recordId: `rec${id}` });
      const before = toStoredRecord(schema, row).values;
      deleteRow(ctx.db, schema, id);
      const history = Object.fromEntries(Object.entries(before).filter(([, v]) => v !== null).map(([k, v]) => [k, [v, null]])) as Record<string, [unknown, unknown]>;
      appendHistory(ctx.db, { tableId: schema.table.id, recordId: id, action: 'delete', changes: history, actorId: by, origin: options.origin, at, depth });
      changes.push({ action: 'deleted', recordId: id, before });
      result.deleted.push(id);
    }
    committed = { baseId: schema.baseId, tableId: schema.table.id, actorId: by, origin: options.origin, depth, at, changes };
    if (changes.length) for (const hook of ctx.inTransactionHooks) hook(committed);
  });

  if (coercer.newChoices.size) {
    for (const fieldId of coercer.newChoices.keys()) {
      ctx.events.emit('schema', { baseId: schema.baseId, tableId: schema.table.id, kind: 'field', action: 'updated', id: fieldId });
    }
  }
  if (committed && changes.length) ctx.events.emit('records', committed);
  return result;
}

function prepareSchema(ctx: AppContext, tableId: string, actor: Actor | undefined): TableSchema {
  if (actor) requireTableAccess(ctx, actor, tableId, 'writeRecords');
  return loadTableSchema(ctx, tableId);
}

function coerceContext(ctx: AppContext, schema: TableSchema, options: WriteOptions): CoerceContext {
  return { typecast: options.typecast, timeZone: schema.timeZone, resolveUser: resolveUserFor(ctx, schema.baseId) };
}

interface UpdateMeta {
  at: string;
  by: string | null;
  origin: WriteOptions['origin'];
  depth: number;
}

/** Writes only the cells that really change; an update that changes nothing bumps nothing. */
function applyUpdate(ctx: AppContext, schema: TableSchema, id: number, cells: CoercedCell[], meta: UpdateMeta, changes: RecordChange[]): StoredRecord {
  const row = findRow(ctx.db, schema, id);
  if (!row) throw new AppError('NOT_FOUND', `record rec${id} not found`, { recordId: `rec${id}` });
  const changed = cells.filter((cell) => !sameStored(row[cell.field.column], cell.stored));
  if (!changed.length) return toStoredRecord(schema, row);
  const before: FieldValues = {};
  for (const cell of changed) before[cell.field.id] = valueOf(cell.field, row);
  const record = toStoredRecord(schema, updateRow(ctx.db, schema, id, changed.map((c) => c.field), changed.map((c) => c.stored), meta));
  const after: FieldValues = {};
  const history: Record<string, [unknown, unknown]> = {};
  for (const cell of changed) {
    after[cell.field.id] = record.values[cell.field.id];
    history[cell.field.id] = [before[cell.field.id], after[cell.field.id]];
  }
  appendHistory(ctx.db, { tableId: schema.table.id, recordId: id, action: 'update', changes: history, actorId: meta.by, origin: meta.origin, at: meta.at, depth: meta.depth });
  changes.push({ action: 'updated', recordId: id, version: record.version, before, after });
  return record;
}

function sameStored(current: unknown, next: string | number | null): boolean {
  return current === next || (current == null && next == null);
}

function saveNewChoices(ctx: AppContext, schema: TableSchema, newChoices: Map<string, Set<string>>): void {
  for (const [fieldId, names] of newChoices) {
    const field = schema.byId.get(fieldId) as FieldDef;
    if (!field.fieldType.addChoices) continue;
    const options = field.fieldType.addChoices(field.options, [...names]);
    field.options = options;
    ctx.db.run(ctx.db.kysely.updateTable('fields').set({ options: JSON.stringify(options) }).where('id', '=', fieldId));
  }
}
