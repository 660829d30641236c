import { useCallback } from 'react';
import type { CustomCellRendererProps } from 'ag-grid-react';
import { fieldTypes } from '../../../core/fields/registry.ts';
import { kitOf } from '../fields/index.ts';
import { cellKey, type CellPresence, type PresenceState } from '../presence/presence-store.ts';
import type { GridController } from './grid-controller.ts';
import { isFillCorner, rangeClass, type RangeState } from './range.ts';
import { useStore } from './store.ts';
import { cellErrorOf, type Toast } from './toasts.tsx';
import { setInPlace } from './toggle.ts';
import type { GridField, GridRowData } from './types.ts';

export interface FrameParams {
  field: GridField;
}

const NO_ONE: readonly CellPresence[] = [];

/**
 * Every field cell: the type's renderer, plus what the grid draws on top of it — the range
 * highlight, other people's selection outlines with their names, and a refused edit's error.
 * Each part subscribes to its own store slice, so a range drag re-renders only the cells
 * whose highlight changes.
 */
export function CellFrame(props: CustomCellRendererProps<GridRowData, unknown, { ctrl: GridController }> & FrameParams) {
  const { field, data, node, context } = props;
  const ctrl = context.ctrl;
  const row = node.rowIndex ?? -1;
  const recordId = data?.id;
  const kit = kitOf(field.type);
  const fieldType = fieldTypes[field.type];

  const selectRange = useCallback((state: RangeState) => rangeClass(state, row, field.id), [row, field.id]);
  const inRange = useStore(ctrl.range, selectRange);
  const selectCorner = useCallback((state: RangeState) => isFillCorner(state, row, field.id), [row, field.id]);
  const corner = useStore(ctrl.range, selectCorner);
  const selectPresence = useCallback((state: PresenceState) => (recordId ? state.cells.get(cellKey(recordId, field.id)) ?? NO_ONE : NO_ONE), [recordId, field.id]);
  const others = useStore(ctrl.presence, selectPresence);
  const selectError = useCallback((list: readonly Toast[]) => cellErrorOf(list, recordId, field.id), [recordId, field.id]);
  const error = useStore(ctrl.toasts.store, selectError);

  if (!data) return <span className="cell-loading" aria-hidden="true" />;
  const editable = ctrl.setup.canEdit && !fieldType.readOnly;
  const onChange = editable ? (value: unknown) => setInPlace(ctrl, data.id, field.id, value) : undefined;
  const first = others[0];
  return (
    <div className={`cell-frame align-${kit.align ?? 'start'} ${inRange}${error ? ' has-error' : ''}`}>
      <kit.Renderer value={data.values[field.id] ?? null} field={field} fieldType={fieldType} cell={ctrl.setup.cell} onChange={onChange} />
      {first ? (
        <span className="presence-outline" style={{ borderColor: first.color }} data-editing={first.editing || undefined}>
          <span className="presence-name" style={{ background: first.color }}>
            {others.map((person) => person.name).join(', ')}
          </span>
        </span>
      ) : null}
      {error ? <span className="cell-error" role="tooltip">{error}</span> : null}
      {corner && ctrl.setup.canEdit ? <span className="fill-handle" aria-hidden="true" /> : null}
    </div>
  );
}
