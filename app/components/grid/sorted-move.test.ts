import { describe, expect, it } from 'vitest';
import type { GridController } from './grid-controller.ts';
import { moveSortedRow } from './sorted-move.ts';
import type { GridField, GridRowData } from './types.ts';

const score: GridField = { id: 'fldScore', name: 'Score', type: 'number', options: {}, description: null };

/** The few parts of ag-grid's Infinite Row Model the move uses: loaded nodes by index. */
function fakeGrid(scores: Array<number | null>, { first = 0, total = scores.length } = {}) {
  const nodes = scores.map((value, offset) => {
    const node = {
      rowIndex: first + offset,
      data: { id: `rec${first + offset + 1}`, version: 1, values: { fldScore: value } } as GridRowData,
      setDataAndId(data: GridRowData) { node.data = data; },
    };
    return node;
  });
  const api = {
    forEachNode: (visit: (node: unknown) => void) => nodes.forEach(visit),
    getDisplayedRowCount: () => total,
  };
  let ticks = 0;
  const ctrl = {
    api,
    setup: { allFields: [score] },
    sorts: () => [{ field: 'fldScore', direction: 'desc' as const }],
    nodeOf: (id: string) => nodes.find((node) => node.data.id === id),
    rowTick: { set: () => { ticks += 1; } },
  } as unknown as GridController;
  return { ctrl, ids: () => nodes.map((node) => node.data.id), ticks: () => ticks };
}

describe('moveSortedRow', () => {
  it('moves a row up or down among the loaded rows to where the sort puts it', () => {
    const grid = fakeGrid([90, 80, 70, 60, 50]);
    grid.ctrl.nodeOf('rec4')!.data!.values.fldScore = 85;
    expect(moveSortedRow(grid.ctrl, 'rec4')).toBe(true);
    expect(grid.ids()).toEqual(['rec1', 'rec4', 'rec2', 'rec3', 'rec5']);
    grid.ctrl.nodeOf('rec1')!.data!.values.fldScore = 55;
    expect(moveSortedRow(grid.ctrl, 'rec1')).toBe(true);
    expect(grid.ids()).toEqual(['rec4', 'rec2', 'rec3', 'rec1', 'rec5']);
    expect(grid.ticks()).toBe(2);
  });

  it('puts an emptied value last, as the server does (NULLS LAST)', () => {
    const grid = fakeGrid([90, 80, 70]);
    grid.ctrl.nodeOf('rec1')!.data!.values.fldScore = null;
    expect(moveSortedRow(grid.ctrl, 'rec1')).toBe(true);
    expect(grid.ids()).toEqual(['rec2', 'rec3', 'rec1']);
  });

  it('leaves it to the server when the new place may be outside the loaded rows', () => {
    const above = fakeGrid([90, 80, 70], { first: 100, total: 500 });
    above.ctrl.nodeOf('rec102')!.data!.values.fldScore = 1000;
    expect(moveSortedRow(above.ctrl, 'rec102')).toBe(false);
    expect(above.ids()).toEqual(['rec101', 'rec102', 'rec103']);
    const below = fakeGrid([90, 80, 70], { total: 500 });
    below.ctrl.nodeOf('rec1')!.data!.values.fldScore = 1;
    expect(moveSortedRow(below.ctrl, 'rec1')).toBe(false);
  });
});
