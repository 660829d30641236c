import { clampInto, type Point, type Rect, type ScrollArea } from './auto-scroll.ts';
import { ROW_NUMBER_COL } from './columns.ts';

/**
 * Where things are in ag-grid 36's DOM, for drags. One element, `.ag-grid-viewport`,
 * scrolls rows and columns; inside it the header and the summary bar are sticky rows
 * (`.ag-grid-pinned-top-rows` / `-bottom-rows`) and frozen columns sticky cells
 * (`.ag-grid-pinned-left-cells`). ag-grid's own row-drag auto-scroll writes that element's
 * scrollTop too (its setVerticalScrollPosition), so its scroll listener draws the rows and
 * asks the Infinite Row Model for the blocks that come into view.
 */
export function gridViewport(root: HTMLElement): HTMLElement | null {
  return root.querySelector<HTMLElement>('.ag-grid-viewport');
}

/** A position in the grid under a point: the row index, and the field column when on a cell. */
export interface RowHit {
  row: number;
  /** Undefined on a grouped view's full-width header row (it has no cells). */
  col: string | undefined;
}

export interface DragGeometry {
  /** Where rows and columns scroll (auto-scroll's edges). */
  scroll: ScrollArea;
  /** Where field cells show: the scroll area widened over the frozen fields, not the row numbers. */
  cells: Rect;
}

export function dragGeometry(root: HTMLElement): DragGeometry | undefined {
  const viewport = gridViewport(root);
  if (!viewport) return undefined;
  const box = viewport.getBoundingClientRect();
  const top = viewport.querySelector('.ag-grid-pinned-top-rows')?.getBoundingClientRect().bottom ?? box.top;
  const bottom = viewport.querySelector('.ag-grid-pinned-bottom-rows')?.getBoundingClientRect().top ?? box.bottom;
  // The header row's frozen part: the row numbers and the frozen fields.
  const header = viewport.querySelector('.ag-header-row-column');
  const pinned = header?.querySelector('.ag-grid-pinned-left-cells')?.getBoundingClientRect();
  const rowNumbers = header?.querySelector(`.ag-header-cell[col-id="${ROW_NUMBER_COL}"]`)?.getBoundingClientRect();
  // ag-grid hides the native scrollbars and overlays its own at the right.
  const scrollbar = root.querySelector('.ag-body-vertical-scroll');
  const right = Math.min(box.right, scrollbar && scrollbar.getBoundingClientRect().width > 0 ? scrollbar.getBoundingClientRect().left : box.right);
  const left = pinned && pinned.width > 0 ? pinned.right : box.left;
  return {
    scroll: { top, bottom, left, right, pinnedFrom: box.left },
    cells: { top, bottom, left: rowNumbers && rowNumbers.width > 0 ? rowNumbers.right : box.left, right },
  };
}

/**
 * The row (and field column) under a point; a point outside the grid is first moved just
 * inside the visible cells, so a pointer below the grid points at the last row on screen.
 * Undefined over a gap with no row (under the last row of a short table) or while the rows
 * a scroll brought in are not drawn yet.
 */
export function rowAtPoint(root: HTMLElement, point: Point, cells: Rect): RowHit | undefined {
  const inside = clampInto(point, cells);
  // Every element under the point, topmost first: the scrollbars ag-grid overlays on the
  // rows and the fill hint must not hide the row beneath.
  for (const element of document.elementsFromPoint(inside.x, inside.y)) {
    if (!root.contains(element)) continue;
    const rowElement = element.closest('.ag-row');
    // Rows of the scrolling body only: the header and the summary bar are rows too.
    if (!rowElement?.closest('.ag-grid-scrolling-container')) continue;
    const row = Number(rowElement.getAttribute('row-index'));
    if (!Number.isInteger(row) || row < 0) continue;
    const col = element.closest('.ag-cell')?.getAttribute('col-id') ?? undefined;
    return { row, col: col === ROW_NUMBER_COL ? undefined : col };
  }
  return undefined;
}

/** A rendered body row's box by index (undefined when it is not drawn). */
export function rowBox(root: HTMLElement, row: number): DOMRect | undefined {
  return root.querySelector<HTMLElement>(`.ag-grid-scrolling-container .ag-row[row-index="${row}"]`)?.getBoundingClientRect();
}
