import type { CellFocusedEvent, CellMouseOverEvent } from 'ag-grid-community';
import type { GridController } from './grid-controller.ts';
import { ROW_NUMBER_COL } from './columns.ts';
import { fillDown } from './fill.ts';
import { boundsOf, type Bounds, type CellPos } from './range.ts';

/** The cell under a pointer event, read from the grid's DOM (row-index and col-id). */
function cellAt(target: EventTarget | null): CellPos | undefined {
  const element = (target as HTMLElement | null)?.closest?.('.ag-cell');
  const col = element?.getAttribute('col-id');
  const row = Number(element?.closest('.ag-row')?.getAttribute('row-index'));
  return col && col !== ROW_NUMBER_COL && Number.isInteger(row) && row >= 0 ? { row, col } : undefined;
}

/**
 * Mouse ranges, which ag-grid community does not have: press and drag, or Shift+click to
 * stretch from the anchor. The press sets the range itself (in the capture phase, before the
 * grid sees it): the grid reports the focus it causes only after the button is released, too
 * late to tell a drag or a Shift+click from a plain click.
 */
export class PointerRange {
  private pressed = false;
  /** The cell the last press put the range on; its coming focus event changes nothing. */
  private pressedAt: CellPos | undefined;
  /** The range the fill handle was picked up from, while it is dragged. */
  private filling: Bounds | undefined;
  private fillTo = -1;

  constructor(private readonly ctrl: GridController) {}

  attach(element: HTMLElement): () => void {
    const down = (event: MouseEvent) => {
      if (event.button === 0 && (event.target as HTMLElement | null)?.closest?.('.fill-handle')) {
        // The handle: a drag that fills, not a new range (the grid must not see the press).
        event.preventDefault();
        event.stopPropagation();
        this.filling = boundsOf(this.ctrl.range.get());
        this.fillTo = this.filling?.bottom ?? -1;
        return;
      }
      const pos = event.button === 0 ? cellAt(event.target) : undefined;
      if (!pos) return;
      const state = this.ctrl.range.get();
      this.pressed = true;
      this.pressedAt = pos;
      const anchor = event.shiftKey && state.range ? state.range.anchor : pos;
      this.ctrl.range.set({ ...state, range: { anchor, focus: pos } });
    };
    const up = () => {
      this.pressed = false;
      const source = this.filling;
      this.filling = undefined;
      if (source && this.fillTo > source.bottom) void fillDown(this.ctrl, source, this.fillTo);
    };
    element.addEventListener('mousedown', down, true);
    document.addEventListener('mouseup', up);
    return () => {
      element.removeEventListener('mousedown', down, true);
      document.removeEventListener('mouseup', up);
    };
  }

  /** A cell got focus: from the keyboard that is a new one-cell range; from a press, it is done. */
  focused(row: number, col: string): void {
    const pressed = this.pressedAt;
    this.pressedAt = undefined;
    if (pressed && pressed.row === row && pressed.col === col) return;
    const state = this.ctrl.range.get();
    this.ctrl.range.set({ ...state, range: { anchor: { row, col }, focus: { row, col } } });
  }

  over(event: CellMouseOverEvent): void {
    if (this.filling && event.rowIndex !== null) {
      // Down only: the range grows to show what the fill will cover.
      const source = this.filling;
      this.fillTo = Math.max(source.bottom, event.rowIndex);
      const state = this.ctrl.range.get();
      const columns = state.columns;
      this.ctrl.range.set({ ...state, range: { anchor: { row: source.top, col: columns[source.left]! }, focus: { row: this.fillTo, col: columns[source.right]! } } });
      return;
    }
    if (!this.pressed || event.rowIndex === null) return;
    const col = event.column.getColId();
    const state = this.ctrl.range.get();
    if (col === ROW_NUMBER_COL || !state.range) return;
    const focus = state.range.focus;
    if (focus.row === event.rowIndex && focus.col === col) return;
    this.ctrl.range.set({ ...state, range: { anchor: state.range.anchor, focus: { row: event.rowIndex, col } } });
  }
}

export function focusedCell(event: CellFocusedEvent): { row: number; col: string } | undefined {
  if (event.rowIndex === null || !event.column || typeof event.column === 'string') return undefined;
  const col = event.column.getColId();
  return col === ROW_NUMBER_COL ? undefined : { row: event.rowIndex, col };
}
