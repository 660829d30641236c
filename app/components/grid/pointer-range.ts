import type { CellFocusedEvent } from 'ag-grid-community';
import { AutoScroll, type Point } from './auto-scroll.ts';
import type { GridController } from './grid-controller.ts';
import { ROW_NUMBER_COL } from './columns.ts';
import { filledBounds, fillRange, fillTargetAt, type FillTarget } from './fill.ts';
import { dragGeometry, gridViewport, rowAtPoint, rowBox, type RowHit } from './grid-geometry.ts';
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

/** Pixels the pointer must travel from the press before a drag may auto-scroll (a click near an edge must not). */
const DRAG_SLOP = 4;

/**
 * Mouse ranges, which ag-grid community does not have: press and drag, or Shift+click to
 * stretch from the anchor. The press sets the range itself (in the capture phase, before the
 * grid sees it): the grid reports the focus it causes only after the button is released, too
 * late to tell a drag or a Shift+click from a plain click.
 *
 * A drag (a range or the fill handle) follows the cell under the pointer, looked up from the
 * pointer's position rather than the event's target, and auto-scrolls at the grid's edges
 * (auto-scroll.ts): each scrolled frame re-aims it at whatever is now under the pointer, so
 * the range grows while the pointer is held still past the edge.
 */
export class PointerRange {
  private root: HTMLElement | undefined;
  private pressed = false;
  /** The cell the last press put the range on; its coming focus event changes nothing. */
  private pressedAt: CellPos | undefined;
  /** The range the fill handle was picked up from, while it is dragged. */
  private filling: Bounds | undefined;
  /** Where the dragged handle points now: a direction and how many rows or columns. */
  private fillTarget: FillTarget | undefined;
  /** "+3 new records" beside the pointer while the handle is dragged past the last row. */
  private hint: HTMLElement | undefined;
  /** Where the drag was pressed and where the pointer is now, in client pixels. */
  private drag: { from: Point; at: Point; scrolling: boolean } | undefined;
  private readonly scroller = new AutoScroll({
    viewport: () => (this.root ? gridViewport(this.root) : null),
    area: () => (this.root ? dragGeometry(this.root)?.scroll : undefined),
    follow: (pointer) => this.follow(pointer),
  });

  constructor(private readonly ctrl: GridController) {}

  attach(element: HTMLElement): () => void {
    this.root = element;
    const down = (event: MouseEvent) => {
      if (event.button === 0 && (event.target as HTMLElement | null)?.closest?.('.fill-handle')) {
        // The handle: a drag that fills, not a new range (the grid must not see the press).
        event.preventDefault();
        event.stopPropagation();
        this.filling = boundsOf(this.ctrl.range.get());
        this.fillTarget = undefined;
        this.startDrag(event);
        element.classList.add('fill-dragging');
        return;
      }
      const pos = event.button === 0 ? cellAt(event.target) : undefined;
      if (!pos) return;
      const state = this.ctrl.range.get();
      this.pressed = true;
      this.pressedAt = pos;
      const anchor = event.shiftKey && state.range ? state.range.anchor : pos;
      this.ctrl.range.set({ ...state, range: { anchor, focus: pos } });
      this.startDrag(event);
    };
    const up = () => {
      // Aimed once more: the rows may have moved under a still pointer since the last frame.
      if (this.drag) this.follow(this.drag.at);
      this.pressed = false;
      this.drag = undefined;
      this.scroller.stop();
      element.classList.remove('fill-dragging');
      const source = this.filling;
      const target = this.fillTarget;
      this.filling = undefined;
      this.fillTarget = undefined;
      this.showHint(undefined);
      if (source && target) void this.ctrl.trackStep(fillRange(this.ctrl, source, target));
      else if (source) this.showRange(source);
    };
    const move = (event: MouseEvent) => {
      const drag = this.drag;
      if (!drag) return;
      // The button was let go where no mouseup reached us (another window): the drag is over.
      if ((event.buttons & 1) === 0) {
        up();
        return;
      }
      drag.at = { x: event.clientX, y: event.clientY };
      drag.scrolling ||= Math.hypot(drag.at.x - drag.from.x, drag.at.y - drag.from.y) >= DRAG_SLOP;
      this.follow(drag.at);
      if (drag.scrolling) this.scroller.move(drag.at);
    };
    // A scroll during a drag (auto-scroll, or the wheel) brings other cells under the pointer;
    // they are drawn by the next frame. Scroll events do not bubble: listen in the capture phase.
    const scrolled = () => {
      if (this.drag) requestAnimationFrame(() => this.drag && this.follow(this.drag.at));
    };
    element.addEventListener('mousedown', down, true);
    element.addEventListener('scroll', scrolled, true);
    document.addEventListener('mouseup', up);
    document.addEventListener('mousemove', move);
    return () => {
      element.removeEventListener('mousedown', down, true);
      element.removeEventListener('scroll', scrolled, true);
      document.removeEventListener('mouseup', up);
      document.removeEventListener('mousemove', move);
      this.scroller.stop();
      this.drag = undefined;
      this.showHint(undefined);
      this.root = undefined;
    };
  }

  private startDrag(event: MouseEvent): void {
    const at = { x: event.clientX, y: event.clientY };
    this.drag = { from: at, at, scrolling: false };
  }

  /** Re-aims the drag at what is under the pointer now (it moved, or the grid scrolled under it). */
  private follow(pointer: Point): void {
    const root = this.root;
    const geometry = root ? dragGeometry(root) : undefined;
    if (!root || !geometry) return;
    const hit = rowAtPoint(root, pointer, geometry.cells);
    if (this.filling) this.dragFill(root, pointer, hit);
    else if (this.pressed) this.extendRange(hit);
  }

  /** A range drag: the range's far end is the cell under the pointer (a header row keeps the column). */
  private extendRange(hit: RowHit | undefined): void {
    const state = this.ctrl.range.get();
    if (!hit || !state.range) return;
    const col = hit.col ?? state.range.focus.col;
    const focus = state.range.focus;
    if (focus.row === hit.row && focus.col === col) return;
    this.ctrl.range.set({ ...state, range: { anchor: state.range.anchor, focus: { row: hit.row, col } } });
  }

  /**
   * The handle moved: the fill points the way the pointer left the source furthest (up,
   * down, left or right), and the range grows to show what it will cover. Below the last
   * row it counts the rows the pointer is past it: those records will be created (also
   * when auto-scroll brought the last row on screen).
   */
  private dragFill(root: HTMLElement, pointer: Point, hit: RowHit | undefined): void {
    const source = this.filling!;
    const columns = this.ctrl.columns;
    const last = this.ctrl.rowCount() - 1;
    let target: FillTarget | undefined;
    const lastRow = rowBox(root, last);
    if (lastRow && pointer.y > lastRow.bottom && (!hit || hit.row === last)) {
      const extra = Math.min(MAX_RANGE_ROWS, Math.ceil((pointer.y - lastRow.bottom) / Math.max(1, lastRow.height)));
      target = fillTargetAt(source, last + extra, source.right);
    } else if (hit) {
      // A grouped view's header row has no cells: it points down or up its column.
      target = fillTargetAt(source, hit.row, hit.col ? columns.indexOf(hit.col) : source.right);
    } else {
      return;
    }
    this.fillTarget = target;
    const shown = target ? filledBounds(source, target) : source;
    this.showRange({ ...shown, bottom: Math.min(shown.bottom, last) });
    const created = target?.direction === 'down' ? Math.max(0, source.bottom + target.count - last) : 0;
    this.showHint(created ? { x: pointer.x, y: pointer.y, text: this.ctrl.setup.cell.t('paste.fillNewRecords', { count: created }) } : undefined);
  }

  private showRange(bounds: Bounds): void {
    const state = this.ctrl.range.get();
    const { columns } = state;
    const anchor = { row: bounds.top, col: columns[bounds.left]! };
    const focus = { row: bounds.bottom, col: columns[bounds.right]! };
    const now = state.range;
    if (now && now.anchor.row === anchor.row && now.anchor.col === anchor.col && now.focus.row === focus.row && now.focus.col === focus.col) return;
    this.ctrl.range.set({ ...state, range: { anchor, focus } });
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
}

export function focusedCell(event: CellFocusedEvent): { row: number; col: string } | undefined {
  if (event.rowIndex === null || !event.column || typeof event.column === 'string') return undefined;
  const col = event.column.getColId();
  return col === ROW_NUMBER_COL ? undefined : { row: event.rowIndex, col };
}
