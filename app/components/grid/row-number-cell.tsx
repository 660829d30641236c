import { useEffect, useState } from 'react';
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { GridController } from './grid-controller.ts';
import type { GridRowData } from './types.ts';

const numbers = new Map<string, Intl.NumberFormat>();
function formatRowNumber(n: number, locale: string): string {
  let format = numbers.get(locale);
  if (!format) numbers.set(locale, (format = new Intl.NumberFormat(locale, { useGrouping: false })));
  return format.format(n);
}

/** The row's number, and (for editors) a box that selects the row for deleting. */
export function RowNumberCell({ node, data, context }: CustomCellRendererProps<GridRowData, unknown, { ctrl: GridController }>) {
  const ctrl = context.ctrl;
  const [selected, setSelected] = useState(() => node.isSelected() === true);
  useEffect(() => {
    const update = () => setSelected(node.isSelected() === true);
    node.addEventListener('rowSelected', update);
    return () => node.removeEventListener('rowSelected', update);
  }, [node]);
  const index = node.rowIndex ?? 0;
  const { t, locale } = ctrl.setup.cell;
  return (
    <div className={`row-number${selected ? ' selected' : ''}`}>
      <span className="row-index">{formatRowNumber(index + 1, locale)}</span>
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
    </div>
  );
}
