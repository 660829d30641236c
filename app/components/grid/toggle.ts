import { fieldTypes } from '../../../core/fields/registry.ts';
import { kitOf } from '../fields/index.ts';
import { applyChanges, coerceInput } from './edit-path.ts';
import type { GridController } from './grid-controller.ts';

/** A value changed in place (checkbox click or Space, a star clicked): an edit like any other. */
export function setInPlace(ctrl: GridController, recordId: string, fieldId: string, value: unknown): void {
  const field = ctrl.fieldById.get(fieldId);
  if (!field || !ctrl.setup.canEdit || fieldTypes[field.type].readOnly) return;
  const coerced = coerceInput(ctrl, field, value);
  if (!coerced.ok) {
    ctrl.toasts.show(coerced.error, { cell: { recordId, fieldId } });
    return;
  }
  const before = ctrl.valueOf(recordId, fieldId);
  if (JSON.stringify(before) === JSON.stringify(coerced.value)) return;
  void applyChanges(ctrl, [{ recordId, fieldId, before, after: coerced.value }], 'after', { record: true });
}

export function toggleCell(ctrl: GridController, recordId: string, fieldId: string): void {
  const field = ctrl.fieldById.get(fieldId);
  const toggle = field ? kitOf(field.type).toggle : undefined;
  if (toggle) setInPlace(ctrl, recordId, fieldId, toggle(ctrl.valueOf(recordId, fieldId)));
}
