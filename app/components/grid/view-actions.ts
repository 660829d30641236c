import { apiPath, apiRequest } from '../ui/api-client.ts';
import { apiErrorText } from '../ui/api-error-text.ts';
import { canEditViews } from '../schema/types.ts';
import { mergeOrder, orderedFields } from './columns.ts';
import type { GridController } from './grid-controller.ts';
import type { GridView, ViewSort } from './types.ts';

type ViewPatch = Partial<Pick<GridView, 'filter' | 'sorts' | 'hiddenFields' | 'fieldOrder' | 'fieldWidths' | 'frozenFieldCount' | 'rowHeight'>>;

/** The view as the grid shows it now: this person's unsaved change, else the page's. */
export function currentView(ctrl: GridController): GridView | null {
  return ctrl.viewDraft.get() ?? ctrl.setup.view;
}

/** Whether this person may save the view's layout (editors; anyone for their personal view). */
export function maySaveView(ctrl: GridController): boolean {
  const view = ctrl.setup.view;
  return view !== null && (canEditViews(ctrl.setup.role) || view.personal);
}

/**
 * Whether the view's config editors are read-only here, and why: a locked view refuses
 * every change until unlocked; someone who may not change a shared view sees its config.
 */
export function viewConfigAccess(ctrl: GridController): { readOnly: boolean; reason?: string } {
  const view = currentView(ctrl);
  const t = ctrl.setup.cell.t;
  if (!view) return { readOnly: true };
  if (!maySaveView(ctrl)) return { readOnly: true, reason: t('views.editorsOnly') };
  if (view.locked) return { readOnly: true, reason: t('views.locked') };
  return { readOnly: false };
}

/**
 * Saves a layout change to the view (PATCH …/views/:viewId). The grid shows it at once (the
 * draft); the server's schema message tells everyone else, and the page reloads its schema.
 * A refusal puts the view back as it was and says why.
 */
export async function patchView(ctrl: GridController, patch: ViewPatch): Promise<void> {
  const view = currentView(ctrl);
  if (!view || !maySaveView(ctrl)) return;
  // The server would refuse it (409): say why now, and leave the view as it is.
  if (view.locked) {
    ctrl.toasts.show(ctrl.setup.cell.t('views.locked'));
    ctrl.reloadSchema();
    return;
  }
  ctrl.viewDraft.set({ ...view, ...patch });
  ctrl.viewPatches += 1;
  try {
    await apiRequest(apiPath`/tables/${ctrl.setup.tableId}/views/${view.id}`, { method: 'PATCH', body: patch });
  } catch (error) {
    if (ctrl.viewPatches === 1) ctrl.viewDraft.set(null);
    ctrl.toasts.show(ctrl.setup.cell.t('grid.viewSaveFailed', { message: apiErrorText(ctrl.setup.cell.t, error) }));
  } finally {
    ctrl.viewPatches -= 1;
    ctrl.reloadSchema();
  }
}

/** Every field id in the view's order, hidden ones at their places. */
function fullOrder(ctrl: GridController, view: GridView | null): string[] {
  return orderedFields(ctrl.setup.allFields, view).map((field) => field.id);
}

const visibleIds = (ctrl: GridController) => ctrl.setup.fields.map((field) => field.id);

export function moveField(ctrl: GridController, fieldId: string, delta: -1 | 1): void {
  const visible = visibleIds(ctrl);
  const from = visible.indexOf(fieldId);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= visible.length) return;
  [visible[from], visible[to]] = [visible[to]!, visible[from]!];
  void patchView(ctrl, { fieldOrder: mergeOrder(fullOrder(ctrl, currentView(ctrl)), visible) });
}

/** The columns as ag-grid shows them after a drag: saved as the view's order. */
export function saveDraggedOrder(ctrl: GridController, displayed: readonly string[]): void {
  const visible = displayed.filter((id) => ctrl.fieldById.has(id));
  if (visible.join() === visibleIds(ctrl).join()) return;
  void patchView(ctrl, { fieldOrder: mergeOrder(fullOrder(ctrl, currentView(ctrl)), visible) });
}

export function saveWidth(ctrl: GridController, fieldId: string, width: number): void {
  const view = currentView(ctrl);
  if (!view || !ctrl.fieldById.has(fieldId)) return;
  const clamped = Math.max(40, Math.min(2000, Math.round(width)));
  if (view.fieldWidths[fieldId] === clamped) return;
  void patchView(ctrl, { fieldWidths: { ...view.fieldWidths, [fieldId]: clamped } });
}

export function hideField(ctrl: GridController, fieldId: string): void {
  const view = currentView(ctrl);
  if (view && !view.hiddenFields.includes(fieldId)) void patchView(ctrl, { hiddenFields: [...view.hiddenFields, fieldId] });
}

/** Shows hidden fields again: one, or all of them. */
export function showFields(ctrl: GridController, fieldIds: readonly string[] | 'all'): void {
  const view = currentView(ctrl);
  if (!view) return;
  void patchView(ctrl, { hiddenFields: fieldIds === 'all' ? [] : view.hiddenFields.filter((id) => !fieldIds.includes(id)) });
}

/** Freezes the columns up to and including this one (ag-grid pins them left). */
export function freezeUpTo(ctrl: GridController, fieldId: string): void {
  const index = visibleIds(ctrl).indexOf(fieldId);
  if (index >= 0) void patchView(ctrl, { frozenFieldCount: Math.min(20, index + 1) });
}

/** Sorts by one field: the view's sort if this person may change it, else their own screen's. */
export function sortBy(ctrl: GridController, sort: ViewSort | null): void {
  if (maySaveView(ctrl)) void patchView(ctrl, { sorts: sort ? [sort] : [] });
  else ctrl.setLocalSorts(sort ? [sort] : null);
}

/** A field was created beside another: it goes into the view's order there. */
export function placeNewField(ctrl: GridController, newFieldId: string, anchorId: string, side: 'left' | 'right'): void {
  if (!maySaveView(ctrl)) return ctrl.reloadSchema();
  const order = fullOrder(ctrl, currentView(ctrl)).filter((id) => id !== newFieldId);
  const at = order.indexOf(anchorId);
  if (at < 0) return ctrl.reloadSchema();
  order.splice(side === 'left' ? at : at + 1, 0, newFieldId);
  void patchView(ctrl, { fieldOrder: order });
}
