import { useEffect, useState, useSyncExternalStore } from 'react';
import type { AccessEnd, CollabClient } from '../../../collab/client/index.ts';
import { bannerFor, initialConnection, withPending, withStatus, type Banner, type SocketStatus } from './connection-state.ts';
import type { PendingEdits } from './pending-edits.ts';

// While offline or catching up, the queue and the grace periods are re-read this often.
const POLL_MS = 1000;

const noPending = { subscribe: () => () => undefined, getSnapshot: () => 0 };

/** Record doc updates the server has not acknowledged, over every doc on the socket. */
function queuedDocEdits(collab: CollabClient): number {
  let total = 0;
  for (const provider of collab.socket.configuration.providerMap.values()) total += provider.unsyncedChanges;
  return total;
}

/**
 * The banner to show for a page's collab connection: access ended (for good), offline
 * (with how many edits wait), syncing after a reconnect, or hidden. Record doc edits are queued by Yjs itself and sent
 * on reconnect; `pendingEdits` adds the grid's batch requests. Hidden on the server.
 */
export function useConnectionState(collab: CollabClient | null, pendingEdits?: PendingEdits): Banner {
  const store = pendingEdits ?? noPending;
  const batches = useSyncExternalStore(store.subscribe, store.getSnapshot, () => 0);
  const [state, setState] = useState(() => initialConnection('connecting', Date.now()));
  const [now, setNow] = useState(() => Date.now());
  const [browserOnline, setBrowserOnline] = useState(true);
  const [docEdits, setDocEdits] = useState(0);
  const [ended, setEnded] = useState<AccessEnd | null>(null);

  useEffect(() => {
    setEnded(collab?.ended ?? null);
    return collab?.onEnded(setEnded);
  }, [collab]);

  useEffect(() => {
    if (!collab) return;
    const socket = collab.socket;
    const update = (status: SocketStatus) => {
      const at = Date.now();
      setNow(at);
      setState((current) => withStatus(current, status, at));
    };
    update(socket.status as SocketStatus);
    const onStatus = ({ status }: { status: SocketStatus }) => update(status);
    socket.on('status', onStatus);
    return () => { socket.off('status', onStatus); };
  }, [collab]);

  useEffect(() => {
    const onChange = () => setBrowserOnline(navigator.onLine);
    onChange();
    window.addEventListener('online', onChange);
    window.addEventListener('offline', onChange);
    return () => {
      window.removeEventListener('online', onChange);
      window.removeEventListener('offline', onChange);
    };
  }, []);

  const watching = state.status !== 'connected' || state.recovering || !browserOnline;
  useEffect(() => {
    if (!collab || !watching) return;
    const poll = () => {
      const queued = queuedDocEdits(collab);
      setDocEdits(queued);
      setNow(Date.now());
      setState((current) => withPending(current, queued + (pendingEdits?.pending ?? 0)));
    };
    poll();
    const timer = setInterval(poll, POLL_MS);
    return () => clearInterval(timer);
  }, [collab, watching, pendingEdits]);

  if (ended) return { kind: 'ended', reason: ended };
  return bannerFor(state, (watching ? docEdits : 0) + batches, browserOnline, now);
}
