import type { CellFocusedEvent, CellMouseOverEvent } from 'ag-grid-community';
import type { GridController } from './grid-controller.ts';
import { ROW_NUMBER_COL } from './columns.ts';
import { filledBounds, fillRange, fillTargetAt, type FillTarget } from './fill.ts';
import { MAX_RANGE_ROWS } from './range-actions.ts';
import { boundsOf, type Bounds, type CellPos } from './range.ts';
import './paste-fill.css';

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
  /** Where the dragged handle points now: a direction and how many rows or columns. */
  private fillTarget: FillTarget | undefined;
  /** "+3 new records" beside the pointer while the handle is dragged past the last row. */
  private hint: HTMLElement | undefined;

  constructor(private readonly ctrl: GridController) {}

  attach(element: HTMLElement): () => void {
    const down = (event: MouseEvent) => {
      if (event.button === 0 && (event.target as HTMLElement | null)?.closest?.('.fill-handle')) {
        // The handle: a drag that fills, not a new range (the grid must not see the press).
        event.preventDefault();
        event.stopPropagation();
        this.filling = boundsOf(this.ctrl.range.get());
        this.fillTarget = undefined;
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
      const target = this.fillTarget;
      this.filling = undefined;
      this.fillTarget = undefined;
      this.showHint(undefined);
      if (source && target) void this.ctrl.trackStep(fillRange(this.ctrl, source, target));
      else if (source) this.showRange(source);
    };
    const move = (event: MouseEvent) => {
      if (this.filling) this.dragFill(event);
    };
    element.addEventListener('mousedown', down, true);
    document.addEventListener('mouseup', up);
    document.addEventListener('mousemove', move);
    return () => {
      element.removeEventListener('mousedown', down, true);
      document.removeEventListener('mouseup', up);
      document.removeEventListener('mousemove', move);
      this.showHint(undefined);
    };
  }

  /**
   * The handle moved: the fill points the way the pointer left the source furthest (up,
   * down, left or right), and the range grows to show what it will cover. Below the last
   * row it counts the rows the pointer is past it: those records will be created.
   */
  private dragFill(event: MouseEvent): void {
    const source = this.filling!;
    const columns = this.ctrl.columns;
    const pos = cellAt(event.target);
    const last = this.ctrl.rowCount() - 1;
    let target: FillTarget | undefined;
    let extra = 0;
    const lastRow = document.querySelector<HTMLElement>(`.ag-row[row-index="${last}"]`)?.getBoundingClientRect();
    if (lastRow && event.clientY > lastRow.bottom && (!pos || pos.row === last)) {
      extra = Math.min(MAX_RANGE_ROWS, Math.ceil((event.clientY - lastRow.bottom) / Math.max(1, lastRow.height)));
      target = fillTargetAt(source, last + extra, source.right);
    } else if (pos) {
      target = fillTargetAt(source, pos.row, columns.indexOf(pos.col));
    } else {
      return;
    }
    this.fillTarget = target;
    const shown = target ? filledBounds(source, target) : source;
    this.showRange({ ...shown, bottom: Math.min(shown.bottom, last) });
    const created = target?.direction === 'down' ? Math.max(0, source.bottom + target.count - last) : 0;
    this.showHint(created ? { x: event.clientX, y: event.clientY, text: this.ctrl.setup.cell.t('paste.fillNewRecords', { count: created }) } : undefined);
  }

  private showRange(bounds: Bounds): void {
    const state = this.ctrl.range.get();
    const { columns } = state;
    this.ctrl.range.set({ ...state, range: { anchor: { row: bounds.top, col: columns[bounds.left]! }, focus: { row: bounds.bottom, col: columns[bounds.right]! } } });
  }

  private showHint(at: { x: number; y: number; text: string } | undefined): void {
    if (!at) {
      this.hint?.remove();
      this.hint = undefined;
      return;
    }
    this.hint ??= document.body.appendChild(Object.assign(document.createElement('div'), { className: 'fill-hint' }));
    this.hint.textContent = at.text;
    this.hint.style.left = `${at.x + 14}px`;
    this.hint.style.top = `${at.y + 10}px`;
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
    // A dragged fill handle follows the pointer itself (dragFill), past the last row too.
    if (this.filling) return;
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
