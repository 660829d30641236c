import WebSocket from 'ws';
import * as Y from 'yjs';
import { CollabClient, readField, recordDocName, FIELDS_MAP } from '../../../collab/client/index.ts';
import { TOKEN_SCOPES, type Actor } from '../../../server/auth/actor.ts';
import { findRow, toStoredRecord, writeRecords } from '../../../server/records/index.ts';
import { createTable, loadTableSchema } from '../../../server/tables/index.ts';
import { seedTeam, type Team } from '../../support/seed.ts';
import { startTestServer } from '../../support/test-server.ts';

export type Tessera = Awaited<ReturnType<typeof startTestServer>>;

/** The table every collab test works on: one field of each kind the docs treat differently. */
export interface CustomersTable {
  id: string;
  name: string;
  email: string;
  notes: string;
  amount: string;
  /** createdTime: read-only, never in a doc. */
  created: string;
  /** The editable fields, the keys a doc may hold. */
  editable: string[];
}

export interface CollabFixture {
  tessera: Tessera;
  team: Team;
  table: CustomersTable;
  records: number[];
  wsUrl: string;
  /** A client on its own websocket, destroyed by `close`. */
  client(token: string | undefined, options?: { headers?: Record<string, string> }): CollabClient;
  /** A record's values as SQLite has them, editable fields only. */
  sqlValues(recordId: number): Record<string, unknown>;
  /** The values of the server's loaded doc, undefined when not loaded. */
  serverDocValues(recordId: number): Record<string, unknown> | undefined;
  close(): Promise<void>;
}

export async function startCollabFixture({ records = 2, idleMs = 200 } = {}): Promise<CollabFixture> {
  const tessera = await startTestServer();
  // Short idle time, so tests see docs unload without waiting the production default.
  tessera.collab.hocuspocus.configuration.debounce = idleMs;
  tessera.collab.hocuspocus.configuration.maxDebounce = idleMs * 5;
  const team = seedTeam(tessera);
  const owner: Actor = { userId: team.owner.id, isAdmin: false, via: 'session', scopes: new Set(TOKEN_SCOPES) };
  const json = createTable(tessera.ctx, owner, team.baseId, {
    name: 'Customers',
    fields: [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Email', type: 'email' },
      { name: 'Notes', type: 'longText' },
      { name: 'Amount', type: 'number', options: { precision: 2 } },
      { name: 'Created', type: 'createdTime' },
    ],
  });
  const id = (name: string) => json.fields.find((field) => field.name === name)!.id;
  const table: CustomersTable = {
    id: json.id, name: id('Name'), email: id('Email'), notes: id('Notes'), amount: id('Amount'), created: id('Created'),
    editable: [id('Name'), id('Email'), id('Notes'), id('Amount')],
  };
  const creates = Array.from({ length: records }, (_, i) => ({ [table.name]: `客户 ${i + 1}`, [table.notes]: 'first line' }));
  const created = writeRecords(tessera.ctx, { tableId: table.id, creates }, { origin: 'api', typecast: false }).created;

  const clients: CollabClient[] = [];
  const wsUrl = `${tessera.url.replace(/^http/, 'ws')}/collab`;
  return {
    tessera,
    team,
    table,
    records: created.map((record) => record.id),
    wsUrl,
    client(token, options = {}) {
      const headers = options.headers;
      // The provider constructs `new WebSocket(url)`; a subclass adds headers such as a cookie.
      const Polyfill = headers ? class extends WebSocket { constructor(url: string) { super(url, { headers }); } } : WebSocket;
      const client = new CollabClient({ url: wsUrl, token, WebSocketPolyfill: Polyfill, minDelay: 50, maxDelay: 300 });
      clients.push(client);
      return client;
    },
    sqlValues(recordId) {
      const schema = loadTableSchema(tessera.ctx, table.id);
      const row = findRow(tessera.ctx.db, schema, recordId);
      if (!row) throw new Error(`record ${recordId} is gone`);
      const values = toStoredRecord(schema, row).values;
      return Object.fromEntries(table.editable.map((fieldId) => [fieldId, values[fieldId] ?? null]));
    },
    serverDocValues(recordId) {
      const doc = tessera.collab.hocuspocus.documents.get(recordDocName(table.id, recordId));
      return doc ? docValues(doc, table.editable) : undefined;
    },
    async close() {
      for (const client of clients) client.destroy();
      await tessera.close();
    },
  };
}

/** A doc's values for comparison with SQL: blank long text counts as empty, as SQL stores it. */
export function docValues(doc: Y.Doc, fieldIds: readonly string[]): Record<string, unknown> {
  const fields = doc.getMap(FIELDS_MAP);
  return Object.fromEntries(
    fieldIds.map((fieldId) => {
      const value = readField(fields, fieldId);
      return [fieldId, typeof value === 'string' && fields.get(fieldId) instanceof Y.Text && value.trim() === '' ? null : value];
    }),
  );
}

/** Polls until `check` returns true; fails naming `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resolves with the first value `subscribe` delivers, or rejects after `timeoutMs`. */
export function within<T>(what: string, timeoutMs: number, subscribe: (resolve: (value: T) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    subscribe((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}
