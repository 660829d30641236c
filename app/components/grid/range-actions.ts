import { fieldTypes } from '../../../core/fields/registry.ts';
import { formatValue } from '../fields/cell-kit.ts';
import { writeClipboard } from './clipboard.ts';
import { applyChanges } from './edit-path.ts';
import type { GridController } from './grid-controller.ts';
import { headerOf } from './group-types.ts';
import { boundsOf, moveFocus, type Bounds } from './range.ts';
import type { CellChange, GridRowData } from './types.ts';

/** The most rows one copy or clear takes (one write-path batch). */
export const MAX_RANGE_ROWS = 10_000;
const FETCH_BLOCK = 1000;

/** The range, or the focused cell when there is no range. */
export function currentBounds(ctrl: GridController): Bounds | undefined {
  const bounds = boundsOf(ctrl.range.get());
  if (bounds) return bounds;
  const focused = ctrl.api?.getFocusedCell();
  const index = focused ? ctrl.columns.indexOf(focused.column.getColId()) : -1;
  if (!focused || index < 0) return undefined;
  return { top: focused.rowIndex, bottom: focused.rowIndex, left: index, right: index };
}

/**
 * The records at rows top…bottom of the view: from the grid's cache where loaded, else
 * fetched from the server in big blocks (a range can reach far past what the grid keeps in
 * memory). A grouped view's header rows in between are skipped: they are not records.
 */
export async function rowsOf(ctrl: GridController, top: number, bottom: number): Promise<GridRowData[]> {
  const rows: GridRowData[] = [];
  let index = top;
  while (index <= bottom) {
    if (ctrl.isHeaderAt(index)) {
      index += 1;
      continue;
    }
    const cached = ctrl.rowAt(index);
    if (cached) {
      rows.push(cached);
      index += 1;
      continue;
    }
    const limit = Math.min(FETCH_BLOCK, bottom - index + 1);
    const block = await ctrl.rows.rows(index, limit);
    if (!block.rows.length) break;
    rows.push(...block.rows.filter((row) => !headerOf(row)));
    index += block.rows.length;
  }
  return rows;
}

/** All records at rows top…bottom if the grid has them loaded, without waiting (copy stays in the key press). */
function cachedRows(ctrl: GridController, top: number, bottom: number): GridRowData[] | undefined {
  const rows: GridRowData[] = [];
  for (let index = top; index <= bottom; index++) {
    if (ctrl.isHeaderAt(index)) continue;
    const row = ctrl.rowAt(index);
    if (!row) return undefined;
    rows.push(row);
  }
  return rows;
}

export function tooBig(ctrl: GridController, bounds: Bounds): boolean {
  if (bounds.bottom - bounds.top + 1 <= MAX_RANGE_ROWS) return false;
  ctrl.toasts.show(ctrl.setup.cell.t('grid.rangeTooBig', { max: MAX_RANGE_ROWS }));
  return true;
}

/** Delete/Backspace: empties every editable cell of the range as one undoable step. */
export async function clearRange(ctrl: GridController): Promise<void> {
  const bounds = currentBounds(ctrl);
  if (!bounds || !ctrl.setup.canEdit || tooBig(ctrl, bounds)) return;
  const fields = ctrl.columns.slice(bounds.left, bounds.right + 1).map((id) => ctrl.fieldById.get(id)!)
    .filter((field) => !fieldTypes[field.type].readOnly);
  const rows = await rowsOf(ctrl, bounds.top, bounds.bottom);
  const changes: CellChange[] = [];
  for (const row of rows) {
    for (const field of fields) {
      const before = row.values[field.id] ?? null;
      // A checkbox is never empty: clearing it unticks it.
      const after = field.type === 'checkbox' ? false : null;
      if (JSON.stringify(before) !== JSON.stringify(after)) changes.push({ recordId: row.id, fieldId: field.id, before, after });
    }
  }
  await applyChanges(ctrl, changes, 'after', { record: true });
}

/** Ctrl/Cmd+C: the range as display text, TSV and an HTML table. */
export async function copyRange(ctrl: GridController): Promise<void> {
  const bounds = currentBounds(ctrl);
  if (!bounds || tooBig(ctrl, bounds)) return;
  const fields = ctrl.columns.slice(bounds.left, bounds.right + 1).map((id) => ctrl.fieldById.get(id)!);
  const rows = cachedRows(ctrl, bounds.top, bounds.bottom) ?? (await rowsOf(ctrl, bounds.top, bounds.bottom));
  const { cell } = ctrl.setup;
  const matrix = rows.map((row) => fields.map((field) => formatValue(fieldTypes[field.type], field, row.values[field.id], cell)));
  await writeClipboard(matrix);
  const count = matrix.length * fields.length;
  if (count > 1) ctrl.toasts.show(cell.t('grid.copied', { count }), { kind: 'info' });
}

/** Shift+arrow: grows or shrinks the range from its anchor, keeping its far end in view. */
export function extendRange(ctrl: GridController, key: string): void {
  const state = ctrl.range.get();
  if (!state.range) return;
  const next = moveFocus(state, key, ctrl.rowCount());
  if (!next) return;
  ctrl.range.set({ ...state, range: next });
  ctrl.api?.ensureIndexVisible(next.focus.row);
  ctrl.api?.ensureColumnVisible(next.focus.col);
}
