import { aggregatesFor, type SummaryAggregate } from '../../core/views/summary.ts';
import type { ViewConfig } from '../../core/views/view-config.ts';
import { AppError } from '../errors.ts';
import { requireField, type TableSchema } from '../tables/table-schema.ts';
import type { IndexSpec } from '../views/indexes.ts';

/**
 * A view's summary choices with field names resolved to ids; an aggregate that does not fit
 * the field's type (a sum of names) is a 400 naming both.
 */
export function normalizeSummaries(schema: TableSchema, summaries: Record<string, SummaryAggregate> | undefined): Record<string, SummaryAggregate> | undefined {
  if (!summaries) return undefined;
  const out: Record<string, SummaryAggregate> = {};
  for (const [key, aggregate] of Object.entries(summaries)) {
    const field = requireField(schema, key);
    if (!aggregatesFor(field.fieldType.kind).includes(aggregate)) {
      throw new AppError('INVALID_REQUEST', `summary "${aggregate}" does not fit "${field.name}" (${field.type})`, { field: field.name, aggregate });
    }
    out[field.id] = aggregate;
  }
  return out;
}

/** The summaries that still fit after a field's type changed (the others are dropped). */
export function fittingSummaries(schema: TableSchema, summaries: Record<string, SummaryAggregate> | undefined): Record<string, SummaryAggregate> | undefined {
  if (!summaries) return undefined;
  return Object.fromEntries(Object.entries(summaries).filter(([fieldId, aggregate]) => {
    const field = schema.byId.get(fieldId);
    return field && aggregatesFor(field.fieldType.kind).includes(aggregate);
  }));
}

/** Summed fields a group index carries at most; more are read from the table. */
const MAX_COVERED_SUMS = 8;

/**
 * The indexes a grouped view needs (decision 0060), built by the views capability with its
 * other indexes (view-indexes.ts):
 * - its group columns, then the number columns its headers sum (the visible number
 *   fields): the group tree's GROUP BY reads only this index, in order, never the table —
 *   measured at 1M customers, ~80 ms instead of 1–2.5 s (sorting the table, or a group
 *   index with a table lookup per row);
 * - its group columns alone (the row id follows in every SQLite index): a group's records
 *   in id order, which is how an unsorted view pages a group's run of records.
 */
export function groupIndexSpecs(schema: TableSchema, config: ViewConfig): IndexSpec[] {
  const groups = (config.groupBy ?? []).map((group) => schema.byId.get(group.field)).filter((field) => field?.fieldType.storage.kind === 'column');
  if (!groups.length) return [];
  const hidden = new Set(config.hiddenFields ?? []);
  const sums = schema.fields
    .filter((field) => !hidden.has(field.id) && field.fieldType.kind === 'number' && field.fieldType.storage.kind === 'column' && !groups.includes(field))
    .slice(0, MAX_COVERED_SUMS);
  const spec = (fields: typeof groups): IndexSpec => ({ columns: fields.map((field) => ({ column: field!.column, nocase: false, desc: false })) });
  return sums.length ? [spec([...groups, ...sums]), spec(groups)] : [spec(groups)];
}
