import type { AppContext } from '../context.ts';
import type { RecordBatchCommitted, RecordChange } from '../events/index.ts';
import { forgetTableSchema, type FieldDef, type TableSchema } from '../tables/table-schema.ts';
import type { ChangeMeta } from './apply-changes.ts';
import type { WriteOptions } from './types.ts';

/**
 * What every door of the write path shares once values are coerced: ONE transaction that
 * saves new select choices, lets `apply` write the rows (with their history and outbox
 * rows, collected in `changes`) and runs the in-transaction hooks (record docs); then,
 * after the outermost commit, the schema and `records` events. Inside a caller's
 * transaction (an import batch, a collab group commit) the events wait for its commit:
 * listeners only ever hear of changes that are durable.
 */
export function commitChanges(
  ctx: AppContext,
  schema: TableSchema,
  options: WriteOptions,
  newChoices: ReadonlyMap<string, ReadonlySet<string>>,
  apply: (meta: ChangeMeta, changes: RecordChange[]) => void,
): void {
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
  try {
    ctx.db.transaction(() => {
      saveNewChoices(ctx, schema, newChoices);
      apply(meta, changes);
      if (changes.length) for (const hook of ctx.inTransactionHooks) hook(committed);
    });
  } catch (error) {
    // New choices may already sit in the cached schema's options; the rollback undid them.
    if (newChoices.size) forgetTableSchema(ctx, schema.table.id);
    throw error;
  }
  ctx.db.afterCommit(() => {
    for (const fieldId of newChoices.keys()) {
      ctx.events.emit('schema', { baseId: schema.baseId, tableId: schema.table.id, kind: 'field', action: 'updated', id: fieldId });
    }
    if (changes.length) ctx.events.emit('records', committed);
  });
}

export function saveNewChoices(ctx: AppContext, schema: TableSchema, newChoices: ReadonlyMap<string, ReadonlySet<string>>): void {
  for (const [fieldId, names] of newChoices) {
    const field = schema.byId.get(fieldId) as FieldDef;
    if (!field.fieldType.addChoices) continue;
    field.options = field.fieldType.addChoices(field.options, [...names]) as Record<string, unknown>;
    ctx.db.run(ctx.db.kysely.updateTable('fields').set({ options: JSON.stringify(field.options) }).where('id', '=', fieldId));
  }
}
