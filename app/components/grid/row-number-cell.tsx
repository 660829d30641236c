import { useEffect, useState } from 'react';
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { GridController } from './grid-controller.ts';
import { headerOf } from './group-types.ts';
import { numberInGroup, type RowKind } from './record-slots.ts';
import { useStore } from './store.ts';
import type { GridRowData } from './types.ts';

const numbers = new Map<string, Intl.NumberFormat>();
function formatRowNumber(n: number, locale: string): string {
  let format = numbers.get(locale);
  if (!format) numbers.set(locale, (format = new Intl.NumberFormat(locale, { useGrouping: false })));
  return format.format(n);
}

const same = <T,>(value: T) => value;

function kindAt(ctrl: GridController, position: number): RowKind {
  const data = ctrl.api?.getDisplayedRowAtIndex(position)?.data;
  return data ? (headerOf(data) ? 'header' : 'record') : undefined;
}

/**
 * The row's number (in a grouped view, its place in its group: decision 0048), (for editors) a box that selects the row for deleting, and the button that expands the record. */
export function RowNumberCell({ node, data, context }: CustomCellRendererProps<GridRowData, unknown, { ctrl: GridController }>) {
  const ctrl = context.ctrl;
  const [selected, setSelected] = useState(() => node.isSelected() === true);
  useEffect(() => {
    const update = () => setSelected(node.isSelected() === true);
    node.addEventListener('rowSelected', update);
    return () => node.removeEventListener('rowSelected', update);
  }, [node]);
  // Blocks arriving can bring the header a grouped view's number counts from.
  useStore(ctrl.rowTick, same);
  const index = node.rowIndex ?? 0;
  const shown = ctrl.grouped ? numberInGroup(index, (position) => kindAt(ctrl, position)) : index + 1;
  const { t, locale } = ctrl.setup.cell;
  return (
    <div className={`row-number${selected ? ' selected' : ''}`}>
      <span className="row-index">{shown === undefined ? '' : formatRowNumber(shown, locale)}</span>
      {ctrl.setup.canEdit && data ? (
        <input
          type="checkbox"
          className="row-select"
          tabIndex={-1}
          aria-label={t('grid.selectRow', { row: index + 1 })}
          checked={selected}
          onChange={(event) => node.setSelected(event.target.checked)}
        />
      ) : null}
      {data ? (
        <button
          type="button"
          className="row-expand"
          tabIndex={-1}
          aria-label={t('grid.expandRecord', { row: index + 1 })}
          title={t('grid.expandHint')}
          onClick={(event) => {
            event.stopPropagation();
            ctrl.expanded.set(data.id);
          }}
        >
          <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
            <path d="M9.5 2.5h4v4M13.5 2.5l-5 5M6.5 13.5h-4v-4M2.5 13.5l5-5" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
          </svg>
        </button>
      ) : null}
    </div>
  );
}
