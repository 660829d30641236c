import type { SuppressKeyboardEventParams } from 'ag-grid-community';
import { kitOf } from '../fields/index.ts';
import { undoStep } from './edit-path.ts';
import { fillSelection } from './fill.ts';
import type { GridController } from './grid-controller.ts';
import { headerOf } from './group-types.ts';
import { clearRange, copyRange, extendRange } from './range-actions.ts';
import { toggleCell } from './toggle.ts';

const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);
const isMod = (event: KeyboardEvent) => event.ctrlKey || event.metaKey;

/**
 * Keys the grid must leave to us while no editor is open: clearing, range extension,
 * clipboard, undo, Space (a toggle, not row selection) and Shift+Enter (expand the record,
 * as Enter would edit). Everything else — arrows, Tab, Enter/F2, typing to edit, Esc — is
 * ag-grid's own spreadsheet navigation.
 */
export function suppressGridKey({ event, editing }: SuppressKeyboardEventParams): boolean {
  if (editing) return false;
  return ownsKey(event);
}

function ownsKey(event: KeyboardEvent): boolean {
  if (event.key === 'Delete' || event.key === 'Backspace' || (event.key === ' ' && !isMod(event))) return true;
  if (event.key === 'Enter' && event.shiftKey && !isMod(event) && !event.altKey) return true;
  if (event.shiftKey && ARROWS.has(event.key)) return true;
  return isMod(event) && ['c', 'z', 'y', 'd', 'r'].includes(event.key.toLowerCase());
}

/** Enter or Space on a grouped view's header row collapses or expands its group. */
function toggleFocusedGroup(ctrl: GridController, event: KeyboardEvent): boolean {
  if ((event.key !== 'Enter' && event.key !== ' ') || isMod(event) || ctrl.editing) return false;
  const row = (event.target as HTMLElement | null)?.closest?.('.ag-full-width-row');
  const group = row ? headerOf(ctrl.api?.getDisplayedRowAtIndex(Number(row.getAttribute('row-index')))?.data) : undefined;
  if (!group) return false;
  event.preventDefault();
  ctrl.toggleGroup(group.id);
  return true;
}

/** Our half of the keyboard, on the grid's element (the grid passes these keys on untouched). */
export function attachKeyboard(ctrl: GridController, element: HTMLElement): () => void {
  const onKey = (event: KeyboardEvent) => {
    if (toggleFocusedGroup(ctrl, event)) return;
    // An editor opening (F2, a typed key) takes the keys that follow, even before it has focus.
    if (ctrl.editing || ctrl.api?.getEditingCells().length || event.isComposing || !ownsKey(event)) return;
    if (!(event.target as HTMLElement | null)?.closest('.ag-cell')) return;
    const key = event.key.toLowerCase();
    if (isMod(event) && key === 'c') {
      event.preventDefault();
      void copyRange(ctrl);
    } else if (isMod(event) && !event.shiftKey && (key === 'd' || key === 'r')) {
      // Excel's fill down / fill right (instead of the browser's bookmark / reload).
      event.preventDefault();
      fillSelection(ctrl, key === 'd' ? 'down' : 'right');
    } else if (isMod(event) && (key === 'y' || (key === 'z' && event.shiftKey))) {
      event.preventDefault();
      void undoStep(ctrl, true);
    } else if (isMod(event) && key === 'z') {
      event.preventDefault();
      void undoStep(ctrl, false);
    } else if (event.shiftKey && ARROWS.has(event.key)) {
      event.preventDefault();
      extendRange(ctrl, event.key);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const focused = ctrl.api?.getFocusedCell();
      const row = focused ? ctrl.rowAt(focused.rowIndex) : undefined;
      if (row) ctrl.expanded.set(row.id);
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      void clearRange(ctrl);
    } else if (event.key === ' ') {
      event.preventDefault();
      const focused = ctrl.api?.getFocusedCell();
      const field = focused ? ctrl.fieldById.get(focused.column.getColId()) : undefined;
      const row = focused ? ctrl.rowAt(focused.rowIndex) : undefined;
      if (!focused || !field || !row) return;
      // Space ticks a box; elsewhere it is typing, and starts editing like any character.
      if (kitOf(field.type).toggle) toggleCell(ctrl, row.id, field.id);
      else ctrl.api?.startEditingCell({ rowIndex: focused.rowIndex, colKey: field.id, key: ' ' });
    }
  };
  element.addEventListener('keydown', onKey);
  return () => element.removeEventListener('keydown', onKey);
}
