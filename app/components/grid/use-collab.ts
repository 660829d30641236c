import { useEffect } from 'react';
import { CollabClient, collabUrl } from '../../../collab/client/index.ts';
import { watchAwareness } from '../presence/presence-store.ts';
import { onEditRejected } from './edit-path.ts';
import type { GridController } from './grid-controller.ts';
import { onTableMessage } from './live-rows.ts';

/**
 * The page's one websocket (ARCHITECTURE §5): the table channel for patches, schema
 * changes and presence, and the record docs cell edits go through. A reconnect reloads the
 * rows (patches sent while offline are gone) and sends the batch edits that waited.
 */
export function useCollab(ctrl: GridController): void {
  useEffect(() => {
    const { tableId, userId, cell } = ctrl.setup;
    // A restarted server should find its people back within seconds, not the default 30.
    const client = new CollabClient({ url: collabUrl(window.location), maxDelay: 8000 });
    ctrl.connect(client, {
      onRemoteChange: (recordId, fieldId, value) => ctrl.setCell(recordId, fieldId, value),
      onRejected: (recordId, fieldId, message) => onEditRejected(ctrl, recordId, fieldId, message),
    });
    // Read at call time: the page swaps its revalidator without reconnecting.
    const channel = client.openTable(tableId, { onMessage: (message) => onTableMessage(ctrl, message, () => ctrl.reloadSchema()) });
    ctrl.channel = channel;
    channel.setPresence({ user: { id: userId }, cell: null });
    let syncs = 0;
    const onSynced = () => {
      syncs += 1;
      // Whatever changed while the socket was down, fields and views included.
      if (syncs > 1) {
        ctrl.refresh();
        ctrl.reloadSchema();
      }
    };
    const onStatus = ({ status }: { status: string }) => {
      if (status === 'connected') ctrl.batches.retry();
    };
    channel.provider.on('synced', onSynced);
    client.socket.on('status', onStatus);
    const members = new Map(cell.members.map((member) => [member.id, member]));
    const stopPresence = channel.provider.awareness ? watchAwareness(channel.provider.awareness, ctrl.presence, members, userId) : () => {};
    return () => {
      stopPresence();
      channel.provider.off('synced', onSynced);
      client.socket.off('status', onStatus);
      ctrl.batches.destroy();
      ctrl.disconnect();
      client.destroy();
    };
  }, [ctrl]);
}
