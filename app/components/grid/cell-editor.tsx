import { useEffect, useRef, useState } from 'react';
import type { CustomCellEditorProps } from 'ag-grid-react';
import { fieldTypes } from '../../../core/fields/registry.ts';
import { formatValue, kitOf } from '../fields/index.ts';
import { coerceInput } from './edit-path.ts';
import type { FrameParams } from './cell-frame.tsx';
import type { GridController } from './grid-controller.ts';
import type { GridRowData } from './types.ts';

// A key that types a character (not Enter, F2, arrows …): it replaces the value.
const printable = (key: string | null) => (key && [...key].length === 1 ? key : null);

/**
 * The grid's editor for every field: hosts the type's editor and checks its value with the
 * type's coerce when Enter would commit it, keeping the editor open with the error shown
 * instead of letting a bad value through.
 */
export function GridCellEditor(props: CustomCellEditorProps<GridRowData, unknown, { ctrl: GridController }> & FrameParams) {
  const { field, context, eventKey, value, onValueChange, stopEditing, api } = props;
  const ctrl = context.ctrl;
  const kit = kitOf(field.type);
  const fieldType = fieldTypes[field.type];
  const cell = ctrl.setup.cell;
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const current = useRef(value);
  // A typed key, or a word an IME composed on the cell before the editor opened (ime-catcher.ts).
  const [typed] = useState(() => printable(eventKey) ?? ctrl.imeText);
  const [initialText] = useState(() => typed ?? (kit.editText ? kit.editText(value, field, fieldType, cell) : formatValue(fieldType, field, value, cell)));
  useEffect(() => {
    ctrl.imeText = null;
  }, [ctrl]);

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    // Native and on our own element: it runs before the grid's listener around us.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || event.shiftKey || event.altKey || event.isComposing) return;
      const checked = coerceInput(ctrl, field, current.current);
      if (checked.ok) return;
      event.stopPropagation();
      event.preventDefault();
      setError(checked.error);
    };
    element.addEventListener('keydown', onKey);
    return () => element.removeEventListener('keydown', onKey);
  }, [ctrl, field]);

  if (!kit.Editor) return null;
  return (
    <div className={`cell-editor${kit.popup ? ' popup' : ''}`} ref={box} style={kit.popup ? { minWidth: Math.max(props.column.getActualWidth(), 260) } : undefined}>
      <kit.Editor
        value={value}
        typed={typed}
        initialText={initialText}
        field={field}
        fieldType={fieldType}
        cell={cell}
        onChange={(next) => {
          current.current = next;
          setError(null);
          onValueChange(next);
        }}
        commit={() => stopEditing()}
        cancel={() => api.stopEditing(true)}
      />
      {error ? <p className="editor-error" role="alert">{error}</p> : null}
    </div>
  );
}
