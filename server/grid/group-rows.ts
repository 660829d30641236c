import { sql, type SqlBool } from 'kysely';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { toStoredRecord } from '../records/index.ts';
import type { FieldDef } from '../tables/table-schema.ts';
import { groupTreesOf } from './group-cache.ts';
import { layoutLength, mapBlock } from './group-layout.ts';
import { buildGroupTree, groupCondition, type GroupLevel, type GroupNode, type GroupTree } from './group-tree.ts';
import { toGridRow, type GridRow } from './grid-row.ts';
import { findSortedRows } from './rows.repository.ts';
import type { ViewQuery } from './view-query.ts';

/** Collapsed groups one request may name (ids are 12 characters). */
export const MAX_COLLAPSED = 500;

/** The fields a group header sums: the view's visible number fields that have a column. */
export function sumFieldsOf(view: ViewQuery): FieldDef[] {
  return view.visible.filter((field) => field.fieldType.kind === 'number' && field.fieldType.storage.kind === 'column');
}

/** The view's group tree, from the cache while no change could have altered it. */
export function groupTreeOf(ctx: AppContext, view: ViewQuery): GroupTree {
  const levels: GroupLevel[] = (view.config?.groupBy ?? []).map((group) => {
    const field = view.schema.byId.get(group.field);
    if (!field) throw new AppError('UNKNOWN_FIELD', `the view groups by an unknown field ${JSON.stringify(group.field)}`);
    if (field.fieldType.storage.kind !== 'column') throw new AppError('INVALID_REQUEST', `"${field.name}" cannot be grouped by`);
    return { field, direction: group.direction };
  });
  const sums = sumFieldsOf(view);
  const key = JSON.stringify([view.rowsKey, levels.map((level) => [level.field.id, level.direction]), sums.map((field) => field.id)]);
  const fields = new Set([...(view.membershipFields ?? []), ...levels.map((level) => level.field.id), ...sums.map((field) => field.id)]);
  const tableId = view.schema.table.id;
  return groupTreesOf(ctx).get(key, tableId, fields, () => buildGroupTree(ctx.db, tableId, view.where, levels, sums));
}

/**
 * A block of a grouped view (decision 0060): the group tree (one GROUP BY, cached) lays out
 * headers and records; each run of records in the block is read with its group's values as
 * extra conditions, in the view's sort, by OFFSET within the group.
 */
export function readGroupedRows(ctx: AppContext, view: ViewQuery, params: { start: number; limit: number; collapsed?: readonly string[] }) {
  const tree = groupTreeOf(ctx, view);
  const collapsed = new Set(params.collapsed ?? []);
  const rows: GridRow[] = [];
  const tableId = view.schema.table.id;
  for (const segment of mapBlock(tree.roots, collapsed, params.start, params.limit)) {
    if (segment.kind === 'header') {
      rows.push(headerRow(segment.node, segment.collapsed));
      continue;
    }
    const where = sql<SqlBool>`(${view.where}) AND (${groupCondition(tableId, segment.group.path)})`;
    const raw = findSortedRows(ctx.db, { tableId, fields: view.schema.fields, where, sorts: view.sorts, offset: segment.offset, limit: segment.limit });
    rows.push(...raw.map((row) => toGridRow(toStoredRecord(view.schema, row))));
  }
  return { rows, total: layoutLength(tree.roots, collapsed), records: tree.records, grouped: true };
}

function headerRow(node: GroupNode, collapsed: boolean): GridRow {
  return {
    id: `group:${node.id}`,
    version: 0,
    values: {},
    group: { id: node.id, depth: node.depth, fieldId: node.fieldId, value: node.value, count: node.count, sums: node.sums, collapsed },
  };
}
