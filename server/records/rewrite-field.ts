import type { AppContext } from '../context.ts';
import type { ChangeOrigin, RecordChange } from '../events/index.ts';
import type { FieldDef, TableSchema } from '../tables/table-schema.ts';
import { appendHistory } from './history.repository.ts';
import { updateRow } from './records.repository.ts';

export interface FieldRewrite {
  recordId: number;
  /** The value before, as the old field type read it: kept in the record history. */
  before: unknown;
  /** The new value, already coerced by the field's (new) type; null when it could not convert. */
  after: unknown;
}

/**
 * The write path's entry for a field type change: the schema service has already moved the
 * column, and this writes the converted values with their version bump, history and outbox
 * events, and runs the in-transaction hooks (record docs). It must run inside the caller's
 * transaction; the caller emits the returned changes after commit, as the write path does.
 */
export function rewriteFieldValues(
  ctx: AppContext,
  schema: TableSchema,
  field: FieldDef,
  rewrites: readonly FieldRewrite[],
  meta: { actorId: string | null; origin: ChangeOrigin; at: string },
): RecordChange[] {
  if (!ctx.db.sqlite.inTransaction) throw new Error('rewriteFieldValues must run inside a transaction');
  const changes: RecordChange[] = [];
  for (const rewrite of rewrites) {
    const stored = field.fieldType.toStorage(rewrite.after, field.options);
    const row = updateRow(ctx.db, schema, rewrite.recordId, [field], [stored], { at: meta.at, by: meta.actorId });
    const after = field.fieldType.fromStorage(row[field.column], field.options);
    appendHistory(ctx.db, {
      tableId: schema.table.id,
      recordId: rewrite.recordId,
      action: 'update',
      changes: { [field.id]: [rewrite.before, after] },
      actorId: meta.actorId,
      origin: meta.origin,
      at: meta.at,
      depth: 0,
    });
    changes.push({
      action: 'updated',
      recordId: rewrite.recordId,
      version: row.version,
      before: { [field.id]: rewrite.before },
      after: { [field.id]: after },
    });
  }
  if (changes.length) {
    const batch = { baseId: schema.baseId, tableId: schema.table.id, actorId: meta.actorId, origin: meta.origin, depth: 0, at: meta.at, changes };
    for (const hook of ctx.inTransactionHooks) hook(batch);
  }
  return changes;
}
