import type { FieldType } from '../../core/fields/field-type.ts';
import { formatRecordId } from '../../core/record-id.ts';
import type { AppContext } from '../context.ts';
import { newId, requireSafeId } from '../db/index.ts';
import type { RecordChange } from '../events/index.ts';
import { rewriteFieldValues, type FieldRewrite } from '../records/index.ts';
import { resolveUserFor } from '../records/user-resolver.ts';
import { choiceRenames, renameChoiceValue } from './choice-changes.ts';
import { convertValue, sameValue, type ConvertEnv } from './convert-value.ts';
import { addColumn, dropColumn, dropColumnIndexes, readColumn, recreateIndexes, renameColumn, writeStored } from './data-table.repository.ts';
import type { FieldDef, TableSchema } from './table-schema.ts';
import { findUsers } from './tables.repository.ts';

/** How many failures a report lists; `failedCount` has them all. */
export const MAX_REPORTED_FAILURES = 100;
const MAX_SAMPLES = 20;

export interface FailedConversion {
  recordId: string;
  value: unknown;
  reason: string;
}

export interface ConversionReport {
  /** Non-empty values that made it into the new type. */
  converted: number;
  failed: FailedConversion[];
  failedCount: number;
}

export interface ConversionSample {
  recordId: string;
  before: unknown;
  after: unknown;
}

interface PlannedRow {
  id: number;
  raw: unknown;
  before: unknown;
  after: unknown;
  /** Empty before (null, an unticked box, unreadable stored data): written, never recorded. */
  empty?: true;
}

export interface ConversionPlan {
  source: FieldDef;
  /** The field as it will be, with choices that typecast added. */
  target: FieldDef;
  /** Every row that holds anything in the old column. */
  rows: PlannedRow[];
  report: ConversionReport;
  samples: ConversionSample[];
}

/**
 * Works out every value of `source` under the new type and options without writing
 * anything: the preview shows this plan, and applying it writes exactly what was shown.
 * A type change reads values leniently (typecast); an options change of the same type
 * strictly, after renaming choices, so that a removed choice is cleared and reported.
 */
export function planConversion(
  ctx: AppContext,
  schema: TableSchema,
  source: FieldDef,
  targetType: FieldType<any, any>,
  targetOptions: Record<string, unknown>,
): ConversionPlan {
  const sameType = targetType.name === source.type;
  const renames = sameType ? choiceRenames(source.options, targetOptions) : new Map<string, string>();
  const env = convertEnv(ctx, schema);
  const target: FieldDef = {
    ...source,
    type: targetType.name,
    fieldType: targetType,
    options: targetOptions,
    column: targetType.storage.kind === 'column' ? `f_${requireSafeId(source.id)}` : targetType.storage.column,
  };
  const emptyBefore = source.fieldType.fromStorage(null, source.options);
  const rows: PlannedRow[] = [];
  const failed: FailedConversion[] = [];
  let converted = 0;

  for (const row of readColumn(ctx.db, schema.sqlTable, source.column)) {
    const before = source.fieldType.fromStorage(row.value, source.options);
    if (targetType.storage.kind === 'system') {
      // The new type shows what the row already has (its created time …); the old value
      // survives only in the record history.
      const after = targetType.fromStorage(row[targetType.storage.column], targetOptions);
      if (sameValue(before, emptyBefore)) continue;
      rows.push({ id: row.id, raw: row.value, before, after });
      if (sameValue(before, after)) converted++;
      else failed.push({ recordId: formatRecordId(row.id), value: before, reason: `${targetType.name} fields show what the record already has` });
      continue;
    }
    if (sameValue(before, emptyBefore)) {
      if (row.value !== null) rows.push({ id: row.id, raw: row.value, before, after: null, empty: true });
      continue;
    }
    const input = renames.size ? renameChoiceValue(before, renames, targetOptions) : before;
    const result = convertValue(input, source, target, env, !sameType);
    if (result.ok) {
      converted++;
      // Later rows must see the choices earlier rows added: "Hot" then "hot" is one choice.
      if (result.addChoices?.length) target.options = addChoices(targetType, target.options, result.addChoices);
      rows.push({ id: row.id, raw: row.value, before, after: result.value });
    } else {
      failed.push({ recordId: formatRecordId(row.id), value: before, reason: result.error });
      rows.push({ id: row.id, raw: row.value, before, after: null });
    }
  }

  return {
    source,
    target,
    rows,
    report: { converted, failed: failed.slice(0, MAX_REPORTED_FAILURES), failedCount: failed.length },
    samples: rows.filter((row) => !row.empty).slice(0, MAX_SAMPLES).map((row) => ({ recordId: formatRecordId(row.id), before: row.before, after: row.after })),
  };
}

/**
 * Writes a plan; runs inside the caller's transaction, which also updates the field row.
 * A column whose SQL type changes is rebuilt: the old one is renamed aside, the new one
 * added under the field's column name, values written, the old one dropped. Values that
 * change go through the write path's `rewriteFieldValues` (version bump, history with the
 * old value, outbox); values that stay equal are copied without a version bump.
 */
export function applyConversion(ctx: AppContext, schema: TableSchema, plan: ConversionPlan, meta: { actorId: string | null; at: string }): RecordChange[] {
  const { source, target } = plan;
  const table = schema.sqlTable;
  const history = { actorId: meta.actorId, origin: 'schema' as const, at: meta.at };
  const fromColumn = source.fieldType.storage;
  const toColumn = target.fieldType.storage;

  if (toColumn.kind === 'system') {
    if (fromColumn.kind !== 'column') return [];
    const lost = plan.rows.filter((row) => !sameValue(row.before, row.after));
    const changes = rewriteFieldValues(ctx, schema, source, lost.map((row) => ({ recordId: row.id, before: row.before, after: null })), history);
    dropColumn(ctx.db, table, source.column);
    ctx.db.forgetStatements();
    // Clients should see what the field now shows (the system value), not the cleared column.
    const shown = new Map(lost.map((row) => [row.id, row.after]));
    return changes.map((change) => (change.action === 'updated' ? { ...change, after: { [target.id]: shown.get(change.recordId) ?? null } } : change));
  }

  let aside: string | undefined;
  let indexes: string[] = [];
  if (fromColumn.kind === 'system') {
    addColumn(ctx.db, table, target.column, toColumn.sqlType);
  } else if (fromColumn.sqlType !== toColumn.sqlType) {
    // Views' indexes on the field move to the new column (rebuilt once its values are in).
    indexes = dropColumnIndexes(ctx.db, table, source.column);
    aside = `${source.column}__old_${newId('field', 6).slice(3)}`;
    renameColumn(ctx.db, table, source.column, aside);
    addColumn(ctx.db, table, target.column, toColumn.sqlType);
  }
  ctx.db.forgetStatements();

  const rewrites: FieldRewrite[] = [];
  for (const row of plan.rows) {
    const stored = target.fieldType.toStorage(row.after, target.options);
    if (row.empty) {
      if (!aside && fromColumn.kind === 'column' && row.raw !== stored) writeStored(ctx.db, table, target.column, row.id, stored);
    } else if (!sameValue(row.before, row.after)) rewrites.push({ recordId: row.id, before: row.before, after: row.after });
    else if (aside || fromColumn.kind === 'system' || row.raw !== stored) writeStored(ctx.db, table, target.column, row.id, stored);
  }
  const changes = rewriteFieldValues(ctx, schema, target, rewrites, history);
  if (aside) {
    dropColumn(ctx.db, table, aside);
    recreateIndexes(ctx.db, indexes);
    ctx.db.forgetStatements();
  }
  return changes;
}

function addChoices(fieldType: FieldType<any, any>, options: Record<string, unknown>, names: string[]): Record<string, unknown> {
  if (!fieldType.addChoices) throw new Error(`${fieldType.name} returned new choices but cannot add them`);
  return fieldType.addChoices(options, names) as Record<string, unknown>;
}

function convertEnv(ctx: AppContext, schema: TableSchema): ConvertEnv {
  const emails = new Map<string, string | undefined>();
  return {
    timeZone: schema.timeZone,
    resolveUser: resolveUserFor(ctx, schema.baseId),
    userEmail(userId) {
      if (!emails.has(userId)) emails.set(userId, findUsers(ctx.db, [userId])[0]?.email);
      return emails.get(userId);
    },
  };
}
