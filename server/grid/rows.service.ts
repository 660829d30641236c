import { formatRecordId } from '../../core/record-id.ts';
import type { Actor } from '../auth/actor.ts';
import { requireTableAccess } from '../auth/permissions.ts';
import type { AppContext } from '../context.ts';
import type { FieldValues } from '../events/index.ts';
import { toStoredRecord, writeRecords, type RawRow } from '../records/index.ts';
import { toGridRow, type GridRow } from './grid-row.ts';
import { readGroupedRows } from './group-rows.ts';
import { ANCHOR_STEP, RowPositions, type Positions } from './row-positions.ts';
import { countRowsBetween, findMatchIdsFrom, findRowsByIds, findRowsFrom, findSortedRows, scanAnchors, scanMatchAnchors } from './rows.repository.ts';
import { resolveView, type ViewParams, type ViewQuery, type ViewSort } from './view-query.ts';

export type { ViewSort, GridRow };

/** Largest block a grid may ask for. */
export const MAX_BLOCK = 1000;


/** A block and the sizes the grid needs: rows in the list (headers included) and records. */
export interface RowBlock {
  rows: GridRow[];
  /** Rows of the grid's list: records, plus group headers when the view is grouped. */
  total: number;
  /** Records in the view (what the toolbar counts). */
  records: number;
  grouped: boolean;
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

function cachedPositions(ctx: AppContext, view: ViewQuery): Positions {
  const tableId = view.schema.table.id;
  const match = view.searchMatch;
  return positionsOf(ctx).get(view.rowsKey, tableId, view.membershipFields, () => (match ? scanMatchAnchors(ctx.db, match, ANCHOR_STEP) : scanAnchors(ctx.db, tableId, view.where, ANCHOR_STEP)));
}

/**
 * One block of a view's rows for the grid, and the view's sizes. An unsorted view (id
 * order) seeks from a cached anchor; a sorted one pages with OFFSET over its index; a
 * grouped one maps the block over its group tree (group-rows.ts).
 */
export function readRows(
  ctx: AppContext,
  actor: Actor,
  tableId: string,
  params: ViewParams & { start: number; limit: number; collapsed?: readonly string[] },
): RowBlock {
  const view = resolveView(ctx, actor, tableId, params);
  if (view.config?.groupBy?.length) return readGroupedRows(ctx, view, params);
  const { schema, where } = view;
  const positions = cachedPositions(ctx, view);
  let raw: RawRow[];
  if (view.sorts.length) {
    raw = findSortedRows(ctx.db, { tableId: schema.table.id, fields: schema.fields, where, sorts: view.sorts, offset: params.start, limit: params.limit });
  } else if (view.searchMatch) {
    const anchor = positions.anchors[Math.floor(params.start / ANCHOR_STEP)];
    const ids = anchor === undefined ? [] : findMatchIdsFrom(ctx.db, view.searchMatch, anchor, params.start % ANCHOR_STEP, params.limit);
    raw = findRowsByIds(ctx.db, schema.table.id, schema.fields, ids);
  } else {
    const anchor = positions.anchors[Math.floor(params.start / ANCHOR_STEP)];
    raw = anchor === undefined ? [] : findRowsFrom(ctx.db, {
      tableId: schema.table.id, fields: schema.fields, where, fromId: anchor, skip: params.start % ANCHOR_STEP, limit: params.limit,
    });
  }
  return { rows: raw.map((row) => toGridRow(toStoredRecord(schema, row))), total: positions.total, records: positions.total, grouped: false };
}

/** Where a record sits in an unsorted view (what "+ add record" scrolls to); undefined when sorted or filtered out. */
export function findRowPosition(ctx: AppContext, actor: Actor, tableId: string, params: ViewParams & { recordId: number }): number | undefined {
  const view = resolveView(ctx, actor, tableId, params);
  // Sorted and grouped views place a record by its values; the grid reloads instead.
  if (view.sorts.length || view.config?.groupBy?.length) return undefined;
  const { anchors } = cachedPositions(ctx, view);
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
  const before = countRowsBetween(ctx.db, view.schema.table.id, view.where, anchor, params.recordId);
  return before === undefined ? undefined : low * ANCHOR_STEP + before;
}

export interface GridBatch {
  /** Records to create (undoing a deletion brings them back, under new ids). */
  creates?: FieldValues[];
  updates: Array<{ id: number; values: FieldValues }>;
  deletes: number[];
  typecast: boolean;
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

