import { useEffect, useRef, useState } from 'react';
import { CollabClient, collabUrl, type TableMessage } from '../../../collab/client/index.ts';

/**
 * The page's one websocket for a kanban, calendar or gallery (ARCHITECTURE §5): the table
 * channel's patches, created/deleted records and schema changes go to `onMessage`; after a
 * reconnect `onResync` (messages sent while away are lost). The client is returned for the
 * record panel, which opens record docs on it.
 */
export function useTableChannel(tableId: string, userId: string, onMessage: (message: TableMessage) => void, onResync: () => void): CollabClient | null {
  const [client, setClient] = useState<CollabClient | null>(null);
  const handlers = useRef({ onMessage, onResync });
  handlers.current = { onMessage, onResync };
  useEffect(() => {
    const collab = new CollabClient({ url: collabUrl(window.location), maxDelay: 8000 });
    const channel = collab.openTable(tableId, { onMessage: (message) => handlers.current.onMessage(message) });
    channel.setPresence({ user: { id: userId }, cell: null });
    let syncs = 0;
    const onSynced = () => {
      syncs += 1;
      if (syncs > 1) handlers.current.onResync();
    };
    channel.provider.on('synced', onSynced);
    setClient(collab);
    return () => {
      channel.provider.off('synced', onSynced);
      channel.close();
      collab.destroy();
      setClient(null);
    };
  }, [tableId, userId]);
  return client;
}
