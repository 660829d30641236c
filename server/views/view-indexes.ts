import { resolveFilter } from '../../core/filter/resolve.ts';
import { resolveSorts } from '../../core/filter/sort.ts';
import { viewConfigSchema, type ViewConfig } from '../../core/views/view-config.ts';
import type { AppContext } from '../context.ts';
import { loadTableSchema, type TableSchema } from '../tables/table-schema.ts';
import { groupIndexSpecs } from '../grid/summary-config.ts';
import { indexesForQuery, indexName, syncTableIndexes, type IndexSpec } from './indexes.ts';

/**
 * Every index the table's views need: each view's filter-and-sort composite (or its
 * selective filter fields) and, for a grouped view, the indexes of its group tree and of
 * its groups' records (server/grid/summary-config.ts). A view whose config no longer resolves asks for nothing rather than
 * failing someone else's save.
 */
export function wantedViewIndexes(schema: TableSchema, configs: readonly ViewConfig[]): IndexSpec[] {
  const wanted = new Map<string, IndexSpec>();
  const add = (spec: IndexSpec) => wanted.set(indexName(schema.table.id, spec), spec);
  for (const config of configs) {
    const filter = config.filter ? resolveFilter(config.filter, schema.fields) : { ok: true as const, filter: undefined };
    const sorts = resolveSorts(config.sorts ?? [], schema.fields);
    if (filter.ok && sorts.ok) indexesForQuery(filter.filter, sorts.sorts).forEach(add);
    groupIndexSpecs(schema, config).forEach(add);
  }
  return [...wanted.values()];
}

/**
 * Brings the table's indexes in line with its views: after a view is created, changed or
 * deleted, and after a field is deleted or retyped (views mended, column rebuilt). Builds
 * what is missing (seconds at 1M rows, once) and drops what no view needs any more.
 */
export function syncViewIndexes(ctx: AppContext, tableId: string): { created: string[]; dropped: string[] } {
  const schema = loadTableSchema(ctx, tableId);
  const rows = ctx.db.all(ctx.db.kysely.selectFrom('views').select(['config']).where('table_id', '=', tableId));
  const configs = rows.map((row) => viewConfigSchema.parse(JSON.parse(row.config)));
  // A field being deleted has lost its column before its row: no index may name it.
  const columns = new Set((ctx.db.prepare('SELECT name FROM pragma_table_info(?)').all(schema.sqlTable) as Array<{ name: string }>).map((column) => column.name));
  const live = { ...schema, fields: schema.fields.filter((field) => field.fieldType.storage.kind !== 'column' || columns.has(field.column)) };
  return syncTableIndexes(ctx.db, tableId, wantedViewIndexes(live, configs));
}
