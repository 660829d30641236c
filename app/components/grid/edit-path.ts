import { fieldTypes } from '../../../core/fields/registry.ts';
import { firstBadCell, sendBatch } from './cell-batch.ts';
import type { GridController } from './grid-controller.ts';
import { replayPaste } from './paste.ts';
import { deleteRowsAgain, restoreRows } from './row-actions.ts';
import type { CellChange, CellRef, GridField } from './types.ts';
import { isCellStep } from './undo-stack.ts';

export type Coerced = { ok: true; value: unknown } | { ok: false; error: string };

/**
 * Typed or picked input → the value to store, through the field type's own coerce with
 * typecast and the base's zone, exactly as the server will check it. New select choices
 * are refused here: adding choices is a schema change, not a cell edit.
 */
export function coerceInput(ctrl: GridController, field: GridField, raw: unknown): Coerced {
  const { cell } = ctrl.setup;
  const result = fieldTypes[field.type].coerce(raw, field.options as never, {
    typecast: true,
    timeZone: cell.timeZone,
    resolveUser: (input) => {
      const needle = input.trim().toLowerCase();
      return cell.members.find((m) => m.id === input || m.email.toLowerCase() === needle || m.name.toLowerCase() === needle)?.id;
    },
  });
  if (!result.ok) return { ok: false, error: cell.t('grid.invalidValue', { message: result.error }) };
  if (result.addChoices?.length) return { ok: false, error: cell.t('grid.notAChoice', { name: result.addChoices.join(', ') }) };
  return { ok: true, value: result.value ?? null };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** An editor closed with `raw`: coerce it and store it, or say why not on the cell. */
export function commitEdit(ctrl: GridController, recordId: string, fieldId: string, raw: unknown): void {
  const field = ctrl.fieldById.get(fieldId);
  if (!field) return;
  const coerced = coerceInput(ctrl, field, raw);
  if (!coerced.ok) {
    ctrl.toasts.show(coerced.error, { cell: { recordId, fieldId } });
    return;
  }
  const before = ctrl.valueOf(recordId, fieldId);
  if (same(before, coerced.value)) return;
  void applyChanges(ctrl, [{ recordId, fieldId, before, after: coerced.value }], 'after', { record: true });
}

/**
 * Shows the changes at once and sends them: one cell through its record's doc (live, merged
 * with anyone typing in the same record), several through one batch request (one write-path
 * transaction, one undo step). A refusal puts the old values back and says why. Offline,
 * both wait — the doc edit in Yjs, the batch in the grid's queue — and go out on reconnect.
 */
export async function applyChanges(ctrl: GridController, changes: readonly CellChange[], side: 'before' | 'after', options: { record?: boolean } = {}): Promise<boolean> {
  const { canEdit, cell } = ctrl.setup;
  if (!canEdit || !changes.length) return false;
  const other = side === 'after' ? 'before' : 'after';
  for (const change of changes) ctrl.setCell(change.recordId, change.fieldId, change[side]);
  if (options.record) ctrl.undo.push(changes);
  const revert = (message: string, at?: CellRef) => {
    for (const change of changes) ctrl.setCell(change.recordId, change.fieldId, change[other]);
    if (options.record) ctrl.undo.drop(changes);
    ctrl.toasts.show(message, { cell: at ?? (changes.length === 1 ? changes[0] : undefined) });
  };
  const docs = ctrl.docs;
  if (changes.length === 1 && docs) {
    const change = changes[0]!;
    const field = ctrl.fieldById.get(change.fieldId);
    try {
      await docs.write(change.recordId, change.fieldId, change[side], field?.type === 'longText');
      return true;
    } catch (error) {
      revert(cell.t('grid.saveFailed', { message: (error as Error).message }));
      return false;
    }
  }
  const byRecord = new Map<string, Record<string, unknown>>();
  const old = new Map<string, Record<string, unknown>>();
  for (const change of changes) {
    byRecord.set(change.recordId, { ...byRecord.get(change.recordId), [change.fieldId]: change[side] });
    old.set(change.recordId, { ...old.get(change.recordId), [change.fieldId]: change[other] });
  }
  try {
    const result = await sendBatch(ctrl, { updates: [...byRecord].map(([id, values]) => ({ id, values })) }, old);
    for (const row of result.updated) ctrl.applyPatch(row.id, row.version, row.values);
    return true;
  } catch (error) {
    revert(cell.t('grid.saveFailed', { message: (error as Error).message }), firstBadCell(error));
    return false;
  }
}

/** The server refused this person's doc edit: the doc (and so the cell) is reverted by the server. */
export function onEditRejected(ctrl: GridController, recordId: string, fieldId: string, message: string): void {
  ctrl.toasts.show(ctrl.setup.cell.t('grid.rejected', { message }), { cell: { recordId, fieldId } });
}

/**
 * Undo (or redo) this person's last step through the same path as an edit. It waits for
 * the changes still on their way (a paste pressed just before must be the step undone),
 * and is itself tracked: a redo renames the records it recreates, and an undo right after
 * must delete those, not the old ones.
 */
export function undoStep(ctrl: GridController, redo: boolean): Promise<void> {
  const earlier = ctrl.stepsSettled();
  return ctrl.trackStep(replayStep(ctrl, redo, earlier));
}

async function replayStep(ctrl: GridController, redo: boolean, earlier: Promise<void>): Promise<void> {
  await earlier;
  await ctrl.batches.settled();
  const step = redo ? ctrl.undo.redo() : ctrl.undo.undo();
  if (!step) return;
  const ok = isCellStep(step)
    ? await applyChanges(ctrl, step, redo ? 'after' : 'before')
    : step.kind === 'paste'
      ? await replayPaste(ctrl, step, redo)
      : await (redo ? deleteRowsAgain(ctrl, step) : restoreRows(ctrl, step));
  if (!ok) ctrl.undo.drop(step);
}
