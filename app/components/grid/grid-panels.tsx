import { useCallback, useMemo } from 'react';
import { OfflineBanner } from '../offline/offline-banner.tsx';
import { RecordPanel } from '../record/record-panel.tsx';
import { FieldEditorDialog } from '../schema/field-editor-dialog.tsx';
import { orderedFields } from './columns.ts';
import type { FieldDialog, GridController } from './grid-controller.ts';
import { useStore } from './store.ts';
import { currentView, placeNewField } from './view-actions.ts';

const same = <T,>(value: T) => value;

/**
 * The expanded record beside the grid. It borrows the grid's record doc (a lease, so the
 * grid's idle sweep leaves it open) and shows the row's values as the grid holds them,
 * kept current by the table channel's patches; a row the grid has not loaded is fetched.
 */
export function RecordPanelHost({ ctrl }: { ctrl: GridController }) {
  const recordId = useStore(ctrl.expanded, same);
  const client = useStore(ctrl.client, same);
  const selectValues = useCallback(() => (recordId ? ctrl.nodeOf(recordId)?.data?.values : undefined), [ctrl, recordId]);
  const values = useStore(ctrl.rowTick, selectValues);
  const { setup } = ctrl;
  const fields = useMemo(() => orderedFields(setup.allFields, currentView(ctrl)), [ctrl, setup]);
  if (!recordId || !client) return null;
  return (
    <RecordPanel
      key={recordId}
      tableId={setup.tableId}
      recordId={recordId}
      fields={fields}
      primaryFieldId={setup.primaryFieldId}
      members={setup.cell.members}
      role={setup.role}
      collab={client}
      timeZone={setup.cell.timeZone}
      values={values}
      docSource={ctrl.docs ? ctrl.docSource : undefined}
      onClose={() => ctrl.expanded.set(null)}
    />
  );
}

/** Editing a field, or creating one beside another, from a column header's menu. */
export function FieldDialogs({ ctrl }: { ctrl: GridController }) {
  const dialog = useStore(ctrl.dialog, same);
  if (!dialog) return null;
  const { setup } = ctrl;
  const field = dialog.kind === 'edit' ? ctrl.fieldById.get(dialog.fieldId) : undefined;
  if (dialog.kind === 'edit' && !field) return null;
  return (
    <FieldEditorDialog
      open
      tableId={setup.tableId}
      fields={setup.allFields}
      primaryFieldId={setup.primaryFieldId}
      field={field}
      timeZone={setup.cell.timeZone}
      members={setup.cell.members}
      onSaved={(saved) => onSaved(ctrl, dialog, saved.id)}
      onClose={() => ctrl.dialog.set(null)}
    />
  );
}

function onSaved(ctrl: GridController, dialog: FieldDialog, fieldId: string): void {
  if (dialog.kind === 'create') placeNewField(ctrl, fieldId, dialog.anchorId, dialog.side);
  else ctrl.reloadSchema();
}

/** The offline banner over the page's one socket, counting the grid's queued batches too. */
export function GridOfflineBanner({ ctrl }: { ctrl: GridController }) {
  const client = useStore(ctrl.client, same);
  return <OfflineBanner collab={client} pendingEdits={ctrl.pending} />;
}
