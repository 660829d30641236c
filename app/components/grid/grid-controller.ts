import type { GridApi, IDatasource, IRowNode } from 'ag-grid-community';
import type { CollabClient, TableChannel } from '../../../collab/client/index.ts';
import type { CellContext } from '../fields/cell-kit.ts';
import { PendingEdits } from '../offline/pending-edits.ts';
import { createPresenceStore, type PresenceStore } from '../presence/presence-store.ts';
import type { RecordDocSource } from '../record/record-doc-source.ts';
import type { BaseRole } from '../schema/types.ts';
import { BatchQueue } from './batch-queue.ts';
import { loadCollapsed, saveCollapsed } from './collapsed-groups.ts';
import { headerOf, type SummaryData } from './group-types.ts';
import { createRangeStore, type RangeStore } from './range.ts';
import { RecordDocs, type RecordDocHooks } from './record-docs.ts';
import { RowsClient } from './rows-client.ts';
import { createStore, type Store } from './store.ts';
import { Toasts } from './toasts.tsx';
import type { GridField, GridRowData, GridView, ViewSort } from './types.ts';
import { UndoStack } from './undo-stack.ts';

export interface GridSetup {
  tableId: string;
  baseId: string;
  view: GridView | null;
  /** Every field of the table, in table order (the record panel lists hidden ones too). */
  allFields: readonly GridField[];
  /** Field columns in display order (hidden fields left out). */
  fields: readonly GridField[];
  primaryFieldId: string | null;
  role: BaseRole;
  canEdit: boolean;
  userId: string;
  cell: CellContext;
}

/** A schema dialog the grid has open: editing a field, or creating one beside another. */
export type FieldDialog = { kind: 'edit'; fieldId: string } | { kind: 'create'; anchorId: string; side: 'left' | 'right' };

/** Rows per block the grid asks the server for. */
export const BLOCK_SIZE = 100;

/**
 * The state of one grid (one table, one view) outside React: the ag-grid API once ready,
 * the row source, range, undo, presence, toasts and the collab connection. Actions on it
 * live in their own modules (edit-path, range-actions, live-rows, keyboard, view-actions).
 * It lives as long as the page shows this view: a schema change elsewhere updates its
 * setup in place, so the rows, the scroll position and the socket stay.
 */
export class GridController {
  api: GridApi<GridRowData> | undefined;
  setup: GridSetup;
  readonly rows: RowsClient;
  readonly range: RangeStore;
  readonly undo = new UndoStack();
  readonly toasts = new Toasts();
  readonly presence: PresenceStore = createPresenceStore();
  /** Records in the view (after the search), once the first block told. */
  readonly total: Store<number | null> = createStore<number | null>(null);
  /** The search box's query; the grid shows only the records that match it. */
  readonly search: Store<string> = createStore('');
  /** Group ids this person collapsed in this view (kept in local storage). */
  readonly collapsed: Store<ReadonlySet<string>>;
  /** The summary bar's numbers, once loaded. */
  readonly summary: Store<SummaryData | null> = createStore<SummaryData | null>(null);
  readonly selected: Store<number> = createStore(0);
  /** This person's own sort (someone who may not change the view's), instead of the view's. */
  readonly localSorts: Store<readonly ViewSort[] | null> = createStore<readonly ViewSort[] | null>(null);
  readonly client: Store<CollabClient | null> = createStore<CollabClient | null>(null);
  /** The record shown in the side panel. */
  readonly expanded: Store<string | null> = createStore<string | null>(null);
  readonly dialog: Store<FieldDialog | null> = createStore<FieldDialog | null>(null);
  /** The view as this person just changed it, shown until the server's copy catches up. */
  readonly viewDraft: Store<GridView | null> = createStore<GridView | null>(null);
  /** View changes on their way to the server; the draft stays while any is. */
  viewPatches = 0;
  /** Reloads the page's schema (fields, views); the page sets it. */
  reloadSchema: () => void = () => {};
  /** Bumped whenever a loaded row's data changes, for views of one row (the record panel). */
  readonly rowTick: Store<number> = createStore(0);
  /** Edits sent but not confirmed, for the offline banner. */
  readonly pending = new PendingEdits();
  readonly batches: BatchQueue;
  /** Pastes, fills and deletions on their way to becoming undo steps (see trackStep). */
  private readonly stepsUnderway = new Set<Promise<unknown>>();
  /** Lends the grid's record docs to the record panel (CollabClient opens a doc once). */
  readonly docSource: RecordDocSource;
  fieldById: ReadonlyMap<string, GridField> = new Map();
  /** Fields whose change can move a row (the view sorts or filters by them). */
  orderFields: ReadonlySet<string> = new Set();
  /** Fields whose change can take a row out of the view or bring one in. */
  filterFields: ReadonlySet<string> = new Set();
  docs: RecordDocs | undefined;

  /**
   * A change that ends in an undo step (a paste, a fill, a deletion): an undo pressed while
   * it is still on its way waits for it, so it undoes this step and not the one before.
   * Waiting for the batch queue alone is not enough: the step is pushed a few promise
   * turns after its answer, and a paste fetches rows before it sends anything.
   */
  trackStep<T>(work: Promise<T>): Promise<T> {
    this.stepsUnderway.add(work);
    const forget = () => this.stepsUnderway.delete(work);
    work.then(forget, forget);
    return work;
  }

  /** Resolves once every change tracked so far has settled (later ones are not waited for). */
  async stepsSettled(): Promise<void> {
    await Promise.allSettled([...this.stepsUnderway]);
  }
  channel: TableChannel | undefined;
  editing = false;
  /** Text an IME composed on a cell that was not editing: the editor opening next starts with it. */
  imeText: string | null = null;
  private refreshState: 'idle' | 'running' | 'again' = 'idle';
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshAfterEditing = false;
  private refreshWaiters: Array<() => void> = [];
  private summaryTimer: ReturnType<typeof setTimeout> | undefined;
  private summaryRequest: AbortController | undefined;

  constructor(setup: GridSetup) {
    this.setup = setup;
    this.collapsed = createStore<ReadonlySet<string>>(loadCollapsed(setup.view?.id ?? null));
    this.rows = new RowsClient(setup.tableId, setup.view?.id ?? null, () => this.localSorts.get(), () => ({
      search: this.search.get(),
      collapsed: this.grouped ? this.collapsed.get() : new Set(),
    }));
    this.range = createRangeStore(setup.fields.map((field) => field.id));
    this.batches = new BatchQueue((body) => this.rows.batch(body), this.pending);
    this.docSource = {
      acquire: (recordId, hooks) => {
        if (!this.docs) throw new Error('record docs are not connected');
        return this.docs.lease(recordId, hooks);
      },
    };
    this.derive();
  }

  /**
   * The page reloaded its schema (a field or the view changed), or this person changed the
   * view: follow it without remounting. Called while rendering (cells and headers read the
   * setup), so it notifies nobody; `settle` does the rest after the render.
   */
  adopt(setup: GridSetup): void {
    if (setup === this.setup) return;
    this.setup = setup;
    this.derive();
  }

  /** After a render that adopted a new setup: the range's columns, and the rows if the query changed. */
  settle(before: GridSetup): void {
    const ids = this.setup.fields.map((field) => field.id);
    if (ids.join() !== this.columns.join()) this.range.set((state) => ({ ...state, columns: ids }));
    if (queryKey(before) !== queryKey(this.setup)) {
      this.refresh();
      this.refreshSummarySoon(0);
    } else if (JSON.stringify(before.view?.summaries ?? {}) !== JSON.stringify(this.setup.view?.summaries ?? {})) {
      this.refreshSummarySoon(0);
    }
  }

  /** Whether the view groups its records (rows then include group headers). */
  get grouped(): boolean {
    return (this.setup.view?.groupBy?.length ?? 0) > 0;
  }

  /** A new search: the grid narrows to the matching records (decision 0061). */
  setSearch(query: string): void {
    if (query === this.search.get()) return;
    this.search.set(query);
    this.derive();
    this.refresh();
    this.refreshSummarySoon(0);
  }

  /** Collapses or expands a group for this person; the blocks are laid out again. */
  toggleGroup(groupId: string): void {
    const next = new Set(this.collapsed.get());
    if (next.has(groupId)) next.delete(groupId);
    else next.add(groupId);
    this.collapsed.set(next);
    saveCollapsed(this.setup.view?.id ?? null, next);
    this.refresh();
  }

  /** Reloads the summary bar a little later, so that a burst of edits costs one query. */
  refreshSummarySoon(ms = 400): void {
    clearTimeout(this.summaryTimer);
    this.summaryTimer = setTimeout(() => void this.loadSummary(), ms);
  }

  private async loadSummary(): Promise<void> {
    if (!this.setup.view) return;
    this.summaryRequest?.abort();
    const request = new AbortController();
    this.summaryRequest = request;
    try {
      const data = await this.rows.summary(this.setup.view.summaries ?? {}, request.signal);
      if (!request.signal.aborted) this.summary.set(data);
    } catch (error) {
      if (!request.signal.aborted) this.toasts.show(this.setup.cell.t('grid.loadFailed', { message: (error as Error).message }));
    }
  }

  /** The sorts rows come in: this person's own, else the view's. */
  sorts(): readonly ViewSort[] {
    return this.localSorts.get() ?? this.setup.view?.sorts ?? [];
  }

  setLocalSorts(sorts: readonly ViewSort[] | null): void {
    this.localSorts.set(sorts);
    this.derive();
    this.refresh();
  }

  get columns(): readonly string[] {
    return this.range.get().columns;
  }

  /** ag-grid's Infinite Row Model asks for blocks here; the first answer sets the row count. */
  datasource(): IDatasource {
    return {
      getRows: (params) => {
        this.rows.rows(params.startRow, params.endRow - params.startRow).then(
          ({ rows, total, records }) => {
            this.total.set(records);
            params.successCallback(rows, total);
            this.rowTick.set((n) => n + 1);
            performance.mark('tessera:block-loaded', { detail: { start: params.startRow } });
          },
          (error: unknown) => {
            params.failCallback();
            // Offline, the banner says so; a toast per block would only add noise.
            if (this.client.get()?.socket.status !== 'disconnected') {
              this.toasts.show(this.setup.cell.t('grid.loadFailed', { message: (error as Error).message }));
            }
          },
        );
      },
    };
  }

  connect(client: CollabClient, hooks: RecordDocHooks): void {
    if (this.setup.canEdit) this.docs = new RecordDocs(client, this.setup.tableId, hooks, this.pending);
    this.client.set(client);
  }

  disconnect(): void {
    this.docs?.destroy();
    this.docs = undefined;
    this.channel?.close();
    this.channel = undefined;
    this.client.set(null);
  }

  nodeOf(recordId: string): IRowNode<GridRowData> | undefined {
    return this.api?.getRowNode(recordId) ?? undefined;
  }

  /** The record at a row index; undefined for a group header (and rows not loaded). */
  rowAt(index: number): GridRowData | undefined {
    const data = this.api?.getDisplayedRowAtIndex(index)?.data;
    return headerOf(data) ? undefined : data;
  }

  /** Whether the row at an index is a grouped view's header row. */
  isHeaderAt(index: number): boolean {
    return !!headerOf(this.api?.getDisplayedRowAtIndex(index)?.data);
  }

  valueOf(recordId: string, fieldId: string): unknown {
    return this.nodeOf(recordId)?.data?.values[fieldId] ?? null;
  }

  /** Shows a value in a loaded row (an optimistic edit, a revert, a remote change). */
  setCell(recordId: string, fieldId: string, value: unknown): void {
    const node = this.nodeOf(recordId);
    if (!node?.data) return;
    node.setData({ ...node.data, values: { ...node.data.values, [fieldId]: value } });
    this.rowTick.set((n) => n + 1);
  }

  /** A committed change from the server; older than what the row shows is ignored. */
  applyPatch(recordId: string, version: number, values: Record<string, unknown>): boolean {
    const node = this.nodeOf(recordId);
    if (!node?.data || version <= node.data.version) return false;
    node.setData({ id: recordId, version, values: { ...node.data.values, ...values } });
    this.rowTick.set((n) => n + 1);
    return true;
  }

  /**
   * Reloads the cached blocks (rows moved, appeared or went away), keeping the scroll
   * position. Coalesced: while one refresh runs, any number of requests make exactly one
   * more after it.
   */
  refresh(): void {
    if (!this.api || this.api.isDestroyed()) return;
    // Reloading blocks re-renders their rows, which would throw away an open cell editor
    // and what the person is typing in it: the refresh waits until the editor closes.
    if (this.api.getEditingCells().length > 0) {
      if (!this.refreshAfterEditing) {
        this.refreshAfterEditing = true;
        const api = this.api;
        const resume = () => {
          api.removeEventListener('cellEditingStopped', resume);
          this.refreshAfterEditing = false;
          this.refresh();
        };
        api.addEventListener('cellEditingStopped', resume);
      }
      return;
    }
    if (this.refreshState !== 'idle') {
      this.refreshState = 'again';
      return;
    }
    this.refreshState = 'running';
    const api = this.api;
    const done = () => {
      clearTimeout(timer);
      if (api.isDestroyed()) return;
      api.removeEventListener('modelUpdated', done);
      const again = this.refreshState === 'again';
      this.refreshState = 'idle';
      performance.mark('tessera:rows-refreshed');
      if (again) this.refresh();
      else for (const resolve of this.refreshWaiters.splice(0)) resolve();
    };
    // modelUpdated follows the first reloaded block; with nothing cached it may never come.
    const timer = setTimeout(done, 3000);
    api.addEventListener('modelUpdated', done);
    api.refreshInfiniteCache();
  }

  /** Resolves once no refresh is running or queued (at most a few seconds). */
  whenRefreshed(): Promise<void> {
    if (this.refreshState === 'idle') return Promise.resolve();
    return new Promise((resolve) => this.refreshWaiters.push(resolve));
  }

  /** A refresh a little later, so that a burst of changes costs one. */
  refreshSoon(ms = 250): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => this.refresh(), ms);
  }

  rowCount(): number {
    return this.api?.getDisplayedRowCount() ?? 0;
  }

  private derive(): void {
    this.fieldById = new Map(this.setup.allFields.map((field) => [field.id, field]));
    // While searching, an edit to any shown field can make a record match or stop matching.
    const searched = this.search.get() ? this.setup.fields.map((field) => field.id) : [];
    this.filterFields = new Set([...filterFieldIds(this.setup.view?.filter), ...searched]);
    const groups = this.setup.view?.groupBy?.map((group) => group.field) ?? [];
    this.orderFields = new Set([...this.sorts().map((sort) => sort.field), ...groups, ...this.filterFields]);
  }
}

/** What decides which rows the server sends: the fields' types and the view's filter and sorts. */
function queryKey(setup: GridSetup): string {
  // Hidden fields count: the search looks in the shown fields, and group headers sum them.
  return JSON.stringify([
    setup.allFields.map((field) => [field.id, field.type, field.options]), setup.view?.filter ?? null, setup.view?.sorts ?? [],
    setup.view?.groupBy ?? [], setup.view?.hiddenFields ?? [],
  ]);
}

function filterFieldIds(filter: GridView['filter'] | undefined): string[] {
  if (!filter) return [];
  return filter.conditions.flatMap((node) => ('conjunction' in node ? filterFieldIds(node) : [node.field]));
}
