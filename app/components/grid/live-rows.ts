import type { TableMessage } from '../../../collab/protocol.ts';
import type { GridController } from './grid-controller.ts';

/**
 * The table channel's stream applied to the loaded rows (ARCHITECTURE §5): a patch updates
 * its row in place unless the row already shows a newer version; when the view sorts or
 * filters by a changed field, or rows appear or go away, the cached blocks are reloaded so
 * rows move to where they now belong.
 */
export function onTableMessage(ctrl: GridController, message: TableMessage, onSchema: () => void): void {
  switch (message.type) {
    case 'patch': {
      performance.mark('tessera:patch', { detail: { recordId: message.recordId } });
      ctrl.applyPatch(message.recordId, message.version, message.values);
      if (Object.keys(message.values).some((fieldId) => ctrl.orderFields.has(fieldId))) ctrl.refresh();
      return;
    }
    case 'created':
    case 'refresh':
      ctrl.refresh();
      return;
    case 'deleted':
      ctrl.nodeOf(message.recordId)?.setSelected(false);
      ctrl.refresh();
      return;
    case 'schema':
      // Fields or views changed: the page reloads its schema, and the grid rebuilds.
      onSchema();
      return;
  }
}
