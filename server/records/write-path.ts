import type { CoerceContext } from '../../core/fields/field-type.ts';
import { requireTableAccess } from '../auth/permissions.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { RecordBatchCommitted, RecordChange } from '../events/index.ts';
import { forgetTableSchema, loadTableSchema, type FieldDef, type TableSchema } from '../tables/table-schema.ts';
import { deleteRecord, insertRecords, updateRecord, type ChangeMeta } from './apply-changes.ts';
import { BatchCoercer } from './coerce-batch.ts';
import { columnFields } from './record-rows.ts';
import type { WriteBatch, WriteOptions, WriteResult } from './types.ts';
import { resolveAttachmentFor } from './attachment-resolver.ts';
import { resolveUserFor } from './user-resolver.ts';

/** The most records one batch may touch (API.md: ≤ 1000 per request; imports use many batches). */
export const MAX_BATCH = 10_000;

/**
 * The one door for every change to records. In order: checks permissions, coerces and
 * validates every value through its field type (any bad cell refuses the whole batch),
 * then in ONE transaction writes the rows with their version bump, the record history and
 * an outbox event per changed record, runs the in-transaction hooks (record docs), and
 * only after commit notifies listeners.
 */
export function writeRecords(ctx: AppContext, batch: WriteBatch, options: WriteOptions): WriteResult {
  if (options.actor) requireTableAccess(ctx, options.actor, batch.tableId, 'writeRecords');
  const schema = loadTableSchema(ctx, batch.tableId);
  const size = (batch.creates?.length ?? 0) + (batch.updates?.length ?? 0) + (batch.deletes?.length ?? 0);
  if (size > MAX_BATCH) throw new AppError('TOO_LARGE', `a batch may change at most ${MAX_BATCH} records, got ${size}`);

  const coercer = new BatchCoercer(schema, coerceContext(ctx, schema, options));
  const creates = (batch.creates ?? []).map((input, index) => coercer.coerce(input, index));
  const updates = (batch.updates ?? []).map((update, index) => ({ id: update.id, cells: coercer.coerce(update.values, index, update.id) }));
  if (coercer.errors.length) {
    const [first] = coercer.errors;
    throw new AppError('INVALID_VALUE', first!.message, { errors: coercer.errors.slice(0, 100) });
  }

  const meta: ChangeMeta = {
    at: new Date().toISOString(),
    by: options.actor?.userId ?? options.author ?? null,
    origin: options.origin,
    depth: options.depth ?? 0,
    tableId: schema.table.id,
  };
  const changes: RecordChange[] = [];
  const committed: RecordBatchCommitted = {
    baseId: schema.baseId, tableId: schema.table.id, actorId: meta.by, origin: meta.origin, depth: meta.depth, at: meta.at, changes,
  };
  const result: WriteResult = { created: [], updated: [], deleted: [] };

  try {
    ctx.db.transaction(() => applyBatch());
  } catch (error) {
    // New choices may already sit in the cached schema's options; the rollback undid them.
    if (coercer.newChoices.size) forgetTableSchema(ctx, schema.table.id);
    throw error;
  }

  function applyBatch(): void {
    saveNewChoices(ctx, schema, coercer.newChoices);
    if (creates.length) result.created = insertRecords(ctx, schema, columnFields(schema), creates, meta, changes);
    for (const update of updates) result.updated.push(updateRecord(ctx, schema, update.id, update.cells, meta, changes));
    for (const id of batch.deletes ?? []) {
      deleteRecord(ctx, schema, id, meta, changes);
      result.deleted.push(id);
    }
    if (changes.length) for (const hook of ctx.inTransactionHooks) hook(committed);
  }

  // Inside a caller's transaction (an import batch, a collab group commit) the events wait
  // for its commit: listeners only ever hear of changes that are durable.
  ctx.db.afterCommit(() => {
    for (const fieldId of coercer.newChoices.keys()) {
      ctx.events.emit('schema', { baseId: schema.baseId, tableId: schema.table.id, kind: 'field', action: 'updated', id: fieldId });
    }
    if (changes.length) ctx.events.emit('records', committed);
  });
  return result;
}

function coerceContext(ctx: AppContext, schema: TableSchema, options: WriteOptions): CoerceContext {
  return {
    typecast: options.typecast, timeZone: schema.timeZone,
    resolveUser: resolveUserFor(ctx, schema.baseId), resolveAttachment: resolveAttachmentFor(ctx, schema.baseId),
  };
}

export function saveNewChoices(ctx: AppContext, schema: TableSchema, newChoices: Map<string, Set<string>>): void {
  for (const [fieldId, names] of newChoices) {
    const field = schema.byId.get(fieldId) as FieldDef;
    if (!field.fieldType.addChoices) continue;
    field.options = field.fieldType.addChoices(field.options, [...names]) as Record<string, unknown>;
    ctx.db.run(ctx.db.kysely.updateTable('fields').set({ options: JSON.stringify(field.options) }).where('id', '=', fieldId));
  }
}
