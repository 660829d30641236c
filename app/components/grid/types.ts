import type { StoredTypeName } from '../../../core/fields/field-type.ts';
import type { FilterGroup } from '../../../core/filter/tree.ts';
import type { ViewJson } from '../../../core/views/view-config.ts';

/** A field as the page loader sends it (the API's field JSON). */
export interface GridField {
  id: string;
  name: string;
  type: StoredTypeName;
  options: Record<string, unknown>;
  description: string | null;
}

export interface ViewSort {
  field: string;
  direction: 'asc' | 'desc';
}

/**
 * A view as the page holds it: the API's view JSON with the grid's parts defaulted, so
 * components never deal with a missing filter or order. Kanban, calendar, gallery and form
 * views use the same shape.
 */
export interface GridView extends Omit<ViewJson, 'filter' | 'sorts' | 'hiddenFields' | 'fieldOrder' | 'fieldWidths' | 'frozenFieldCount'> {
  filter: FilterGroup | null;
  sorts: ViewSort[];
  hiddenFields: string[];
  fieldOrder: string[];
  fieldWidths: Record<string, number>;
  frozenFieldCount: number;
}

export function toGridView(view: ViewJson): GridView {
  return {
    ...view,
    filter: view.filter ?? null,
    sorts: view.sorts ?? [],
    hiddenFields: view.hiddenFields ?? [],
    fieldOrder: view.fieldOrder ?? [],
    fieldWidths: view.fieldWidths ?? {},
    frozenFieldCount: view.frozenFieldCount ?? 0,
  };
}

/** One row of the grid, as GET …/rows returns it: values keyed by field id. */
export interface GridRowData {
  id: string;
  version: number;
  values: Record<string, unknown>;
}

export interface Member {
  id: string;
  name: string;
  email: string;
}

/** A cell by its record and field, which stay the same while rows move. */
export interface CellRef {
  recordId: string;
  fieldId: string;
}

/** One cell's change, as the undo stack keeps it. */
export interface CellChange extends CellRef {
  before: unknown;
  after: unknown;
}
