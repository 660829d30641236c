import { createStore, type Store } from './store.ts';

/** A cell by display position: the row index in the view and the field (column) id. */
export interface CellPos {
  row: number;
  col: string;
}

/** A rectangle from where the selection started (anchor) to where it ends now (focus). */
export interface Range {
  anchor: CellPos;
  focus: CellPos;
}

export interface RangeState {
  range: Range | null;
  /** Field columns in display order; a range spans the columns between its two ends. */
  columns: readonly string[];
}

export interface Bounds {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export type RangeStore = Store<RangeState>;

export function createRangeStore(columns: readonly string[]): RangeStore {
  return createStore<RangeState>({ range: null, columns });
}

export function boundsOf(state: RangeState): Bounds | undefined {
  const { range, columns } = state;
  if (!range) return undefined;
  const a = columns.indexOf(range.anchor.col);
  const b = columns.indexOf(range.focus.col);
  if (a < 0 || b < 0) return undefined;
  return {
    top: Math.min(range.anchor.row, range.focus.row),
    bottom: Math.max(range.anchor.row, range.focus.row),
    left: Math.min(a, b),
    right: Math.max(a, b),
  };
}

export function isMultiCell(bounds: Bounds | undefined): boolean {
  return !!bounds && (bounds.top !== bounds.bottom || bounds.left !== bounds.right);
}

/**
 * The class a cell wears for the range: '' outside it (and for a one-cell range, which the
 * focused cell already shows), else `in-range` plus the edges it sits on, so the CSS can
 * draw one outline around the whole rectangle.
 */
export function rangeClass(state: RangeState, row: number, col: string): string {
  const bounds = boundsOf(state);
  if (!bounds || !isMultiCell(bounds)) return '';
  const index = state.columns.indexOf(col);
  if (row < bounds.top || row > bounds.bottom || index < bounds.left || index > bounds.right) return '';
  let name = 'in-range';
  if (row === bounds.top) name += ' range-top';
  if (row === bounds.bottom) name += ' range-bottom';
  if (index === bounds.left) name += ' range-left';
  if (index === bounds.right) name += ' range-right';
  return name;
}

/** The focus end moved one step, kept inside the grid. */
export function moveFocus(state: RangeState, key: string, rowCount: number): Range | null {
  const { range, columns } = state;
  if (!range) return null;
  let { row } = range.focus;
  let index = columns.indexOf(range.focus.col);
  if (key === 'ArrowUp') row -= 1;
  if (key === 'ArrowDown') row += 1;
  if (key === 'ArrowLeft') index -= 1;
  if (key === 'ArrowRight') index += 1;
  row = Math.max(0, Math.min(rowCount - 1, row));
  index = Math.max(0, Math.min(columns.length - 1, index));
  return { anchor: range.anchor, focus: { row, col: columns[index]! } };
}

/** Whether the cell is the range's bottom-right one (or the lone selected cell), where the fill handle sits. */
export function isFillCorner(state: RangeState, row: number, col: string): boolean {
  const bounds = boundsOf(state);
  return !!bounds && bounds.bottom === row && state.columns[bounds.right] === col;
}
