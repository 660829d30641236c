import type { CustomHeaderProps } from 'ag-grid-react';
import { fieldTypes } from '../../../core/fields/registry.ts';
import { FieldIcon, kitOf } from '../fields/index.ts';
import type { GridController } from './grid-controller.ts';
import type { GridField } from './types.ts';

/** A column header: the type's icon, the name, and a lock for fields nobody edits. */
export function FieldHeader({ field, context }: CustomHeaderProps<unknown, { ctrl: GridController }> & { field: GridField }) {
  const { t } = context.ctrl.setup.cell;
  const readOnly = fieldTypes[field.type].readOnly;
  const sort = context.ctrl.setup.view?.sorts.find((entry) => entry.field === field.id);
  return (
    <div className="field-header" title={field.description ?? field.name}>
      <FieldIcon name={kitOf(field.type).icon} />
      <span className="field-header-name">{field.name}</span>
      {sort ? <span className="field-header-sort" aria-label={t(sort.direction === 'asc' ? 'grid.sortedAsc' : 'grid.sortedDesc')}>{sort.direction === 'asc' ? '↑' : '↓'}</span> : null}
      {readOnly ? <span title={t('grid.readOnlyField')} aria-label={t('grid.readOnlyField')}><FieldIcon name="lock" className="field-icon lock" /></span> : null}
    </div>
  );
}
