import type { CustomCellRendererProps } from 'ag-grid-react';
import { fieldTypes } from '../../../core/fields/registry.ts';
import { aggregatesFor, type SummaryAggregate } from '../../../core/views/summary.ts';
import { formatValue, type CellContext } from '../fields/cell-kit.ts';
import type { GridController } from './grid-controller.ts';
import type { SummaryData } from './group-types.ts';
import { useStore } from './store.ts';
import type { GridField, GridRowData, GridView } from './types.ts';
import { currentView, patchView, viewConfigAccess } from './view-actions.ts';
import './group.css';

const same = <T,>(value: T) => value;
const COUNTING: ReadonlySet<SummaryAggregate> = new Set(['count', 'filled', 'empty', 'unique']);
const counts = new Map<string, Intl.NumberFormat>();

/** The label of an aggregate for a field: a date's min and max read "earliest" and "latest". */
export function aggregateLabel(aggregate: SummaryAggregate, field: GridField, cell: CellContext): string {
  const isDate = fieldTypes[field.type].kind === 'date';
  if (isDate && aggregate === 'min') return cell.t('summary.earliest');
  if (isDate && aggregate === 'max') return cell.t('summary.latest');
  return cell.t(`summary.${aggregate}`);
}

/** Counts as plain numbers; sums, averages and extremes the way the field shows its values. */
export function formatAggregate(aggregate: SummaryAggregate, value: number | string | null, field: GridField, cell: CellContext): string {
  if (value === null) return '–';
  if (COUNTING.has(aggregate)) {
    let format = counts.get(cell.locale);
    if (!format) counts.set(cell.locale, (format = new Intl.NumberFormat(cell.locale)));
    return format.format(Number(value));
  }
  const fieldType = fieldTypes[field.type];
  if (aggregate === 'average' && typeof value === 'number') {
    // An average has more decimals than the field keeps; show two at most.
    return new Intl.NumberFormat(cell.locale, { maximumFractionDigits: 2 }).format(value);
  }
  return formatValue(fieldType, field, fieldType.kind === 'number' ? Number(value) : value, cell);
}

/**
 * One field's cell of the summary bar: ag-grid pins it under the column (pinnedBottomRowData),
 * so it keeps the column's width, pinning and horizontal scroll. Editors pick the aggregate
 * from the fitting ones; the choice is saved in the view.
 */
export function SummaryCell({ context, field }: CustomCellRendererProps<GridRowData, unknown, { ctrl: GridController }> & { field: GridField }) {
  const ctrl = context.ctrl;
  const summary = useStore(ctrl.summary, same);
  const view = useStore(ctrl.viewDraft, same) ?? ctrl.setup.view;
  if (!view) return null;
  const { cell } = ctrl.setup;
  const chosen = view.summaries?.[field.id];
  const access = viewConfigAccess(ctrl);
  const value = chosen ? summaryValue(summary, field.id, chosen) : undefined;
  return (
    <div className="summary-cell-inner" data-field-id={field.id}>
      {access.readOnly ? (
        chosen ? <span className="summary-label">{aggregateLabel(chosen, field, cell)}</span> : null
      ) : (
        <select
          aria-label={cell.t('summary.choose', { name: field.name })}
          value={chosen ?? ''}
          onChange={(event) => chooseAggregate(ctrl, view, field.id, (event.target.value || null) as SummaryAggregate | null)}
        >
          <option value="">{chosen ? cell.t('summary.none') : cell.t('summary.rowLabel')}</option>
          {aggregatesFor(fieldTypes[field.type].kind).map((aggregate) => (
            <option key={aggregate} value={aggregate}>{aggregateLabel(aggregate, field, cell)}</option>
          ))}
        </select>
      )}
      {value !== undefined ? <span className="summary-value">{formatAggregate(chosen!, value, field, cell)}</span> : null}
    </div>
  );
}

/** The row-number column's cell of the summary bar. */
export function SummaryLabelCell({ context }: CustomCellRendererProps<GridRowData, unknown, { ctrl: GridController }>) {
  const label = context.ctrl.setup.cell.t('summary.rowLabel');
  return <span className="summary-label" title={label} aria-label={label}>Σ</span>;
}

function summaryValue(summary: SummaryData | null, fieldId: string, aggregate: SummaryAggregate): number | string | null | undefined {
  const entry = summary?.values[fieldId];
  return entry && entry.aggregate === aggregate ? entry.value : undefined;
}

function chooseAggregate(ctrl: GridController, view: GridView, fieldId: string, aggregate: SummaryAggregate | null): void {
  const next: Record<string, SummaryAggregate> = { ...(currentView(ctrl)?.summaries ?? view.summaries ?? {}) };
  if (aggregate) next[fieldId] = aggregate;
  else delete next[fieldId];
  void patchView(ctrl, { summaries: next } as Parameters<typeof patchView>[1]);
}
