import type { CoerceContext } from '../../core/fields/field-type.ts';
import { requireTableAccess } from '../auth/permissions.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { loadTableSchema, type TableSchema } from '../tables/table-schema.ts';
import { deleteRecord, insertRecords, updateRecord } from './apply-changes.ts';
import { BatchCoercer } from './coerce-batch.ts';
import { commitChanges } from './commit-changes.ts';
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

  const result: WriteResult = { created: [], updated: [], deleted: [] };
  commitChanges(ctx, schema, options, coercer.newChoices, (meta, changes) => {
    if (creates.length) result.created = insertRecords(ctx, schema, columnFields(schema), creates, meta, changes);
    for (const update of updates) result.updated.push(updateRecord(ctx, schema, update.id, update.cells, meta, changes));
    for (const id of batch.deletes ?? []) {
      deleteRecord(ctx, schema, id, meta, changes);
      result.deleted.push(id);
    }
  });
  return result;
}

function coerceContext(ctx: AppContext, schema: TableSchema, options: WriteOptions): CoerceContext {
  return {
    typecast: options.typecast, timeZone: schema.timeZone,
    resolveUser: resolveUserFor(ctx, schema.baseId), resolveAttachment: resolveAttachmentFor(ctx, schema.baseId),
  };
}
