import { WsReadyStates } from '@hocuspocus/common';
import { HocuspocusProvider, HocuspocusProviderWebsocket, MessageType } from '@hocuspocus/provider';
import * as Y from 'yjs';
import {
  FIELDS_MAP, parseMessage, recordDocMessage, recordDocName, tableChannelName, tableFrame,
  type Presence, type RecordDocMessage, type TableMessage,
} from '../protocol.ts';

type AwarenessChanges = { added: number[]; updated: number[]; removed: number[] };

export interface CollabClientOptions {
  /** `ws(s)://host/collab`; in the browser, `collabUrl(window.location)`. */
  url: string;
  /** An API token (scripts, Node); a browser leaves it out and its session cookie is used. */
  token?: string;
  /** Node only: the `ws` package's WebSocket (browsers have their own). */
  WebSocketPolyfill?: unknown;
  /** Reconnect backoff bounds in ms (defaults 1000 / 30000). */
  minDelay?: number;
  maxDelay?: number;
}

/** The websocket URL of the server that served this page. */
export function collabUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`;
}

export interface Handlers<M> {
  /** A server message for this document. */
  onMessage?(message: M): void;
  /** The server refused the document (not a member, no such record …). */
  onForbidden?(reason: string): void;
  /** The server closed the document (record or table deleted, forged message). */
  onClosed?(reason: string): void;
}

/**
 * Why the server ended this person's live access: removed from the base (or the table is
 * out of reach), or the session or token the socket signed in with was revoked.
 */
export type AccessEnd = 'access-revoked' | 'signed-out';

export interface TableChannel {
  readonly provider: HocuspocusProvider;
  /** Shows where this user is; `user.id` must be the signed-in user's id. */
  setPresence(presence: Presence): void;
  close(): void;
}

export interface RecordDocHandle {
  readonly provider: HocuspocusProvider;
  readonly document: Y.Doc;
  /** Editable field values keyed by field id; long text fields hold a Y.Text. */
  readonly fields: Y.Map<unknown>;
  /** Resolves once the first sync with the server is done. */
  synced(): Promise<void>;
  close(): void;
}

/**
 * One websocket for everything a page shows (ARCHITECTURE §5): the table channels and the
 * record docs the grid opens when a cell gets focus are providers multiplexed on it. Works
 * in browsers and in Node (tests, the bench) with the `ws` package.
 */
export class CollabClient {
  readonly socket: HocuspocusProviderWebsocket;
  /** Set once the server ended this person's access; the socket then stays shut. */
  ended: AccessEnd | null = null;
  private readonly open = new Map<string, HocuspocusProvider>();
  private readonly endListeners = new Set<(reason: AccessEnd) => void>();
  /** A table channel was closed as signed out, and one fresh connection is being tried. */
  private signedOut = false;

  constructor(private readonly options: CollabClientOptions) {
    this.socket = new HocuspocusProviderWebsocket({
      url: options.url,
      WebSocketPolyfill: options.WebSocketPolyfill && withErrorListener(options.WebSocketPolyfill as NodeWebSocketClass),
      minDelay: options.minDelay ?? 1000,
      delay: options.minDelay ?? 1000,
      maxDelay: options.maxDelay ?? 30_000,
    });
  }

  /**
   * Opens a table's channel. Losing it means losing the table: closed as `access-revoked`,
   * or refused (after a reconnect, say), the client ends (`onEnded`) instead of retrying
   * forever. Closed as `signed-out`, one fresh connection is tried first: a browser whose
   * password just changed has a new session cookie, which only a new upgrade carries.
   */
  openTable(tableId: string, handlers: Handlers<TableMessage> = {}): TableChannel {
    const provider = this.provider(tableChannelName(tableId), new Y.Doc(), (payload) => {
      const frame = parseMessage(tableFrame, payload);
      if (frame?.type === 'batch') frame.messages.forEach((message) => handlers.onMessage?.(message));
      else if (frame) handlers.onMessage?.(frame);
    }, {
      onClosed: (reason) => {
        handlers.onClosed?.(reason);
        if (reason === 'access-revoked') this.end('access-revoked');
        else if (reason === 'signed-out') this.reconnectSignedOut();
      },
      onForbidden: (reason) => {
        handlers.onForbidden?.(reason);
        this.end(this.signedOut ? 'signed-out' : 'access-revoked');
      },
    });
    provider.on('authenticated', () => (this.signedOut = false));
    return {
      provider,
      setPresence: (presence) => provider.awareness?.setLocalState(presence),
      close: () => this.close(provider),
    };
  }

  /**
   * Opens a record's doc; pass the Y.Doc kept from an earlier session to sync offline edits.
   * Presence lives on the table channel (which cell is being edited), so a record doc has
   * no awareness unless asked for (text cursors inside a long text).
   */
  openRecord(
    tableId: string,
    recordId: number,
    handlers: Handlers<RecordDocMessage> & { document?: Y.Doc; awareness?: boolean } = {},
  ): RecordDocHandle {
    const document = handlers.document ?? new Y.Doc();
    const provider = this.provider(recordDocName(tableId, recordId), document, (payload) => {
      const message = parseMessage(recordDocMessage, payload);
      if (message) handlers.onMessage?.(message);
    }, handlers, handlers.awareness ?? false);
    return {
      provider,
      document,
      fields: document.getMap(FIELDS_MAP),
      synced: () => whenSynced(provider),
      close: () => this.close(provider),
    };
  }

  /**
   * Drops the connection; providers stay attached, keep their docs and resync offline edits
   * on `connect`. Resolves once the socket is closed (connecting earlier would be a no-op).
   */
  disconnect(): Promise<void> {
    const ws = this.socket.webSocket;
    if (!ws || ws.readyState === WsReadyStates.Closed) {
      this.socket.disconnect();
      return Promise.resolve();
    }
    // Also while still connecting: a `connect` before the old socket has closed would race it.
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.socket.off('disconnect', done);
        resolve();
      };
      const timer = setTimeout(done, 2000);
      this.socket.on('disconnect', done);
      this.socket.disconnect();
    });
  }

  connect(): Promise<void> {
    return this.socket.connect().then(
      () => undefined,
      (error: unknown) => {
        // The provider retries forever; it gives up only when `disconnect` or `destroy`
        // stopped an attempt mid-handshake, which is what the caller asked for.
        if (this.socket.shouldConnect) throw error;
      },
    );
  }

  destroy(): void {
    for (const provider of [...this.open.values()]) this.close(provider);
    this.socket.destroy();
  }

  /** Calls `listener` once the server ends this person's access; returns the unsubscribe. */
  onEnded(listener: (reason: AccessEnd) => void): () => void {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }

  private end(reason: AccessEnd): void {
    if (this.ended) return;
    this.ended = reason;
    this.signedOut = false;
    // Every document on the socket belongs to the page's table: nothing is left to serve.
    this.socket.disconnect();
    for (const listener of this.endListeners) listener(reason);
  }

  private reconnectSignedOut(): void {
    if (this.signedOut || this.ended) return;
    this.signedOut = true;
    void this.disconnect().then(() => (this.ended ? undefined : this.connect())).catch(() => undefined);
  }

  private provider(name: string, document: Y.Doc, onStateless: (payload: string) => void, handlers: Handlers<unknown>, awareness = true): HocuspocusProvider {
    if (this.open.has(name)) throw new Error(`${name} is already open on this client`);
    const provider = new HocuspocusProvider({
      name,
      document,
      // Undefined lets the provider create one; null means none.
      ...(awareness ? {} : { awareness: null }),
      websocketProvider: this.socket,
      token: this.options.token ?? '',
      onStateless: ({ payload }) => onStateless(payload),
      onAuthenticationFailed: ({ reason }) => handlers.onForbidden?.(reason),
      // Only the server's per-document close (type 7); a whole-socket close reconnects by itself.
      onMessage: ({ message }) => {
        message.readVarString();
        if (message.readVarUint() === MessageType.CLOSE) handlers.onClosed?.(message.readVarString());
      },
    });
    // The provider sends back every awareness state it receives: with N viewers each
    // presence change came back N times. Only changes made here are sent.
    if (provider.awareness) {
      provider.awareness.off('update', provider.boundAwarenessUpdateHandler);
      provider.awareness.on('update', (changes: AwarenessChanges, origin: unknown) => {
        if (origin !== provider) provider.boundAwarenessUpdateHandler(changes, origin);
      });
    }
    // A provider on a shared socket does not attach itself.
    provider.attach();
    this.open.set(name, provider);
    return provider;
  }

  private close(provider: HocuspocusProvider): void {
    const name = provider.configuration.name;
    if (this.open.get(name) !== provider) return;
    this.open.delete(name);
    // Offline, the provider would queue its close and send it after reconnecting, where it
    // would close the connection of this name opened since. A new socket has nothing to close.
    if (this.socket.webSocket?.readyState !== WsReadyStates.Open) this.socket.configuration.providerMap.delete(name);
    provider.destroy();
  }
}

function whenSynced(provider: HocuspocusProvider): Promise<void> {
  return new Promise<void>((resolve) => {
    if (provider.isSynced) return resolve();
    const done = () => {
      provider.off('synced', done);
      resolve();
    };
    provider.on('synced', done);
  });
}

type NodeWebSocketClass = new (url: string) => { on?(event: 'error', listener: (error: Error) => void): unknown };

/**
 * The provider removes its listeners from a socket that is still connecting and then closes
 * it; `ws` (Node) emits 'error' for that, and an 'error' without a listener ends the
 * process. Browsers' WebSocket has no such rule. The provider learns of every failure from
 * 'close', so this listener only has to exist.
 */
function withErrorListener(Base: NodeWebSocketClass): NodeWebSocketClass {
  return class extends Base {
    constructor(url: string) {
      super(url);
      this.on?.('error', () => {});
    }
  };
}
