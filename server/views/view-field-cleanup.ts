import { isFilterGroup, type FilterGroup, type FilterNode } from '../../core/filter/tree.ts';
import { resolveFilter } from '../../core/filter/resolve.ts';
import type { AppContext } from '../context.ts';
import type { TableSchema } from '../tables/table-schema.ts';
import { viewConfigSchema, type ViewConfig } from '../../core/views/view-config.ts';
import { fittingSummaries } from '../grid/summary-config.ts';
import { syncViewIndexes } from './view-indexes.ts';

// Views store field ids. When a field goes away or changes type, the views that name it are
// mended in the same transaction, so no saved view ever fails to open.

/** Removes every reference to a deleted field from the table's views. */
export function forgetFieldInViews(ctx: AppContext, tableId: string, fieldId: string): void {
  rewriteViews(ctx, tableId, (config) => ({
    ...config,
    filter: config.filter ? pruneFilter(config.filter, (condition) => condition.field !== fieldId) : config.filter,
    sorts: config.sorts?.filter((sort) => sort.field !== fieldId),
    groupBy: config.groupBy?.filter((group) => group.field !== fieldId),
    summaries: config.summaries && Object.fromEntries(Object.entries(config.summaries).filter(([id]) => id !== fieldId)),
    hiddenFields: config.hiddenFields?.filter((id) => id !== fieldId),
    fieldOrder: config.fieldOrder?.filter((id) => id !== fieldId),
    fieldWidths: config.fieldWidths && Object.fromEntries(Object.entries(config.fieldWidths).filter(([id]) => id !== fieldId)),
    stackField: config.stackField === fieldId ? undefined : config.stackField,
    dateField: config.dateField === fieldId ? undefined : config.dateField,
    cardFields: config.cardFields?.filter((id) => id !== fieldId),
    coverField: config.coverField === fieldId ? undefined : config.coverField,
    sumField: config.sumField === fieldId ? undefined : config.sumField,
    form: config.form && { ...config.form, fields: config.form.fields?.filter((question) => question.field !== fieldId) },
  }));
  // Dropping the column took every index naming it; views that sorted or filtered by it
  // (with other fields) need theirs rebuilt without it.
  syncViewIndexes(ctx, tableId);
}

/**
 * After a field's type or options changed: drops the filter conditions on it that the new
 * type no longer accepts (an operator it lacks, a choice that is gone).
 */
export function revalidateViewsForField(ctx: AppContext, schema: TableSchema, fieldId: string): void {
  rewriteViews(ctx, schema.table.id, (config) => ({
    ...config,
    filter: config.filter
      ? pruneFilter(config.filter, (condition) =>
          condition.field !== fieldId || resolveFilter({ conjunction: 'and', conditions: [condition] }, schema.fields).ok)
      : config.filter,
    summaries: fittingSummaries(schema, config.summaries),
  }));
  // A retyped column got its old indexes back as they were (text NOCASE on a number…):
  // rebuild them as the views now need them.
  syncViewIndexes(ctx, schema.table.id);
}

function rewriteViews(ctx: AppContext, tableId: string, mend: (config: ViewConfig) => ViewConfig): void {
  const rows = ctx.db.all(ctx.db.kysely.selectFrom('views').select(['id', 'config']).where('table_id', '=', tableId));
  for (const row of rows) {
    const before = JSON.stringify(viewConfigSchema.parse(JSON.parse(row.config)));
    const after = JSON.stringify(viewConfigSchema.parse(mend(JSON.parse(before) as ViewConfig)));
    if (after !== before) ctx.db.run(ctx.db.kysely.updateTable('views').set({ config: after }).where('id', '=', row.id));
  }
}

/** The tree without the conditions `keep` refuses; groups left empty disappear too. */
function pruneFilter(group: FilterGroup, keep: (condition: Extract<FilterNode, { field: string }>) => boolean): FilterGroup | null {
  const conditions: FilterNode[] = [];
  for (const node of group.conditions) {
    if (isFilterGroup(node)) {
      const pruned = pruneFilter(node, keep);
      if (pruned) conditions.push(pruned);
    } else if (keep(node)) {
      conditions.push(node);
    }
  }
  return conditions.length ? { conjunction: group.conjunction, conditions } : null;
}
