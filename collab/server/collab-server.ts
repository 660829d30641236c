import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { Hocuspocus, type onDisconnectPayload } from '@hocuspocus/server';
import { WebSocketServer, type WebSocket } from 'ws';
import type { AppContext } from '../../server/context.ts';
import { CLOSE_CODES, parseDocName, recordDocName, tableChannelName } from '../protocol.ts';
import { coalesceAwareness } from './awareness-broadcast.ts';
import { EditQueue } from './edit-queue.ts';
import { followAccessChange } from './live-access.ts';
import { guardMessage } from './message-guard.ts';
import { tellRefusedEdit } from './read-only-edits.ts';
import { deleteTableDocStates } from './record-docs.repository.ts';
import { RecordDocs } from './record-docs.ts';
import { authorizeDocument } from './socket-auth.ts';
import { filterSocketMessages } from './socket-filter.ts';
import { messageOfSchema, messagesOfBatch, TableBroadcaster } from './table-channel.ts';

/** The one websocket path; every other upgrade is refused. */
export const COLLAB_PATH = '/collab';

export interface CollabOptions {
  /** How long a doc nobody has open stays loaded; also Hocuspocus's store debounce. */
  idleMs?: number;
  /** Largest websocket message; a bigger one closes the socket with 1009. */
  maxMessageBytes?: number;
}

export interface CollabServer {
  readonly hocuspocus: Hocuspocus;
  isLoaded(documentName: string): boolean;
  /** Stores every loaded doc and closes every socket; call before the database closes. */
  close(): Promise<void>;
}

/**
 * The sync server of ARCHITECTURE §5 on the HTTP server's own port: Hocuspocus without a
 * listener of its own, fed by a `ws` server on `upgrade` of `/collab`.
 */
export function attachCollab(ctx: AppContext, server: http.Server, options: CollabOptions = {}): CollabServer {
  const idleMs = options.idleMs ?? 2000;
  const docs = new RecordDocs(ctx);
  let closing = false;

  const storeIfLoaded = (documentName: string) => {
    const entry = closing ? undefined : docs.get(documentName);
    if (entry) docs.store(entry);
  };

  const hocuspocus: Hocuspocus = new Hocuspocus({
    name: 'tessera-collab',
    quiet: true,
    timeout: 30_000,
    debounce: idleMs,
    maxDebounce: idleMs * 5,
    // Unloading waits for the debounced store, which `holdUntilIdle` schedules: a doc stays
    // warm for `idleMs` after its last connection leaves (focus moving between cells).
    unloadImmediately: false,
    async onAuthenticate(data) {
      const { context, readOnly } = authorizeDocument(ctx, { documentName: data.documentName, token: data.token, headers: data.requestHeaders });
      if (readOnly) data.connectionConfig.readOnly = true;
      return context;
    },
    async beforeHandleMessage(data) {
      guardMessage(data);
      tellRefusedEdit(data);
    },
    async onLoadDocument({ documentName, document }) {
      coalesceAwareness(document);
      const doc = parseDocName(documentName);
      if (doc?.kind !== 'record') return;
      const entry = docs.load(document, doc.tableId, doc.recordId);
      // After Yjs integrated a transaction, before Hocuspocus broadcasts and acknowledges it.
      document.on('afterTransactionCleanup', (transaction) => edits.add(entry, transaction));
    },
    async onStoreDocument({ documentName }) {
      storeIfLoaded(documentName);
    },
    async beforeUnloadDocument({ documentName }) {
      storeIfLoaded(documentName);
    },
    async afterUnloadDocument({ documentName }) {
      docs.forget(documentName);
    },
    async onDisconnect(data) {
      if (data.clientsCount === 0 && !closing && !docs.get(data.documentName)?.deleted) holdUntilIdle(data);
    },
  });

  // Used by the hooks above, which run only once sockets connect.
  const channel = new TableBroadcaster(hocuspocus);
  const edits = new EditQueue(ctx, docs, channel);

  function holdUntilIdle(data: onDisconnectPayload): void {
    hocuspocus.storeDocumentHooks(data.document, data)?.catch((error: unknown) => {
      console.error(`collab: storing ${data.documentName} before unloading failed`, error);
    });
  }

  const closeDocument = (name: string, event: { code: number; reason: string }) => {
    for (const connection of hocuspocus.documents.get(name)?.getConnections() ?? []) connection.close(event);
  };

  const offRecords = ctx.events.on('records', (batch) => {
    docs.committed(batch);
    for (const change of batch.changes) {
      if (change.action !== 'deleted') continue;
      const entry = docs.get(recordDocName(batch.tableId, change.recordId));
      if (entry) entry.deleted = true;
      closeDocument(recordDocName(batch.tableId, change.recordId), CLOSE_CODES.recordDeleted);
    }
    if (channel.isOpen(batch.tableId)) channel.queue(batch.tableId, messagesOfBatch(batch));
  });

  const offSchema = ctx.events.on('schema', (event) => {
    docs.forgetSchema(event.tableId);
    if (event.kind === 'table' && event.action === 'deleted') {
      for (const entry of docs.ofTable(event.tableId)) {
        entry.deleted = true;
        closeDocument(entry.name, CLOSE_CODES.tableDeleted);
      }
      deleteTableDocStates(ctx.db, event.tableId);
      closeDocument(tableChannelName(event.tableId), CLOSE_CODES.tableDeleted);
      return;
    }
    // A field added, removed or retyped: open docs follow the new schema at once.
    if (event.kind === 'field') ctx.db.transaction(() => docs.ofTable(event.tableId).forEach((entry) => docs.resync(entry)));
    channel.queue(event.tableId, [messageOfSchema(event)]);
  });

  // Removed members, changed roles, revoked sessions: open connections follow at once.
  const offAccess = ctx.events.on('access', (event) => followAccessChange(ctx, hocuspocus, event));

  ctx.inTransactionHooks.push(docs.applyCommitted);

  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes ?? 1024 * 1024 });
  const onUpgrade = (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    if (closing || pathOf(request.url) !== COLLAB_PATH) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => accept(ws, request));
  };
  server.on('upgrade', onUpgrade);

  function accept(ws: WebSocket, request: http.IncomingMessage): void {
    // ws closes the socket itself on a protocol error (1009 for an oversized message); an
    // 'error' listener must exist or the error would be thrown and end the process.
    ws.on('error', () => ws.terminate());
    filterSocketMessages(ws, hocuspocus, edits);
    hocuspocus.handleConnection(ws, request);
  }

  return {
    hocuspocus,
    isLoaded: (documentName) => hocuspocus.documents.has(documentName),
    async close() {
      closing = true;
      server.off('upgrade', onUpgrade);
      edits.flush(); // edits already applied to docs must reach SQL before the database closes
      channel.flush();
      offRecords();
      offSchema();
      offAccess();
      const hook = ctx.inTransactionHooks.indexOf(docs.applyCommitted);
      if (hook >= 0) ctx.inTransactionHooks.splice(hook, 1);
      for (const entry of docs.all()) docs.store(entry);
      await Promise.all(
        [...wss.clients].map((ws) => new Promise<void>((resolve) => {
          ws.once('close', () => resolve());
          ws.close(CLOSE_CODES.goingAway.code, CLOSE_CODES.goingAway.reason);
          ws.terminate();
        })),
      );
      // Pending debounced stores run now (and find nothing to do) instead of after idleMs.
      await Promise.all([...hocuspocus.documents.keys()].map((name) => hocuspocus.debouncer.executeNow(`onStoreDocument-${name}`)));
      edits.flush(); // what the closing sockets delivered meanwhile
      wss.close();
    },
  };
}

function pathOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url, 'http://localhost').pathname;
  } catch {
    return undefined; // a request line we cannot parse is not for us
  }
}
