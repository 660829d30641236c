import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ColumnMapping } from './column-mapping.tsx';
import { repairFileName } from './display-name.ts';
import { canBeKey, keyFieldMapped, type ColumnChoice, type SheetChoice } from './import-options.ts';
import type { ImportTarget, PreviewSheet } from './import-types.ts';

const SHOWN_ROWS = 8;

/**
 * One sheet of the file as the import will read it: which row is the header (changeable,
 * which reads the file again), hidden rows, the new table's name or the upsert key, every
 * column's destination, and the first rows under the chosen names.
 */
export function SheetMapping({ sheet, choice, target, busy, onChange, onHeaderRow }: {
  sheet: PreviewSheet;
  choice: SheetChoice;
  target: ImportTarget;
  busy: boolean;
  onChange(choice: SheetChoice): void;
  onHeaderRow(row: number): void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [headerRow, setHeaderRow] = useState(String(choice.headerRow));
  useEffect(() => setHeaderRow(String(choice.headerRow)), [choice.headerRow]);
  const wanted = Number(headerRow);
  const headerChanged = Number.isInteger(wanted) && wanted >= 1 && wanted !== choice.headerRow;

  const changeColumn = (index: number, change: Partial<ColumnChoice>) => {
    onChange({ ...choice, columns: choice.columns.map((column) => (column.index === index ? { ...column, ...change } : column)) });
  };
  const keyCandidates = target.kind === 'existing'
    ? target.fields.filter((field) => canBeKey(field.type) && keyFieldMapped(choice, field.id))
    : [];

  return (
    <section className="import-sheet" aria-label={t('imports.sheetLabel', { sheet: repairFileName(sheet.name) })}>
      <div className="import-sheet-settings">
        <form
          className="field import-header-row"
          onSubmit={(event) => { event.preventDefault(); if (headerChanged && !busy) onHeaderRow(wanted); }}
        >
          <label htmlFor={`${id}-header`}>{t('imports.headerRow')}</label>
          <div className="import-inline">
            <input id={`${id}-header`} type="number" min={1} step={1} value={headerRow} onChange={(event) => setHeaderRow(event.target.value)} />
            <button type="submit" className="button" disabled={!headerChanged || busy}>{t('imports.applyHeaderRow')}</button>
          </div>
          <p className="muted small">{t('imports.headerRowHint')}</p>
        </form>
        {target.kind === 'new' ? (
          <div className="field">
            <label htmlFor={`${id}-table`}>{t('imports.tableName')}</label>
            <input id={`${id}-table`} value={choice.tableName} maxLength={100} onChange={(event) => onChange({ ...choice, tableName: event.target.value })} />
          </div>
        ) : (
          <div className="field">
            <label htmlFor={`${id}-key`}>{t('imports.keyField')}</label>
            <select id={`${id}-key`} value={choice.keyField ?? ''} onChange={(event) => onChange({ ...choice, keyField: event.target.value || null })}>
              <option value="">{t('imports.noKey')}</option>
              {keyCandidates.map((field) => <option key={field.id} value={field.id}>{field.name}</option>)}
            </select>
            <p className="muted small">{t('imports.keyFieldHint')}</p>
          </div>
        )}
      </div>
      {sheet.hiddenRows.length || sheet.hiddenColumns.length ? (
        <div className="notice import-hidden" role="note">
          <p>{t('imports.hiddenFound', { rows: sheet.hiddenRows.length, columns: sheet.hiddenColumns.length })}</p>
          {sheet.hiddenRows.length ? (
            <label className="import-check">
              <input type="checkbox" checked={choice.skipHiddenRows} onChange={(event) => onChange({ ...choice, skipHiddenRows: event.target.checked })} />
              {t('imports.skipHiddenRows')}
            </label>
          ) : null}
        </div>
      ) : null}
      <ColumnMapping sheet={sheet} columns={choice.columns} target={target} onChange={changeColumn} />
      <RowsPreview sheet={sheet} choice={choice} target={target} />
    </section>
  );
}

/** The first rows as they would arrive: the chosen field names as headers, skipped columns left out. */
function RowsPreview({ sheet, choice, target }: { sheet: PreviewSheet; choice: SheetChoice; target: ImportTarget }) {
  const { t } = useTranslation();
  const imported = choice.columns.filter((column) => column.destination.kind !== 'skip');
  const title = (column: ColumnChoice) => {
    if (column.destination.kind === 'field') {
      const fieldId = column.destination.fieldId;
      return target.kind === 'existing' ? target.fields.find((field) => field.id === fieldId)?.name ?? column.header : column.header;
    }
    return column.name;
  };
  return (
    <div className="import-rows-wrap">
      <table className="import-rows">
        <caption>{t('imports.firstRows', { count: Math.min(SHOWN_ROWS, sheet.rows.length) })}</caption>
        <thead>
          <tr>
            <th scope="col" className="import-row-number">{t('imports.rowNumber')}</th>
            {imported.map((column) => <th key={column.index} scope="col">{title(column)}</th>)}
          </tr>
        </thead>
        <tbody>
          {sheet.rows.slice(0, SHOWN_ROWS).map((row) => (
            <tr key={row.row} className={sheet.hiddenRows.includes(row.row) ? 'hidden-row' : undefined}>
              <th scope="row" className="import-row-number">{row.row}</th>
              {imported.map((column) => <td key={column.index}>{format(row.cells[column.index])}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function format(cell: string | number | boolean | null | undefined): string {
  if (cell === null || cell === undefined) return '';
  return String(cell);
}
