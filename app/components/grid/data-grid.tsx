import { useEffect, useMemo, useRef, useState } from 'react';
import {
  CellStyleModule, ColumnApiModule, CustomEditorModule, EventApiModule, InfiniteRowModelModule, ModuleRegistry, PinnedRowModule, RenderApiModule, RowApiModule,
  RowSelectionModule, ScrollApiModule, type CellEditRequestEvent,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import type { RowHeight } from '../../../core/views/view-config.ts';
import { buildColumns, visibleFields } from './columns.ts';
import { commitEdit } from './edit-path.ts';
import { GridFooter, GridToolbar } from './grid-chrome.tsx';
import { BLOCK_SIZE, GridController, type GridSetup } from './grid-controller.ts';
import { FieldDialogs, GridOfflineBanner, RecordPanelHost } from './grid-panels.tsx';
import { gridTheme } from './grid-theme.ts';
import { GroupRow } from './group-row.tsx';
import { headerOf, SUMMARY_ROW_ID } from './group-types.ts';
import { attachSearchHighlight } from './search-highlight.ts';
import { attachPaste } from './paste.ts';
import { ImeCatcher } from './ime-catcher.ts';
import { attachKeyboard } from './keyboard.ts';
import { focusedCell, PointerRange } from './pointer-range.ts';
import { useStore } from './store.ts';
import { ToastRegion } from './toasts.tsx';
import type { GridRowData, GridView } from './types.ts';
import { useCollab } from './use-collab.ts';
import { saveDraggedOrder, saveWidth } from './view-actions.ts';

// Only what the grid uses: the community bundle's other modules would be dead weight on
// the first load.
ModuleRegistry.registerModules([
  InfiniteRowModelModule, RowSelectionModule, CustomEditorModule, CellStyleModule, RenderApiModule, RowApiModule, ScrollApiModule, EventApiModule,
  ColumnApiModule, PinnedRowModule,
]);

/** Pixels per row for each of a view's row heights. */
const ROW_HEIGHT_PX: Record<RowHeight, number> = { short: 34, medium: 56, tall: 88, extraTall: 128 };

/** Blocks kept in memory: enough to scroll back a little without refetching, bounded for 1M rows. */
const MAX_BLOCKS = 8;

/** What the page knows: everything but the columns, which follow the view (and this person's draft of it). */
export type PageSetup = Omit<GridSetup, 'fields'>;

function withView(page: PageSetup, view: GridView | null): GridSetup {
  return { ...page, view, fields: visibleFields(page.allFields, view) };
}

const same = <T,>(value: T) => value;

/**
 * One view of one table: ag-grid's Infinite Row Model over the view's blocks from the
 * server, our range/keyboard/clipboard/undo on top, and the collab connection that keeps
 * rows live and carries cell edits. Mounted per (table, view) — the page keys it; a schema
 * change updates it in place, so the rows, the scroll position and the socket stay.
 */
export function DataGrid({ page, viewName, onSchemaChange }: { page: PageSetup; viewName: string; onSchemaChange: () => void }) {
  const [ctrl] = useState(() => new GridController(withView(page, page.view)));
  ctrl.reloadSchema = onSchemaChange;
  const draft = useStore(ctrl.viewDraft, same);
  const setup = useMemo(() => withView(page, draft ?? page.view), [page, draft]);
  // Before the cells render: they read the controller's setup.
  ctrl.adopt(setup);
  const settled = useRef(setup);
  useEffect(() => {
    if (settled.current === setup) return;
    ctrl.settle(settled.current);
    settled.current = setup;
  }, [ctrl, setup]);
  useEffect(() => {
    // The server's copy of the view has caught up with this person's changes.
    if (!ctrl.viewPatches) ctrl.viewDraft.set(null);
  }, [ctrl, page]);

  const pointer = useMemo(() => new PointerRange(ctrl), [ctrl]);
  const columns = useMemo(() => buildColumns(setup.fields, setup.view, setup.canEdit), [setup]);
  const datasource = useMemo(() => ctrl.datasource(), [ctrl]);
  const context = useMemo(() => ({ ctrl }), [ctrl]);
  // The summary bar: one row pinned under the columns, so it keeps their widths, pinning and scroll.
  const hasView = setup.view !== null;
  const summaryRows = useMemo(() => (hasView ? [{ id: SUMMARY_ROW_ID, version: 0, values: {} }] : []), [hasView]);
  useEffect(() => ctrl.refreshSummarySoon(0), [ctrl]);
  const body = useRef<HTMLDivElement>(null);
  // ag-grid needs the browser; the server renders the frame and the grid mounts after hydration.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  useCollab(ctrl);
  useEffect(() => {
    const element = body.current;
    if (!element || !mounted) return;
    const detachKeys = attachKeyboard(ctrl, element);
    const detachPointer = pointer.attach(element);
    const detachIme = new ImeCatcher(ctrl).attach(element);
    const detachPaste = attachPaste(ctrl, element);
    const detachHighlight = attachSearchHighlight(ctrl, element);
    return () => {
      detachHighlight();
      detachKeys();
      detachPointer();
      detachIme();
      detachPaste();
    };
  }, [ctrl, pointer, mounted]);
  useEffect(() => {
    // Leaving the page with edits that never reached the server would lose them: ask first.
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const socket = ctrl.client.get()?.socket;
      const queuedInDocs = socket?.status !== 'connected' && [...(socket?.configuration.providerMap.values() ?? [])].some((provider) => provider.unsyncedChanges > 0);
      if (ctrl.pending.pending > 0 || queuedInDocs) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [ctrl]);

  const setPresence = (recordId: string | undefined, fieldId: string | undefined, editing: boolean) => {
    ctrl.channel?.setPresence({ user: { id: setup.userId }, cell: recordId && fieldId ? { recordId, fieldId } : null, editing });
  };

  return (
    <div className="grid-shell">
      <GridToolbar ctrl={ctrl} viewName={viewName} />
      <div className={`grid-body row-height-${setup.view?.rowHeight ?? 'short'}`} ref={body}>
        {mounted ? (
          <AgGridReact<GridRowData>
            theme={gridTheme}
            rowModelType="infinite"
            datasource={datasource}
            cacheBlockSize={BLOCK_SIZE}
            maxBlocksInCache={MAX_BLOCKS}
            maxConcurrentDatasourceRequests={3}
            blockLoadDebounceMillis={10}
            infiniteInitialRowCount={1}
            rowHeight={ROW_HEIGHT_PX[setup.view?.rowHeight ?? 'short']}
            rowBuffer={10}
            getRowId={(params) => params.data.id}
            isFullWidthRow={(params) => !!headerOf(params.rowNode.data)}
            fullWidthCellRenderer={GroupRow}
            pinnedBottomRowData={summaryRows}
            columnDefs={columns}
            defaultColDef={{ sortable: false, resizable: true, suppressHeaderMenuButton: true }}
            context={context}
            readOnlyEdit
            stopEditingWhenCellsLoseFocus
            enterNavigatesVerticallyAfterEdit
            suppressCellFocus={false}
            rowSelection={{ mode: 'multiRow', checkboxes: false, headerCheckbox: false, enableClickSelection: false }}
            suppressDragLeaveHidesColumns
            onGridReady={(event) => { ctrl.api = event.api; }}
            onCellEditRequest={(event: CellEditRequestEvent<GridRowData>) => {
              const fieldId = event.column.getColId();
              if (event.data) commitEdit(ctrl, event.data.id, fieldId, event.newValue);
            }}
            onCellFocused={(event) => {
              if (event.rowPinned) return; // the summary bar is not part of the range
              const cell = focusedCell(event);
              if (!cell) return;
              pointer.focused(cell.row, cell.col);
              const row = ctrl.rowAt(cell.row);
              if (row && ctrl.fieldById.get(cell.col)) ctrl.docs?.focus(row.id);
              setPresence(row?.id, cell.col, false);
            }}
            onCellEditingStarted={(event) => {
              ctrl.editing = true;
              if (event.data) ctrl.docs?.focus(event.data.id);
              setPresence(event.data?.id, event.column.getColId(), true);
            }}
            onCellEditingStopped={(event) => {
              ctrl.editing = false;
              setPresence(event.data?.id, event.column.getColId(), false);
            }}
            onSelectionChanged={(event) => ctrl.selected.set(event.api.getSelectedNodes().length)}
            onColumnResized={(event) => {
              if (!event.finished || event.source !== 'uiColumnResized') return;
              for (const column of event.columns ?? []) saveWidth(ctrl, column.getColId(), column.getActualWidth());
            }}
            onDragStopped={(event) => saveDraggedOrder(ctrl, event.api.getAllDisplayedColumns().map((column) => column.getColId()))}
          />
        ) : <div className="grid-placeholder" aria-hidden="true" />}
      </div>
      <GridFooter ctrl={ctrl} />
      <ToastRegion toasts={ctrl.toasts} />
      <RecordPanelHost ctrl={ctrl} />
      <FieldDialogs ctrl={ctrl} />
      <GridOfflineBanner ctrl={ctrl} />
    </div>
  );
}
