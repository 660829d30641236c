import type { TableMessage } from '../../../collab/protocol.ts';
import type { GridController } from './grid-controller.ts';
import { moveSortedRow } from './sorted-move.ts';

/**
 * The table channel's stream applied to the loaded rows (ARCHITECTURE §5): a patch updates
 * its row in place unless the row already shows a newer version. A change to a sort field
 * moves the row among the loaded rows at once (sorted-move.ts); the cached blocks are then
 * reloaded to confirm, as they are when a filter field changes or rows come and go. In a
 * grouped view every change reloads the blocks (headers carry counts and sums), and every
 * change reloads the summary bar, debounced.
 */
export function onTableMessage(ctrl: GridController, message: TableMessage, onSchema: () => void): void {
  // Every change to records can change the summary bar's numbers.
  if (message.type !== 'schema') ctrl.refreshSummarySoon();
  switch (message.type) {
    case 'patch': {
      performance.mark('tessera:patch', { detail: { recordId: message.recordId } });
      const applied = ctrl.applyPatch(message.recordId, message.version, message.values);
      const changed = Object.keys(message.values);
      if (ctrl.grouped) {
        // A group's header counts and sums its records: a change to a group field moves the
        // record between groups, any other may change a sum. The blocks are reloaded.
        if (changed.some((fieldId) => ctrl.orderFields.has(fieldId))) ctrl.refresh();
        else ctrl.refreshSoon();
        return;
      }
      if (!changed.some((fieldId) => ctrl.orderFields.has(fieldId))) return;
      const local = applied && !changed.some((fieldId) => ctrl.filterFields.has(fieldId)) && moveSortedRow(ctrl, message.recordId);
      if (local) ctrl.refreshSoon();
      else ctrl.refresh();
      return;
    }
    case 'created':
    case 'refresh':
      ctrl.refresh();
      return;
    case 'deleted':
      ctrl.nodeOf(message.recordId)?.setSelected(false);
      if (ctrl.expanded.get() === message.recordId) ctrl.expanded.set(null);
      ctrl.refresh();
      return;
    case 'schema':
      // Fields or views changed: the page reloads its schema and the grid follows in place.
      onSchema();
      return;
  }
}
