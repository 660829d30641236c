import type { Document } from '@hocuspocus/server';
import * as Y from 'yjs';
import type { AppContext } from '../../server/context.ts';
import type { FieldValues, RecordBatchCommitted } from '../../server/events/index.ts';
import { findRow, toStoredRecord } from '../../server/records/index.ts';
import { loadTableSchema, type TableSchema } from '../../server/tables/table-schema.ts';
import { parseDocName, recordDocName } from '../protocol.ts';
import { applyValue, coerceContextOf, fieldsOf, isDocField, reconcile, SERVER_ORIGIN } from './doc-values.ts';
import { deleteDocState, findDocState, upsertDocState } from './record-docs.repository.ts';
import { CollabRefusal } from './socket-auth.ts';

/** A record doc Hocuspocus has loaded and this server keeps in step with SQL. */
export interface LoadedRecordDoc {
  readonly name: string;
  readonly tableId: string;
  readonly recordId: number;
  readonly document: Document;
  /** Set after its record's deletion commits: the doc is closing and is never stored again. */
  deleted: boolean;
  /** How many times its state was stored; lets a caller tell whether the write path did. */
  stores: number;
}

/**
 * The loaded record docs and the rules that keep SQL from ever being ahead of their stored
 * state: a doc is stored before it is served, and in the transaction of every change to its
 * record (the write path's in-transaction hook, `applyCommitted`).
 */
export class RecordDocs {
  private readonly loaded = new Map<string, LoadedRecordDoc>();
  /** Batches whose values were applied to docs inside a transaction not yet known to commit. */
  private readonly uncommitted = new Map<RecordBatchCommitted, LoadedRecordDoc[]>();
  /** Docs whose group commit is running: it brings them to SQL and stores them itself. */
  private deferred: ReadonlySet<LoadedRecordDoc> = new Set();
  /** Schemas of tables with loaded docs; every edit needs one, and they change rarely. */
  private readonly schemas = new Map<string, TableSchema>();

  constructor(private readonly ctx: AppContext) {}

  /** Decodes the stored state, reconciles it to the row and stores it, in one transaction. */
  load(document: Document, tableId: string, recordId: number): LoadedRecordDoc {
    const schema = this.schemaOf(tableId);
    const entry: LoadedRecordDoc = { name: document.name, tableId, recordId, document, deleted: false, stores: 0 };
    // A small client id makes the server's changes lose ties with concurrent client edits
    // (Yjs orders concurrent map values by client id), so a revert or a REST write never
    // silently replaces an edit the server had not seen. Still random per load, since two
    // instances with one id would corrupt the doc (decision 0020).
    document.clientID = 1 + Math.floor(Math.random() * 0xfffe);
    this.ctx.db.transaction(() => {
      const row = findRow(this.ctx.db, schema, recordId);
      if (!row) throw new CollabRefusal();
      const state = findDocState(this.ctx.db, tableId, recordId);
      if (state && decodes(document.name, state)) Y.applyUpdate(document, state, SERVER_ORIGIN);
      reconcile(document, schema, toStoredRecord(schema, row).values);
      this.store(entry);
    });
    this.loaded.set(entry.name, entry);
    return entry;
  }

  /** The live entry of a document name; a destroyed document no longer counts as loaded. */
  get(name: string): LoadedRecordDoc | undefined {
    const entry = this.loaded.get(name);
    if (entry?.document.isDestroyed) {
      this.loaded.delete(name);
      return undefined;
    }
    return entry;
  }

  ofTable(tableId: string): LoadedRecordDoc[] {
    return [...this.loaded.keys()].map((name) => this.get(name)).filter((entry) => entry?.tableId === tableId) as LoadedRecordDoc[];
  }

  all(): LoadedRecordDoc[] {
    return [...this.loaded.keys()].map((name) => this.get(name)).filter((entry) => entry !== undefined);
  }

  /** Called on every schema event of the table, before anything reads the new schema. */
  forgetSchema(tableId: string): void {
    this.schemas.delete(tableId);
  }

  private schemaOf(tableId: string): TableSchema {
    let schema = this.schemas.get(tableId);
    if (!schema) {
      schema = loadTableSchema(this.ctx, tableId);
      this.schemas.set(tableId, schema);
    }
    return schema;
  }

  /** After Hocuspocus unloaded the document. */
  forget(name: string): void {
    const tableId = this.get(name) ? undefined : parseDocName(name)?.tableId;
    if (tableId && !this.ofTable(tableId).length) this.schemas.delete(tableId);
  }

  store(entry: LoadedRecordDoc): void {
    if (entry.deleted || entry.document.isDestroyed) return;
    upsertDocState(this.ctx.db, entry.tableId, entry.recordId, Y.encodeStateAsUpdate(entry.document), new Date().toISOString());
    entry.stores++;
  }

  /**
   * The write path's in-transaction hook: applies every committed value to its loaded doc
   * as a server-origin change (keys already equal are skipped, so a client's own edit is
   * not applied twice) and stores the doc in the same transaction. Deleted records lose
   * their stored state; records whose doc is not loaded are reconciled at the next load.
   */
  readonly applyCommitted = (batch: RecordBatchCommitted): void => {
    let schema: TableSchema | undefined;
    const touched: LoadedRecordDoc[] = [];
    // Nothing of an import's or a paste's new records can be open: a doc is loaded from its
    // row, and ids are never reused. With no doc of the table loaded, only deletes matter.
    const anyLoaded = this.loaded.size > 0;
    for (const change of batch.changes) {
      if (change.action === 'deleted') {
        deleteDocState(this.ctx.db, batch.tableId, change.recordId);
        continue;
      }
      if (change.action === 'created' || !anyLoaded) continue;
      const entry = this.get(recordDocName(batch.tableId, change.recordId));
      if (!entry || entry.deleted || this.deferred.has(entry)) continue;
      schema ??= this.schemaOf(batch.tableId);
      applyValues(entry.document, schema, change.after);
      this.store(entry);
      touched.push(entry);
    }
    if (!touched.length) return;
    this.uncommitted.set(batch, touched);
    // If a later hook or the commit itself fails, the docs show values SQL never got: the
    // batch's `records` event (see `committed`) never comes, and this puts them back.
    queueMicrotask(() => {
      const rolledBack = this.uncommitted.get(batch);
      this.uncommitted.delete(batch);
      for (const entry of rolledBack ?? []) this.resync(entry);
    });
  };

  /**
   * Runs a group commit of client edits (edit-queue.ts) on these docs. The hook leaves them
   * alone meanwhile: a doc may already hold a later edit than the one being written, and
   * setting the earlier value back would be a server change racing the client's next
   * edit. The group commit resyncs and stores them before its transaction commits.
   */
  deferring<T>(entries: Iterable<LoadedRecordDoc>, run: () => T): T {
    this.deferred = new Set(entries);
    try {
      return run();
    } finally {
      this.deferred = new Set();
    }
  }

  /** Called from the `records` event: the batch's transaction did commit. */
  committed(batch: RecordBatchCommitted): void {
    this.uncommitted.delete(batch);
  }

  /**
   * Puts keys (all when omitted) back to the row's values with server-origin changes, and
   * stores the doc if that changed it (unless the caller stores). A key that is no editable
   * field is removed. Returns whether the doc changed (false too when the record is gone).
   */
  resync(entry: LoadedRecordDoc, keys?: Iterable<string>, { store = true } = {}): boolean {
    if (entry.deleted || entry.document.isDestroyed) return false;
    const schema = this.schemaOf(entry.tableId);
    const row = findRow(this.ctx.db, schema, entry.recordId);
    if (!row) return false;
    const values = toStoredRecord(schema, row).values;
    const map = fieldsOf(entry.document);
    const ctx = coerceContextOf(schema);
    const editable = schema.fields.filter(isDocField).map((field) => field.id);
    let changed = false;
    entry.document.transact(() => {
      for (const key of keys ?? new Set([...editable, ...map.keys()])) {
        const field = schema.byId.get(key);
        if (field && isDocField(field)) changed = applyValue(map, field, values[key] ?? null, ctx) || changed;
        else if (map.has(key)) {
          map.delete(key);
          changed = true;
        }
      }
    }, SERVER_ORIGIN);
    if (changed && store) this.store(entry);
    return changed;
  }
}

function applyValues(doc: Y.Doc, schema: TableSchema, values: FieldValues): void {
  const map = fieldsOf(doc);
  const ctx = coerceContextOf(schema);
  doc.transact(() => {
    for (const [key, value] of Object.entries(values)) {
      const field = schema.byId.get(key);
      if (field && isDocField(field)) applyValue(map, field, value, ctx);
    }
  }, SERVER_ORIGIN);
}

/**
 * Tries a stored state on a scratch doc first: a corrupt blob must not half-apply. A doc
 * that cannot be decoded starts empty and is reconciled from SQL, which loses no value
 * (SQL is the truth); clients' replicas still merge into it.
 */
function decodes(name: string, state: Uint8Array): boolean {
  try {
    Y.applyUpdate(new Y.Doc(), state);
    return true;
  } catch (error) {
    console.error(`record doc ${name}: stored state does not decode, starting from SQL`, error);
    return false;
  }
}
