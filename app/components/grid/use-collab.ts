import { useEffect } from 'react';
import { CollabClient, collabUrl } from '../../../collab/client/index.ts';
import { watchAwareness } from '../presence/presence-store.ts';
import { onEditRejected } from './edit-path.ts';
import type { GridController } from './grid-controller.ts';
import { onTableMessage } from './live-rows.ts';

/**
 * The page's one websocket (ARCHITECTURE §5): the table channel for patches and presence,
 * and the record docs cell edits go through. A reconnect reloads the rows, since patches
 * sent while offline are gone.
 */
export function useCollab(ctrl: GridController, onSchema: () => void): void {
  useEffect(() => {
    const { tableId, userId, cell } = ctrl.setup;
    const client = new CollabClient({ url: collabUrl(window.location) });
    ctrl.connect(client, {
      onRemoteChange: (recordId, fieldId, value) => ctrl.setCell(recordId, fieldId, value),
      onRejected: (recordId, fieldId, message) => onEditRejected(ctrl, recordId, fieldId, message),
    });
    const channel = client.openTable(tableId, { onMessage: (message) => onTableMessage(ctrl, message, onSchema) });
    ctrl.channel = channel;
    channel.setPresence({ user: { id: userId }, cell: null });
    let syncs = 0;
    const onSynced = () => {
      syncs += 1;
      if (syncs > 1) ctrl.refresh();
    };
    channel.provider.on('synced', onSynced);
    const members = new Map(cell.members.map((member) => [member.id, member]));
    const stopPresence = channel.provider.awareness ? watchAwareness(channel.provider.awareness, ctrl.presence, members, userId) : () => {};
    return () => {
      stopPresence();
      channel.provider.off('synced', onSynced);
      ctrl.disconnect();
      client.destroy();
    };
  }, [ctrl, onSchema]);
}
