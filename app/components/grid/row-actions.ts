import { fieldTypes } from '../../../core/fields/registry.ts';
import { MAX_RANGE_ROWS } from './range-actions.ts';
import type { GridController } from './grid-controller.ts';
import type { RowsStep } from './undo-stack.ts';

/**
 * "+ Add record": creates an empty record, then shows it — at its place when the view is
 * unsorted (the server tells where), focused on its first field, ready for typing.
 */
export async function addRecord(ctrl: GridController): Promise<void> {
  const { cell } = ctrl.setup;
  try {
    const id = await ctrl.rows.create();
    const total = ctrl.total.get();
    if (total !== null) {
      ctrl.total.set(total + 1);
      ctrl.api?.setRowCount(total + 1, true);
    }
    ctrl.refresh();
    // Focus only once the reloaded rows are in place: typing into a row that a pending
    // reload is about to re-render would lose the first keystrokes.
    const [position] = await Promise.all([ctrl.rows.position(id), ctrl.whenRefreshed()]);
    const api = ctrl.api;
    const first = ctrl.columns[0];
    if (position === null || !api || !first) return;
    api.ensureIndexVisible(position, 'bottom');
    api.setFocusedCell(position, first);
  } catch (error) {
    ctrl.toasts.show(cell.t('grid.addFailed', { message: (error as Error).message }));
  }
}

/** Deletes the rows ticked in the row-number column, as one batch and one undo step. */
export async function deleteSelected(ctrl: GridController): Promise<void> {
  const api = ctrl.api;
  const { cell } = ctrl.setup;
  if (!api) return;
  const rows = api.getSelectedNodes().flatMap((node) => (node.data ? [{ id: node.data.id, values: node.data.values }] : [])).slice(0, MAX_RANGE_ROWS);
  if (!rows.length) return;
  try {
    await ctrl.batches.submit({ deletes: rows.map((row) => row.id) }, rows.length);
    api.deselectAll();
    ctrl.undo.push({ kind: 'rows', rows });
    ctrl.toasts.show(cell.t('grid.deleted', { count: rows.length }), { kind: 'info' });
    ctrl.refresh();
  } catch (error) {
    ctrl.toasts.show(cell.t('grid.deleteFailed', { message: (error as Error).message }));
  }
}

/**
 * Undo of a deletion: the rows come back through the same batch path with the values they
 * had (new ids; computed fields recompute), and the step remembers the new ids for redo.
 */
export async function restoreRows(ctrl: GridController, step: RowsStep): Promise<boolean> {
  const { cell } = ctrl.setup;
  const creates = step.rows.map((row) => Object.fromEntries(Object.entries(row.values).filter(([fieldId, value]) => {
    const field = ctrl.fieldById.get(fieldId);
    return field !== undefined && !fieldTypes[field.type].readOnly && value !== null && value !== undefined;
  })));
  try {
    const result = await ctrl.batches.submit({ creates }, creates.length);
    step.rows = step.rows.map((row, index) => ({ ...row, id: result.created[index]?.id ?? row.id }));
    ctrl.toasts.show(cell.t('grid.restored', { count: result.created.length }), { kind: 'info' });
    ctrl.refresh();
    return true;
  } catch (error) {
    ctrl.toasts.show(cell.t('grid.restoreFailed', { message: (error as Error).message }));
    return false;
  }
}

/** Redo of a deletion: deletes the rows that undo brought back. */
export async function deleteRowsAgain(ctrl: GridController, step: RowsStep): Promise<boolean> {
  const { cell } = ctrl.setup;
  try {
    await ctrl.batches.submit({ deletes: step.rows.map((row) => row.id) }, step.rows.length);
    ctrl.toasts.show(cell.t('grid.deleted', { count: step.rows.length }), { kind: 'info' });
    ctrl.refresh();
    return true;
  } catch (error) {
    ctrl.toasts.show(cell.t('grid.deleteFailed', { message: (error as Error).message }));
    return false;
  }
}
