import type { ColDef } from 'ag-grid-community';
import { fieldTypes } from '../../../core/fields/registry.ts';
import { kitOf } from '../fields/index.ts';
import { CellFrame } from './cell-frame.tsx';
import { GridCellEditor } from './cell-editor.tsx';
import { FieldHeader } from './field-header.tsx';
import { suppressGridKey } from './keyboard.ts';
import { RowNumberCell } from './row-number-cell.tsx';
import { SummaryCell, SummaryLabelCell } from './summary-bar.tsx';
import type { GridField, GridRowData, GridView } from './types.ts';

export const ROW_NUMBER_COL = '__row';

/** Every field in the view's order (unlisted fields after, in table order), hidden ones too. */
export function orderedFields(fields: readonly GridField[], view: GridView | null): GridField[] {
  if (!view) return [...fields];
  const rank = new Map(view.fieldOrder.map((id, index) => [id, index]));
  return fields
    .map((field, index) => ({ field, index }))
    .sort((a, b) => (rank.get(a.field.id) ?? 1e6 + a.index) - (rank.get(b.field.id) ?? 1e6 + b.index))
    .map(({ field }) => field);
}

/** The view's fields in its order, hidden ones left out. */
export function visibleFields(fields: readonly GridField[], view: GridView | null): GridField[] {
  const hidden = new Set(view?.hiddenFields ?? []);
  return orderedFields(fields, view).filter((field) => !hidden.has(field.id));
}

/**
 * The full field order after the visible columns were rearranged into `visible`: hidden
 * fields keep their slots, the visible slots take the new order.
 */
export function mergeOrder(full: readonly string[], visible: readonly string[]): string[] {
  const shown = new Set(visible);
  const next = [...visible];
  return full.map((id) => (shown.has(id) ? next.shift()! : id));
}

/**
 * One column per visible field, its cell and editor from the type's kit; the first field
 * (the record's name) stays pinned at the left like Airtable's primary field.
 */
export function buildColumns(fields: readonly GridField[], view: GridView | null, canEdit: boolean): ColDef<GridRowData>[] {
  const frozen = Math.max(1, view?.frozenFieldCount ?? 0);
  const rowNumber: ColDef<GridRowData> = {
    colId: ROW_NUMBER_COL,
    headerName: '',
    width: 72,
    pinned: 'left',
    lockPosition: 'left',
    resizable: false,
    suppressNavigable: true,
    suppressMovable: true,
    editable: false,
    cellRenderer: RowNumberCell,
    cellRendererSelector: (params) => (params.node.rowPinned ? { component: SummaryLabelCell } : undefined),
    cellClass: 'row-number-cell',
  };
  return [rowNumber, ...fields.map((field, index): ColDef<GridRowData> => {
    const kit = kitOf(field.type);
    return {
      colId: field.id,
      headerName: field.name,
      headerComponent: FieldHeader,
      headerComponentParams: { field },
      width: view?.fieldWidths[field.id] ?? kit.width,
      minWidth: 60,
      maxWidth: 2000,
      pinned: index < frozen ? 'left' : null,
      // Freezing is the header menu's "freeze up to here"; a drag only reorders.
      lockPinned: true,
      valueGetter: (params) => params.data?.values[field.id] ?? null,
      // The summary bar is a pinned row: never edited, drawn by its own cell.
      editable: canEdit && !fieldTypes[field.type].readOnly && !!kit.Editor ? (params) => !params.node.rowPinned : false,
      cellRenderer: CellFrame,
      cellRendererParams: { field },
      cellRendererSelector: (params) => (params.node.rowPinned ? { component: SummaryCell, params: { field } } : undefined),
      cellEditor: GridCellEditor,
      cellEditorParams: { field },
      cellEditorPopup: kit.popup ?? false,
      cellEditorPopupPosition: 'over',
      suppressKeyboardEvent: suppressGridKey,
      cellClass: (params) => (params.node.rowPinned ? 'summary-cell' : 'field-cell'),
    };
  })];
}
