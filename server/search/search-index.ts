import type { AppContext } from '../context.ts';
import { requireSafeId } from '../db/index.ts';
import type { RecordBatchCommitted, SchemaChanged } from '../events/index.ts';
import { loadTableSchema, sqlTableName, type TableSchema } from '../tables/table-schema.ts';
import { indexedTextSql, searchableFields } from './searchable.ts';

/** Rows indexed per step of a background build: ~20 ms of work, then other requests run. */
const BUILD_CHUNK = 2000;
/** Ids per statement when the write path's changes are applied to the index. */
const APPLY_CHUNK = 500;

interface IndexState {
  /** Field ids, in FTS column order. */
  fields: string[];
  ready: boolean;
  /** Rows with ids up to here are indexed and kept current by the hook; later ones wait for a step. */
  cursor: number;
  /** A chain of build steps is scheduled or running. */
  stepping: boolean;
  /** Bumped on every (re)build, so a superseded build's next step stops. */
  generation: number;
  /** A change the index cannot follow row by row (a field conversion): rebuild on next use. */
  stale: boolean;
}

export function searchTableName(tableId: string): string {
  return `s_${requireSafeId(tableId)}`;
}

/**
 * Lazily built FTS5 trigram indexes, one per searched table (decision 0061). Nothing exists
 * for a table nobody searched, so the bulk write path pays one Map lookup per batch there.
 * Once a table is searched, its index is built in the background in small steps, up to a
 * cursor (record id); rows up to the cursor are kept current inside the write path's own
 * transaction (`inTransactionHooks`): edits and deletes there are never behind a commit.
 * Records created later lie past the cursor and are indexed by the next background steps;
 * a search uses the index up to the cursor and scans the rest.
 */
export class SearchIndexes {
  private readonly states = new Map<string, IndexState>();
  private readonly unsubscribe: Array<() => void>;
  private generation = 0;
  private closed = false;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(private readonly ctx: AppContext) {
    const rows = ctx.db.prepare('SELECT table_id, fields, ready FROM search_indexes').all() as Array<{ table_id: string; fields: string; ready: number }>;
    for (const row of rows) {
      // An unfinished build left by a restart starts again on the table's next search.
      if (!row.ready) continue;
      const maxId = ctx.db.prepare(`SELECT max(id) FROM ${sqlTableName(row.table_id)}`).pluck().get() as number | null;
      this.states.set(row.table_id, { fields: JSON.parse(row.fields) as string[], ready: true, cursor: maxId ?? 0, generation: 0, stale: false, stepping: false });
    }
    ctx.inTransactionHooks.push(this.applyCommitted);
    this.unsubscribe = [ctx.events.on('schema', (event) => this.schemaChanged(event))];
  }

  /**
   * How far a search over these fields can use the index now: `covers` when the index has
   * the fields, `ready` once built, else complete up to record `cursor`. The first call for
   * a table starts its build; a stale or outdated index is rebuilt.
   */
  usable(schema: TableSchema, fieldIds: readonly string[]): { covers: boolean; ready: boolean; cursor: number } {
    const tableId = schema.table.id;
    let state = this.states.get(tableId);
    const wanted = searchableFields(schema).map((field) => field.id);
    const building = state && !state.ready && !state.stale && state.fields.join() === wanted.join();
    if (!building && (!state || state.stale || state.fields.join() !== wanted.join())) state = this.build(schema);
    const current = state!;
    return { covers: fieldIds.every((id) => current.fields.includes(id)), ready: current.ready, cursor: current.cursor };
  }

  /** Resolves when the table's index is ready (tests and benchmarks). */
  async whenReady(tableId: string, timeoutMs = 600_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!this.states.get(tableId)?.ready) {
      if (Date.now() > until) throw new Error(`search index of ${tableId} not ready after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  isReady(tableId: string): boolean {
    return this.states.get(tableId)?.ready ?? false;
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.unsubscribe.forEach((off) => off());
    const hook = this.ctx.inTransactionHooks.indexOf(this.applyCommitted);
    if (hook >= 0) this.ctx.inTransactionHooks.splice(hook, 1);
  }

  private build(schema: TableSchema): IndexState {
    const tableId = schema.table.id;
    const fields = searchableFields(schema);
    const state: IndexState = { fields: fields.map((field) => field.id), ready: false, cursor: 0, generation: ++this.generation, stale: false, stepping: false };
    const fts = searchTableName(tableId);
    this.ctx.db.transaction(() => {
      this.ctx.db.sqlite.exec(`DROP TABLE IF EXISTS ${fts}`);
      if (fields.length) {
        const columns = fields.map((field) => field.column).join(', ');
        // contentless: the text stays in t_<id> only; contentless_delete lets a row go by rowid.
        this.ctx.db.sqlite.exec(`CREATE VIRTUAL TABLE ${fts} USING fts5(${columns}, tokenize = 'trigram', content = '', contentless_delete = 1)`);
      }
      this.ctx.db.prepare('INSERT OR REPLACE INTO search_indexes (table_id, fields, ready, created_at) VALUES (?, ?, 0, ?)')
        .run(tableId, JSON.stringify(state.fields), new Date().toISOString());
    });
    this.ctx.db.forgetStatements();
    this.states.set(tableId, state);
    if (!fields.length) this.finish(tableId, state);
    else this.startSteps(tableId, state);
    return state;
  }

  private schedule(fn: () => void): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.ctx.db.sqlite.open) return; // the server closed
      try {
        fn();
      } catch (error) {
        // A failed step leaves the index unready (searches scan); the next search rebuilds it.
        for (const state of this.states.values()) if (!state.ready) state.stale = true;
        console.error('search index build step failed', error);
      }
    }, 0);
    this.timers.add(timer);
  }

  private startSteps(tableId: string, state: IndexState): void {
    if (state.stepping) return;
    state.stepping = true;
    this.schedule(() => this.step(tableId, state));
  }

  /** Indexes the next chunk of rows after the cursor, in one short transaction. */
  private step(tableId: string, state: IndexState): void {
    state.stepping = false;
    if (this.closed || this.states.get(tableId) !== state) return;
    let schema: TableSchema;
    try {
      schema = loadTableSchema(this.ctx, tableId);
    } catch {
      this.states.delete(tableId); // the table is gone
      return;
    }
    const fields = state.fields.map((id) => schema.byId.get(id));
    if (fields.some((field) => !field)) {
      state.stale = true;
      return;
    }
    const table = schema.sqlTable;
    const fts = searchTableName(tableId);
    const end = this.ctx.db.prepare(`SELECT id FROM ${table} WHERE id > ? ORDER BY id LIMIT 1 OFFSET ?`).pluck().get(state.cursor, BUILD_CHUNK - 1) as number | undefined;
    const columns = fields.map((field) => field!.column).join(', ');
    const texts = fields.map((field) => indexedTextSql(field!, table)).join(', ');
    this.ctx.db.transaction(() => {
      this.ctx.db.prepare(`INSERT INTO ${fts} (rowid, ${columns}) SELECT id, ${texts} FROM ${table} WHERE id > ? AND id <= ? ORDER BY id`)
        .run(state.cursor, end ?? Number.MAX_SAFE_INTEGER);
    });
    if (end === undefined) {
      state.cursor = (this.ctx.db.prepare(`SELECT max(id) FROM ${table}`).pluck().get() as number | null) ?? state.cursor;
      this.finish(tableId, state);
    } else {
      state.cursor = end;
      this.startSteps(tableId, state);
    }
  }

  private finish(tableId: string, state: IndexState): void {
    this.ctx.db.prepare('UPDATE search_indexes SET ready = 1 WHERE table_id = ?').run(tableId);
    state.ready = true;
  }

  /** In the write path's transaction: the changed rows' text, re-read from the table. */
  private readonly applyCommitted = (batch: RecordBatchCommitted): void => {
    const state = this.states.get(batch.tableId);
    if (!state || state.stale || !state.fields.length) return;
    if (batch.origin === 'schema') {
      // A column being converted or dropped may not be readable under its name right now.
      state.stale = true;
      return;
    }
    const limit = state.cursor;
    const indexed = new Set(state.fields);
    const removed: number[] = [];
    const added: number[] = [];
    let behind = false;
    for (const change of batch.changes) {
      if (change.recordId > limit) {
        behind = true;
        continue;
      }
      if (change.action === 'created') added.push(change.recordId);
      else if (change.action === 'deleted') removed.push(change.recordId);
      else if (Object.keys(change.after).some((id) => indexed.has(id))) {
        removed.push(change.recordId);
        added.push(change.recordId);
      }
    }
    if (behind) {
      // New records (ids past the cursor) are indexed by background steps, not in this
      // transaction: a bulk import into a searched table keeps its speed, and searches scan
      // only the few rows past the cursor meanwhile. Until then the index is not "ready",
      // also after a crash (a restart rebuilds an unready index).
      if (state.ready) this.ctx.db.prepare('UPDATE search_indexes SET ready = 0 WHERE table_id = ?').run(batch.tableId);
      state.ready = false;
      this.startSteps(batch.tableId, state);
    }
    if (!removed.length && !added.length) return;
    const schema = loadTableSchema(this.ctx, batch.tableId);
    const fields = state.fields.map((id) => schema.byId.get(id));
    if (fields.some((field) => !field)) {
      state.stale = true;
      return;
    }
    const fts = searchTableName(batch.tableId);
    const table = schema.sqlTable;
    const columns = fields.map((field) => field!.column).join(', ');
    const texts = fields.map((field) => indexedTextSql(field!, table)).join(', ');
    for (let at = 0; at < removed.length; at += APPLY_CHUNK) {
      const ids = removed.slice(at, at + APPLY_CHUNK);
      this.ctx.db.prepare(`DELETE FROM ${fts} WHERE rowid IN (${ids.map(() => '?').join(',')})`).run(...ids);
    }
    for (let at = 0; at < added.length; at += APPLY_CHUNK) {
      const ids = added.slice(at, at + APPLY_CHUNK);
      this.ctx.db.prepare(`INSERT INTO ${fts} (rowid, ${columns}) SELECT id, ${texts} FROM ${table} WHERE id IN (${ids.map(() => '?').join(',')})`).run(...ids);
    }
  };

  private schemaChanged(event: SchemaChanged): void {
    const state = this.states.get(event.tableId);
    if (!state || event.kind === 'view') return;
    if (event.kind === 'table' && event.action === 'deleted') {
      this.states.delete(event.tableId);
      this.ctx.db.sqlite.exec(`DROP TABLE IF EXISTS ${searchTableName(event.tableId)}`);
      this.ctx.db.forgetStatements();
      return;
    }
    if (event.kind !== 'field') return;
    const schema = loadTableSchema(this.ctx, event.tableId);
    const wanted = searchableFields(schema).map((field) => field.id);
    // A field added, removed or converted to or from a text kind: the columns change.
    if (state.stale || wanted.join() !== state.fields.join()) this.build(schema);
  }
}

// One registry per running server, found through its context like the row position cache.
const registries = new WeakMap<AppContext, SearchIndexes>();

export function searchIndexesOf(ctx: AppContext): SearchIndexes {
  let registry = registries.get(ctx);
  if (!registry) {
    registry = new SearchIndexes(ctx);
    registries.set(ctx, registry);
  }
  return registry;
}
