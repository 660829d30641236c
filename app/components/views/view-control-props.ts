import type { ViewConfig } from '../../../core/views/view-config.ts';
import type { CellContext } from '../fields/cell-kit.ts';
import type { GridField, GridView } from '../grid/types.ts';

/**
 * What a view's config editors (FilterControl, SortControl) need, with no grid controller:
 * kanban, calendar and gallery views mount them the same way the grid toolbar does.
 */
export interface ViewControlProps {
  /** Every field of the table (hidden ones too: a view may filter by a hidden field). */
  fields: readonly GridField[];
  view: GridView;
  cell: CellContext;
  /** Saves part of the view's config (debounced by the control where typing is involved). */
  onPatch(patch: Partial<ViewConfig>): void;
  /** The config is shown but cannot be changed. */
  readOnly: boolean;
  /** Why it is read-only (a locked view, a viewer's role), shown in the panel. */
  readOnlyReason?: string;
  /** For someone who may not change the view: opens a personal copy they may change. */
  onMakePersonal?: () => void;
}
