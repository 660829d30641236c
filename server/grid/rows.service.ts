import { formatRecordId } from '../../core/record-id.ts';
import { isResolvedGroup, type FilterContext, type ResolvedGroup } from '../../core/filter/resolved.ts';
import type { Actor } from '../auth/actor.ts';
import { requireTableAccess } from '../auth/permissions.ts';
import type { AppContext } from '../context.ts';
import type { FieldValues } from '../events/index.ts';
import { toStoredRecord, writeRecords, type RawRow, type StoredRecord } from '../records/index.ts';
import { loadTableSchema, type TableSchema } from '../tables/table-schema.ts';
import { requireResolvedFilter, requireResolvedSorts } from '../views/index.ts';
import { requireView, toViewJson } from '../views/views.service.ts';
import { ANCHOR_STEP, RowPositions, type Positions } from './row-positions.ts';
import { countRowsBetween, findRowsFrom, findSortedRows, scanAnchors } from './rows.repository.ts';

/** Largest block a grid may ask for. */
export const MAX_BLOCK = 1000;

export interface GridRow {
  id: string;
  version: number;
  values: FieldValues;
}

// One position cache per running server, found through its context (never a bare global,
// so that tests with several servers in one process keep theirs apart).
const caches = new WeakMap<AppContext, RowPositions>();
function positionsOf(ctx: AppContext): RowPositions {
  let cache = caches.get(ctx);
  if (!cache) {
    cache = new RowPositions(ctx);
    caches.set(ctx, cache);
  }
  return cache;
}

interface ViewQuery {
  schema: TableSchema;
  filter?: ResolvedGroup;
  sorted: boolean;
  sorts: ReturnType<typeof requireResolvedSorts>;
  filterCtx: FilterContext;
  positions: Positions;
}

/** The table (readRecords checked), its view's filter and sorts, and the cached positions. */
function resolveView(ctx: AppContext, actor: Actor, tableId: string, viewId: string | undefined, sortOverride?: readonly ViewSort[]): ViewQuery {
  const { table } = requireTableAccess(ctx, actor, tableId, 'readRecords');
  const schema = loadTableSchema(ctx, table.id);
  const config = viewId ? toViewJson(requireView(ctx, actor, viewId, 'readRecords', table.id).row) : undefined;
  const filter = config?.filter ? requireResolvedFilter(schema, config.filter) : undefined;
  // A person who may not save the view's sorts sorts their own screen: same filter, their order.
  const wanted = sortOverride ?? config?.sorts;
  const sorts = wanted?.length ? requireResolvedSorts(schema, wanted) : [];
  const now = new Date();
  const filterCtx: FilterContext = { now, timeZone: schema.timeZone, userId: actor.userId };
  const filterFields = filter ? fieldsOf(filter) : undefined;
  // "Me" and relative dates make a filter's rows depend on who asks and when: both are in
  // the key (dates to the hour, the finest any relative-date operand resolves to a day at).
  const key = JSON.stringify([table.id, config?.filter ?? null, filter ? [actor.userId, now.toISOString().slice(0, 13)] : null]);
  const positions = positionsOf(ctx).get(key, table.id, filterFields, () => scanAnchors(ctx.db, table.id, filter, filterCtx, ANCHOR_STEP));
  return { schema, filter, sorts, sorted: sorts.length > 0, filterCtx, positions };
}

/**
 * One block of a view's rows for the grid, and the view's row count. An unsorted view (id
 * order) seeks from a cached anchor; a sorted one pages with OFFSET over its index.
 */
export function readRows(
  ctx: AppContext,
  actor: Actor,
  tableId: string,
  params: { viewId?: string; start: number; limit: number; sorts?: readonly ViewSort[] },
): { rows: GridRow[]; total: number } {
  const view = resolveView(ctx, actor, tableId, params.viewId, params.sorts);
  const { schema, filter, filterCtx, positions } = view;
  let raw: RawRow[];
  if (view.sorted) {
    raw = findSortedRows(ctx.db, { tableId: schema.table.id, fields: schema.fields, filter, sorts: view.sorts, offset: params.start, limit: params.limit }, filterCtx);
  } else {
    const anchor = positions.anchors[Math.floor(params.start / ANCHOR_STEP)];
    raw = anchor === undefined ? [] : findRowsFrom(ctx.db, {
      tableId: schema.table.id, fields: schema.fields, filter, fromId: anchor, skip: params.start % ANCHOR_STEP, limit: params.limit,
    }, filterCtx);
  }
  return { rows: raw.map((row) => toGridRow(toStoredRecord(schema, row))), total: positions.total };
}

/** Where a record sits in an unsorted view (what "+ add record" scrolls to); undefined when sorted or filtered out. */
export function findRowPosition(ctx: AppContext, actor: Actor, tableId: string, params: { viewId?: string; recordId: number; sorts?: readonly ViewSort[] }): number | undefined {
  const view = resolveView(ctx, actor, tableId, params.viewId, params.sorts);
  if (view.sorted) return undefined;
  const { anchors } = view.positions;
  let low = 0;
  let high = anchors.length - 1;
  // The last anchor at or before the record.
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (anchors[mid]! <= params.recordId) low = mid;
    else high = mid - 1;
  }
  const anchor = anchors[low];
  if (anchor === undefined || anchor > params.recordId) return undefined;
  const before = countRowsBetween(ctx.db, view.schema.table.id, view.filter, view.filterCtx, anchor, params.recordId);
  return before === undefined ? undefined : low * ANCHOR_STEP + before;
}

export interface GridBatch {
  /** Records to create (undoing a deletion brings them back, under new ids). */
  creates?: FieldValues[];
  updates: Array<{ id: number; values: FieldValues }>;
  deletes: number[];
  typecast: boolean;
}

export interface ViewSort {
  field: string;
  direction: 'asc' | 'desc';
}

/** Bulk edits from the grid (clearing a range, deleting rows, undoing either): one write-path transaction. */
export function applyGridBatch(ctx: AppContext, actor: Actor, tableId: string, batch: GridBatch): { created: GridRow[]; updated: GridRow[]; deleted: string[] } {
  const { table } = requireTableAccess(ctx, actor, tableId, 'writeRecords');
  const result = writeRecords(
    ctx,
    { tableId: table.id, creates: batch.creates ?? [], updates: batch.updates, deletes: batch.deletes },
    { actor, origin: 'user', typecast: batch.typecast },
  );
  return { created: result.created.map(toGridRow), updated: result.updated.map(toGridRow), deleted: result.deleted.map(formatRecordId) };
}

function toGridRow(record: StoredRecord): GridRow {
  return { id: formatRecordId(record.id), version: record.version, values: record.values };
}

function fieldsOf(group: ResolvedGroup, into = new Set<string>()): Set<string> {
  for (const node of group.conditions) {
    if (isResolvedGroup(node)) fieldsOf(node, into);
    else into.add(node.field.id);
  }
  return into;
}
