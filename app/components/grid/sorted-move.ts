import type { IRowNode } from 'ag-grid-community';
import type { Field } from '../../../core/fields/field-type.ts';
import { compareRecordsBy, resolveSorts } from '../../../core/filter/sort.ts';
import { parseRecordId } from '../../../core/record-id.ts';
import type { GridController } from './grid-controller.ts';
import type { GridRowData } from './types.ts';

// What ag-grid's row nodes do when a block loads; not on the IRowNode interface, but public
// on the class, and the only way to put another record on a node of the Infinite Row Model.
type Settable = IRowNode<GridRowData> & { setDataAndId(data: GridRowData, id: string): void };

/**
 * A change to a field the view sorts by (a collaborator's patch): moves the row to its new
 * place among the loaded rows at once, with the same comparator the server sorts with
 * (core/filter/sort.ts), instead of waiting for the blocks to come back. Returns false when
 * the new place may lie outside the loaded rows (above the first or below the last loaded
 * one), where only the server can tell; the caller then refreshes. Either way the caller
 * refreshes from the server afterwards to confirm.
 */
export function moveSortedRow(ctrl: GridController, recordId: string): boolean {
  const api = ctrl.api;
  const node = ctrl.nodeOf(recordId);
  if (!api || !node?.data || node.rowIndex === null) return false;
  const resolved = resolveSorts(ctrl.sorts(), ctrl.setup.allFields as unknown as Field[]);
  if (!resolved.ok || !resolved.sorts.length) return false;
  const compare = compareRecordsBy(resolved.sorts);

  // The loaded rows, by index (forEachNode visits only loaded blocks and loads nothing).
  const byIndex = new Map<number, Settable>();
  api.forEachNode((each) => {
    if (each.data && each.rowIndex !== null) byIndex.set(each.rowIndex, each as Settable);
  });
  const from = node.rowIndex;
  let first = from;
  while (byIndex.has(first - 1)) first -= 1;
  let last = from;
  while (byIndex.has(last + 1)) last += 1;

  const sortable = (data: GridRowData) => ({ id: parseRecordId(data.id) ?? 0, values: data.values });
  const moving = sortable(node.data);
  const run: GridRowData[] = [];
  for (let index = first; index <= last; index++) if (index !== from) run.push(byIndex.get(index)!.data!);
  let place = run.findIndex((other) => compare(moving, sortable(other)) < 0);
  if (place < 0) place = run.length;
  if ((place === 0 && first > 0) || (place === run.length && last < api.getDisplayedRowCount() - 1)) return false;

  const to = first + place;
  if (to === from) return true;
  run.splice(place, 0, node.data);
  for (let index = Math.min(from, to); index <= Math.max(from, to); index++) {
    const data = run[index - first]!;
    byIndex.get(index)!.setDataAndId(data, data.id);
  }
  ctrl.rowTick.set((n) => n + 1);
  return true;
}
