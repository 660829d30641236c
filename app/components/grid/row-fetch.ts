import type { GridController } from './grid-controller.ts';
import { headerOf } from './group-types.ts';
import { takeRecords } from './record-slots.ts';
import type { GridRowData } from './types.ts';

const BLOCK = 1000;
const IN_FLIGHT = 3;

/**
 * The rows top…bottom of the view for a big paste or fill, one per position: a grouped
 * view's header rows included (`headerOf` tells them), so that positions stay positions.
 * Blocks the grid has loaded come from its cache, the rest are fetched a thousand at a
 * time, three requests at once (one after the other, 10,000 rows cost ten round trips
 * before anything could be written). Stops at the view's end.
 */
export async function fetchRows(ctrl: GridController, top: number, bottom: number): Promise<GridRowData[]> {
  const starts: number[] = [];
  for (let start = top; start <= bottom; start += BLOCK) starts.push(start);
  const blocks: GridRowData[][] = new Array(starts.length);
  let next = 0;
  const worker = async () => {
    while (next < starts.length) {
      const index = next++;
      const start = starts[index]!;
      const limit = Math.min(BLOCK, bottom - start + 1);
      blocks[index] = cached(ctrl, start, limit) ?? (await ctrl.rows.rows(start, limit)).rows;
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, starts.length) }, worker));
  const rows: GridRowData[] = [];
  for (const block of blocks) {
    rows.push(...block);
    if (block.length < BLOCK && rows.length < bottom - top + 1) break;
  }
  return rows;
}

/**
 * Up to `count` records from row `top` down, a grouped view's headers skipped: where the
 * lines of a paste land (decision 0048). Fewer when the view ends first.
 */
export async function fetchRecordsFrom(ctrl: GridController, top: number, count: number, rowCount: number): Promise<GridRowData[]> {
  const records: GridRowData[] = [];
  let position = top;
  while (records.length < count && position < rowCount) {
    // As many rows as records still wanted: more only if headers were among them.
    const rows = await fetchRows(ctrl, position, Math.min(rowCount, position + count - records.length) - 1);
    if (!rows.length) break;
    records.push(...takeRecords(rows, count - records.length, (row) => !!headerOf(row)));
    position += rows.length;
  }
  return records;
}

/** The grid's loaded rows start…start+limit-1 (headers included), or undefined if any is not loaded. */
function cached(ctrl: GridController, start: number, limit: number): GridRowData[] | undefined {
  const rows: GridRowData[] = [];
  for (let index = start; index < start + limit; index++) {
    const row = ctrl.api?.getDisplayedRowAtIndex(index)?.data;
    if (!row) return undefined;
    rows.push(row);
  }
  return rows;
}
