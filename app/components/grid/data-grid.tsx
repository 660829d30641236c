import { useEffect, useMemo, useRef, useState } from 'react';
import {
  CellStyleModule, CustomEditorModule, EventApiModule, InfiniteRowModelModule, ModuleRegistry, RenderApiModule, RowApiModule,
  RowSelectionModule, ScrollApiModule, type CellEditRequestEvent,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { buildColumns } from './columns.ts';
import { commitEdit } from './edit-path.ts';
import { GridFooter, GridToolbar } from './grid-chrome.tsx';
import { BLOCK_SIZE, GridController, type GridSetup } from './grid-controller.ts';
import { gridTheme } from './grid-theme.ts';
import { attachKeyboard } from './keyboard.ts';
import { focusedCell, PointerRange } from './pointer-range.ts';
import { ToastRegion } from './toasts.tsx';
import type { GridRowData } from './types.ts';
import { useCollab } from './use-collab.ts';

// Only what the grid uses: the community bundle's other modules would be dead weight on
// the first load.
ModuleRegistry.registerModules([
  InfiniteRowModelModule, RowSelectionModule, CustomEditorModule, CellStyleModule, RenderApiModule, RowApiModule, ScrollApiModule, EventApiModule,
]);

/** Blocks kept in memory: enough to scroll back a little without refetching, bounded for 1M rows. */
const MAX_BLOCKS = 8;

/**
 * One view of one table: ag-grid's Infinite Row Model over the view's blocks from the
 * server, our range/keyboard/clipboard/undo on top, and the collab connection that keeps
 * rows live and carries cell edits. Mounted per (table, view) — the page keys it.
 */
export function DataGrid({ setup, viewName, onSchemaChange }: { setup: GridSetup; viewName: string; onSchemaChange: () => void }) {
  const ctrl = useMemo(() => new GridController(setup), [setup]);
  const pointer = useMemo(() => new PointerRange(ctrl), [ctrl]);
  const columns = useMemo(() => buildColumns(setup.fields, setup.view, setup.canEdit), [setup]);
  const datasource = useMemo(() => ctrl.datasource(), [ctrl]);
  const context = useMemo(() => ({ ctrl }), [ctrl]);
  const body = useRef<HTMLDivElement>(null);
  // ag-grid needs the browser; the server renders the frame and the grid mounts after hydration.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  useCollab(ctrl, onSchemaChange);
  useEffect(() => {
    const element = body.current;
    if (!element || !mounted) return;
    const detachKeys = attachKeyboard(ctrl, element);
    const detachPointer = pointer.attach(element);
    return () => {
      detachKeys();
      detachPointer();
    };
  }, [ctrl, pointer, mounted]);

  const setPresence = (recordId: string | undefined, fieldId: string | undefined, editing: boolean) => {
    ctrl.channel?.setPresence({ user: { id: setup.userId }, cell: recordId && fieldId ? { recordId, fieldId } : null, editing });
  };

  return (
    <div className="grid-shell">
      <GridToolbar ctrl={ctrl} viewName={viewName} />
      <div className="grid-body" ref={body}>
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
            rowBuffer={10}
            getRowId={(params) => params.data.id}
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
              const cell = focusedCell(event);
              if (!cell) return;
              pointer.focused(cell.row, cell.col);
              const row = ctrl.rowAt(cell.row);
              if (row && ctrl.fieldById.get(cell.col)) ctrl.docs?.focus(row.id);
              setPresence(row?.id, cell.col, false);
            }}
            onCellMouseOver={(event) => pointer.over(event)}
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
          />
        ) : <div className="grid-placeholder" aria-hidden="true" />}
      </div>
      <GridFooter ctrl={ctrl} />
      <ToastRegion toasts={ctrl.toasts} />
    </div>
  );
}
