import { requireTableAccess } from '../auth/permissions.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { loadTableSchema, type FieldDef } from '../tables/table-schema.ts';
import { insertStoredRows } from './apply-changes.ts';
import { commitChanges } from './commit-changes.ts';
import { columnFields } from './record-rows.ts';
import type { WriteOptions } from './types.ts';
import { MAX_BATCH } from './write-path.ts';

/**
 * New records whose cells already went through their field types' `coerce` and
 * `toStorage` — an import's rows, coerced by its parse worker while this thread writes the
 * previous batch. Column-major: one array per field, one entry per record.
 */
export interface CoercedCreates {
  tableId: string;
  /** The fields the columns go to, with the type and options each column was coerced for. */
  fields: ReadonlyArray<{ id: string; type: string; options: Record<string, unknown> }>;
  /** Stored values (what `toStorage` returned), per field. */
  stored: ReadonlyArray<ArrayLike<string | number | null>>;
  /** API values per field where some differ from the stored ones (a checkbox, a list); else undefined. */
  values: ReadonlyArray<ArrayLike<unknown> | undefined>;
  /** The records to create, as indexes into the columns. */
  rows: ArrayLike<number>;
  /** Per field of a select type: the choice names its values use; missing ones are added. */
  choices: ReadonlyArray<readonly string[] | undefined>;
}

/**
 * The write path's door for pre-coerced creates: the same permission check, the same
 * transaction (rows, a history row and an outbox event per record, new select choices,
 * the in-transaction hooks) and the same `records` event after commit as `writeRecords`,
 * without coercing each cell a second time on this thread. A field whose type or options
 * changed since the cells were coerced refuses the batch (the coercion no longer holds).
 * Returns the new record ids in row order.
 */
export function createCoercedRecords(ctx: AppContext, batch: CoercedCreates, options: WriteOptions): number[] {
  if (options.actor) requireTableAccess(ctx, options.actor, batch.tableId, 'writeRecords');
  if (batch.rows.length > MAX_BATCH) throw new AppError('TOO_LARGE', `a batch may change at most ${MAX_BATCH} records, got ${batch.rows.length}`);
  const schema = loadTableSchema(ctx, batch.tableId);
  const fields = batch.fields.map((wanted) => requireSameField(schema.byId.get(wanted.id), wanted));
  const newChoices = missingChoices(fields, batch.choices);

  let ids: number[] = [];
  commitChanges(ctx, schema, options, newChoices, (meta, changes) => {
    const writable = columnFields(schema);
    const slot = new Map(fields.map((field, i) => [field.id, i]));
    const columns = writable.map((field) => slot.get(field.id));
    ids = insertStoredRows(ctx, schema, writable, {
      stored: columns.map((i) => (i === undefined ? undefined : batch.stored[i])),
      values: columns.map((i) => (i === undefined ? undefined : batch.values[i])),
      rows: batch.rows,
    }, meta, changes);
  });
  return ids;
}

function requireSameField(field: FieldDef | undefined, wanted: CoercedCreates['fields'][number]): FieldDef {
  if (!field || field.fieldType.readOnly || field.fieldType.storage.kind !== 'column') {
    throw new AppError('CONFLICT', `the field ${wanted.id} was deleted while the values for it were being read`, { fieldId: wanted.id });
  }
  // An attachment is only valid if its file was uploaded to this base, which only this
  // thread's database can tell: such values go through writeRecords.
  if (field.fieldType.kind === 'attachment') {
    throw new AppError('INVALID_REQUEST', `the field "${field.name}" holds attachments, which writeRecords must check`, { fieldId: field.id });
  }
  if (field.type !== wanted.type || !sameOptions(field, wanted.options)) {
    throw new AppError('CONFLICT', `the field "${field.name}" was changed while the values for it were being read`, { fieldId: field.id });
  }
  return field;
}

/** Options equal apart from select choices, which only ever grow here and are checked per value. */
function sameOptions(field: FieldDef, options: Record<string, unknown>): boolean {
  const { choices: _a, ...now } = field.options;
  const { choices: _b, ...then } = options;
  return JSON.stringify(now) === JSON.stringify(then);
}

/** The choice names the batch uses that its select fields lack, as writeRecords collects them. */
function missingChoices(fields: readonly FieldDef[], choices: CoercedCreates['choices']): Map<string, Set<string>> {
  const missing = new Map<string, Set<string>>();
  fields.forEach((field, i) => {
    const names = choices[i];
    if (!names?.length || !field.fieldType.addChoices) return;
    const known = new Set(((field.options.choices ?? []) as Array<{ name: string }>).map((choice) => choice.name));
    const lacking = names.filter((name) => !known.has(name));
    if (lacking.length) missing.set(field.id, new Set(lacking));
  });
  return missing;
}
