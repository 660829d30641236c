import type { GridApi, IDatasource, IRowNode } from 'ag-grid-community';
import type { CollabClient, TableChannel } from '../../../collab/client/index.ts';
import type { CellContext } from '../fields/cell-kit.ts';
import { createPresenceStore, type PresenceStore } from '../presence/presence-store.ts';
import { createRangeStore, type RangeStore } from './range.ts';
import { RecordDocs, type RecordDocHooks } from './record-docs.ts';
import { RowsClient } from './rows-client.ts';
import { createStore, type Store } from './store.ts';
import { Toasts } from './toasts.tsx';
import type { GridField, GridRowData, GridView } from './types.ts';
import { UndoStack } from './undo-stack.ts';

export interface GridSetup {
  tableId: string;
  view: GridView | null;
  /** Field columns in display order (hidden fields left out). */
  fields: readonly GridField[];
  canEdit: boolean;
  userId: string;
  cell: CellContext;
}

/** Rows per block the grid asks the server for. */
export const BLOCK_SIZE = 100;

/**
 * The state of one grid (one table, one view) outside React: the ag-grid API once ready,
 * the row source, range, undo, presence, toasts and the collab connection. Actions on it
 * live in their own modules (edit-path, range-actions, live-rows, keyboard).
 */
export class GridController {
  api: GridApi<GridRowData> | undefined;
  readonly rows: RowsClient;
  readonly range: RangeStore;
  readonly undo = new UndoStack();
  readonly toasts = new Toasts();
  readonly presence: PresenceStore = createPresenceStore();
  /** Rows in the view, once the first block told. */
  readonly total: Store<number | null> = createStore<number | null>(null);
  readonly selected: Store<number> = createStore(0);
  readonly fieldById: ReadonlyMap<string, GridField>;
  /** Fields whose change can move a row (the view sorts or filters by them). */
  readonly orderFields: ReadonlySet<string>;
  docs: RecordDocs | undefined;
  channel: TableChannel | undefined;
  editing = false;
  private refreshState: 'idle' | 'running' | 'again' = 'idle';

  constructor(readonly setup: GridSetup) {
    this.rows = new RowsClient(setup.tableId, setup.view?.id ?? null);
    this.range = createRangeStore(setup.fields.map((field) => field.id));
    this.fieldById = new Map(setup.fields.map((field) => [field.id, field]));
    this.orderFields = new Set([...(setup.view?.sorts ?? []).map((sort) => sort.field), ...filterFieldIds(setup.view?.filter)]);
  }

  get columns(): readonly string[] {
    return this.range.get().columns;
  }

  /** ag-grid's Infinite Row Model asks for blocks here; the first answer sets the row count. */
  datasource(): IDatasource {
    return {
      getRows: (params) => {
        this.rows.rows(params.startRow, params.endRow - params.startRow).then(
          ({ rows, total }) => {
            this.total.set(total);
            params.successCallback(rows, total);
            performance.mark('tessera:block-loaded', { detail: { start: params.startRow } });
          },
          (error: unknown) => {
            params.failCallback();
            this.toasts.show(this.setup.cell.t('grid.loadFailed', { message: (error as Error).message }));
          },
        );
      },
    };
  }

  connect(client: CollabClient, hooks: RecordDocHooks): void {
    if (this.setup.canEdit) this.docs = new RecordDocs(client, this.setup.tableId, hooks);
  }

  disconnect(): void {
    this.docs?.destroy();
    this.docs = undefined;
    this.channel?.close();
    this.channel = undefined;
  }

  nodeOf(recordId: string): IRowNode<GridRowData> | undefined {
    return this.api?.getRowNode(recordId) ?? undefined;
  }

  rowAt(index: number): GridRowData | undefined {
    return this.api?.getDisplayedRowAtIndex(index)?.data;
  }

  valueOf(recordId: string, fieldId: string): unknown {
    return this.nodeOf(recordId)?.data?.values[fieldId] ?? null;
  }

  /** Shows a value in a loaded row (an optimistic edit, a revert, a remote change). */
  setCell(recordId: string, fieldId: string, value: unknown): void {
    const node = this.nodeOf(recordId);
    if (!node?.data) return;
    node.setData({ ...node.data, values: { ...node.data.values, [fieldId]: value } });
  }

  /** A committed change from the server; older than what the row shows is ignored. */
  applyPatch(recordId: string, version: number, values: Record<string, unknown>): boolean {
    const node = this.nodeOf(recordId);
    if (!node?.data || version <= node.data.version) return false;
    node.setData({ id: recordId, version, values: { ...node.data.values, ...values } });
    return true;
  }

  /**
   * Reloads the cached blocks (rows moved, appeared or went away). Coalesced: while one
   * refresh runs, any number of requests make exactly one more after it.
   */
  refresh(): void {
    if (!this.api || this.api.isDestroyed()) return;
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
    };
    // modelUpdated follows the first reloaded block; with nothing cached it may never come.
    const timer = setTimeout(done, 3000);
    api.addEventListener('modelUpdated', done);
    api.refreshInfiniteCache();
  }

  rowCount(): number {
    return this.api?.getDisplayedRowCount() ?? 0;
  }
}

function filterFieldIds(filter: GridView['filter'] | undefined): string[] {
  if (!filter) return [];
  return filter.conditions.flatMap((node) => ('conjunction' in node ? filterFieldIds(node) : [node.field]));
}
