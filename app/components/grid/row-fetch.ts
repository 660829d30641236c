import type { GridController } from './grid-controller.ts';
import type { GridRowData } from './types.ts';

const BLOCK = 1000;
const IN_FLIGHT = 3;

/**
 * The rows top…bottom of the view for a big paste or fill: blocks the grid has loaded from
 * its cache, the rest fetched a thousand at a time, three requests at once (one after the
 * other, 10,000 rows cost ten round trips before anything could be written). Stops at the
 * view's end.
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

function cached(ctrl: GridController, start: number, limit: number): GridRowData[] | undefined {
  const rows: GridRowData[] = [];
  for (let index = start; index < start + limit; index++) {
    const row = ctrl.rowAt(index);
    if (!row) return undefined;
    rows.push(row);
  }
  return rows;
}
