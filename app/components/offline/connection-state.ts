// When the offline banner shows, as pure functions of the socket's status over time, so
// the rules are tested without a socket: blips and a slow first connect stay silent.

export type SocketStatus = 'connecting' | 'connected' | 'disconnected';

/** A drop shorter than this is a blip the socket recovers from before anyone could act. */
export const BLIP_MS = 2000;
/** The first connection may take a while on a slow network before it counts as offline. */
export const FIRST_CONNECT_MS = 5000;

export interface ConnectionState {
  status: SocketStatus;
  everConnected: boolean;
  /** Since when (ms) the socket has not been connected; null while connected. */
  downSince: number | null;
  /** Reconnected after a drop, until every queued edit is acknowledged. */
  recovering: boolean;
}

export function initialConnection(status: SocketStatus, now: number): ConnectionState {
  return { status, everConnected: status === 'connected', downSince: status === 'connected' ? null : now, recovering: false };
}

export function withStatus(state: ConnectionState, status: SocketStatus, now: number): ConnectionState {
  if (status === state.status) return state;
  if (status === 'connected') {
    return { status, everConnected: true, downSince: null, recovering: state.everConnected && state.downSince !== null };
  }
  return { ...state, status, downSince: state.downSince ?? now, recovering: false };
}

export type Banner =
  | { kind: 'hidden' }
  /** The server ended this person's access (removed from the base, signed out): no retrying. */
  | { kind: 'ended'; reason: 'access-revoked' | 'signed-out' }
  | { kind: 'offline'; pending: number }
  | { kind: 'syncing'; pending: number };

/**
 * `pending`: edits not yet acknowledged by the server (queued record doc updates plus the
 * grid's batch requests in flight). `browserOnline`: navigator.onLine, which knows about a
 * lost network long before a silent websocket times out.
 */
export function bannerFor(state: ConnectionState, pending: number, browserOnline: boolean, now: number): Banner {
  if (!browserOnline) return { kind: 'offline', pending };
  if (state.status !== 'connected') {
    const grace = state.everConnected ? BLIP_MS : FIRST_CONNECT_MS;
    return state.downSince !== null && now - state.downSince >= grace ? { kind: 'offline', pending } : { kind: 'hidden' };
  }
  return state.recovering && pending > 0 ? { kind: 'syncing', pending } : { kind: 'hidden' };
}

/** Once everything queued is acknowledged, a reconnect is over. */
export function withPending(state: ConnectionState, pending: number): ConnectionState {
  return state.recovering && pending === 0 ? { ...state, recovering: false } : state;
}
