import { MAX_RANGE_ROWS } from './range-actions.ts';
import type { GridController } from './grid-controller.ts';

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
    const position = await ctrl.rows.position(id);
    const api = ctrl.api;
    const first = ctrl.columns[0];
    if (position === null || !api || !first) return;
    api.ensureIndexVisible(position, 'bottom');
    api.setFocusedCell(position, first);
  } catch (error) {
    ctrl.toasts.show(cell.t('grid.addFailed', { message: (error as Error).message }));
  }
}

/** Deletes the rows ticked in the row-number column, as one batch. */
export async function deleteSelected(ctrl: GridController): Promise<void> {
  const api = ctrl.api;
  const { cell } = ctrl.setup;
  if (!api) return;
  const ids = api.getSelectedNodes().flatMap((node) => (node.data ? [node.data.id] : [])).slice(0, MAX_RANGE_ROWS);
  if (!ids.length) return;
  try {
    await ctrl.rows.batch({ deletes: ids });
    api.deselectAll();
    ctrl.toasts.show(cell.t('grid.deleted', { count: ids.length }), { kind: 'info' });
    ctrl.refresh();
  } catch (error) {
    ctrl.toasts.show(cell.t('grid.deleteFailed', { message: (error as Error).message }));
  }
}
