import { useTranslation } from 'react-i18next';
import { isStoredTypeName, type StoredTypeName } from '../../../core/fields/index.ts';
import { TYPE_GROUPS } from '../schema/field-type-meta.ts';
import { repairFileName } from './display-name.ts';
import type { ColumnChoice, ColumnDestination } from './import-options.ts';
import { isWritableType } from './import-options.ts';
import type { ImportTarget, PreviewSheet } from './import-types.ts';

// Types a column can become: the picker's basic and contact groups (automatic types fill
// themselves; attachments cannot come from a cell's text).
const IMPORT_TYPE_GROUPS = {
  basic: TYPE_GROUPS.basic,
  contact: TYPE_GROUPS.contact.filter((type) => type !== 'attachment'),
} as const;

/** One line per column of the file: its first values and where it goes (rename, retype, skip, or an existing field). */
export function ColumnMapping({ sheet, columns, target, onChange }: {
  sheet: PreviewSheet;
  columns: readonly ColumnChoice[];
  target: ImportTarget;
  onChange(index: number, change: Partial<ColumnChoice>): void;
}) {
  const { t } = useTranslation();
  return (
    <table className="import-columns">
      <caption className="visually-hidden">{t('imports.columnsCaption', { sheet: repairFileName(sheet.name) })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('imports.columnHeader')}</th>
          <th scope="col">{t('imports.samplesHeader')}</th>
          <th scope="col">{target.kind === 'new' ? t('imports.importHeader') : t('imports.destinationHeader')}</th>
          <th scope="col">{t('imports.fieldNameHeader')}</th>
          <th scope="col">{t('imports.typeHeader')}</th>
        </tr>
      </thead>
      <tbody>
        {columns.map((column) => {
          const isNew = column.destination.kind === 'new';
          const hiddenInExcel = sheet.hiddenColumns.includes(column.header);
          return (
            <tr key={column.index} className={column.destination.kind === 'skip' ? 'skipped' : undefined}>
              <th scope="row">
                <span className="import-column-name">{column.header}</span>
                {hiddenInExcel ? <span className="badge">{t('imports.hiddenColumn')}</span> : null}
              </th>
              <td className="import-samples">{samples(sheet, column.index).join(' · ')}</td>
              <td>
                {target.kind === 'new' ? (
                  <label className="import-check">
                    <input
                      type="checkbox"
                      checked={column.destination.kind !== 'skip'}
                      aria-label={t('imports.importColumn', { column: column.header })}
                      onChange={(event) => onChange(column.index, { destination: event.target.checked ? { kind: 'new' } : { kind: 'skip' } })}
                    />
                    <span aria-hidden="true">{t('imports.importShort')}</span>
                  </label>
                ) : (
                  <DestinationSelect column={column} target={target} onChange={(destination) => onChange(column.index, { destination })} />
                )}
              </td>
              <td>
                {isNew ? (
                  <input
                    className="import-name"
                    value={column.name}
                    maxLength={100}
                    aria-label={t('imports.fieldNameFor', { column: column.header })}
                    onChange={(event) => onChange(column.index, { name: event.target.value })}
                  />
                ) : (
                  <span className="muted small">—</span>
                )}
              </td>
              <td>
                {isNew ? (
                  <>
                    <TypeSelect column={column} onChange={(type) => onChange(column.index, { type })} />
                    {column.type === column.inferredType ? <InferredOptions options={sheet.columns.find((entry) => entry.index === column.index)?.options ?? {}} /> : null}
                  </>
                ) : column.destination.kind === 'field' ? (
                  <FieldTypeLabel target={target} fieldId={column.destination.fieldId} />
                ) : (
                  <span className="muted small">—</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function TypeSelect({ column, onChange }: { column: ColumnChoice; onChange(type: StoredTypeName): void }) {
  const { t } = useTranslation();
  return (
    <select value={column.type} aria-label={t('imports.typeFor', { column: column.header })} onChange={(event) => onChange(event.target.value as StoredTypeName)}>
      {(Object.keys(IMPORT_TYPE_GROUPS) as Array<keyof typeof IMPORT_TYPE_GROUPS>).map((group) => (
        <optgroup key={group} label={t(`schema.typeGroups.${group}`)}>
          {IMPORT_TYPE_GROUPS[group].map((type) => (
            <option key={type} value={type}>
              {t(`schema.types.${type}`)}{type === column.inferredType ? ` (${t('imports.detected')})` : ''}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

function DestinationSelect({ column, target, onChange }: {
  column: ColumnChoice;
  target: Extract<ImportTarget, { kind: 'existing' }>;
  onChange(destination: ColumnDestination): void;
}) {
  const { t } = useTranslation();
  const value = column.destination.kind === 'field' ? `field:${column.destination.fieldId}` : column.destination.kind;
  return (
    <select
      value={value}
      aria-label={t('imports.destinationFor', { column: column.header })}
      onChange={(event) => {
        const chosen = event.target.value;
        onChange(chosen === 'skip' ? { kind: 'skip' } : chosen === 'new' ? { kind: 'new' } : { kind: 'field', fieldId: chosen.slice('field:'.length) });
      }}
    >
      <option value="skip">{t('imports.skipColumn')}</option>
      {target.canCreateFields ? <option value="new">{t('imports.newField')}</option> : null}
      <optgroup label={t('imports.existingFields')}>
        {target.fields.filter((field) => isWritableType(field.type)).map((field) => (
          <option key={field.id} value={`field:${field.id}`}>{field.name}</option>
        ))}
      </optgroup>
    </select>
  );
}

function FieldTypeLabel({ target, fieldId }: { target: ImportTarget; fieldId: string }) {
  const { t } = useTranslation();
  const field = target.kind === 'existing' ? target.fields.find((entry) => entry.id === fieldId) : undefined;
  const type = field?.type;
  return <span className="muted small">{type && isStoredTypeName(type) ? t(`schema.types.${type}`) : ''}</span>;
}

/** What the inference decided beyond the type: a currency's symbol, dates with a time, a select's choices. */
function InferredOptions({ options }: { options: Record<string, unknown> }) {
  const { t } = useTranslation();
  const parts: string[] = [];
  if (typeof options.symbol === 'string') parts.push(t('imports.optionSymbol', { symbol: options.symbol }));
  if (options.includeTime === true) parts.push(t('imports.optionWithTime'));
  if (Array.isArray(options.choices) && options.choices.length) parts.push(t('imports.optionChoices', { count: options.choices.length }));
  return parts.length ? <span className="muted small import-type-options">{parts.join(' · ')}</span> : null;
}

/** The first few filled values of a column, as the preview read them. */
function samples(sheet: PreviewSheet, index: number): string[] {
  const values: string[] = [];
  for (const row of sheet.rows) {
    const cell = row.cells[index];
    if (cell === null || cell === undefined || cell === '') continue;
    const text = String(cell);
    values.push(text.length > 40 ? `${text.slice(0, 39)}…` : text);
    if (values.length === 3) break;
  }
  return values;
}
