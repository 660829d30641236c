import { useState } from 'react';
import type { CustomHeaderProps } from 'ag-grid-react';
import { fieldTypes } from '../../../core/fields/registry.ts';
import { FieldIcon, kitOf } from '../fields/index.ts';
import { FieldHeaderMenu } from '../schema/field-header-menu.tsx';
import { deleteField, renameField } from '../schema/schema-api.ts';
import type { GridController } from './grid-controller.ts';
import { useStore } from './store.ts';
import type { GridField, ViewSort } from './types.ts';
import { freezeUpTo, hideField, moveField, sortBy } from './view-actions.ts';

const selectSorts = (sorts: readonly ViewSort[] | null) => sorts;

/**
 * A column header: the type's icon, the name, the sort it is under (a button that clears
 * it), a lock for fields nobody edits, and the ▾ menu of what can be done to the field —
 * also on a right-click. Schema changes are the owners', layout the editors'; the menu
 * lists both with the reason when this person may not.
 */
export function FieldHeader({ field, context }: CustomHeaderProps<unknown, { ctrl: GridController }> & { field: GridField }) {
  const ctrl = context.ctrl;
  const { t } = ctrl.setup.cell;
  const [menuOpen, setMenuOpen] = useState(false);
  useStore(ctrl.localSorts, selectSorts);
  const readOnly = fieldTypes[field.type].readOnly;
  const sort = ctrl.sorts().find((entry) => entry.field === field.id);
  const { tableId, allFields, primaryFieldId, role } = ctrl.setup;
  const after = (work: Promise<unknown>) => work.then(() => ctrl.reloadSchema());

  return (
    <div
      className="field-header"
      title={field.description ?? field.name}
      onContextMenu={(event) => {
        event.preventDefault();
        setMenuOpen(true);
      }}
    >
      <FieldIcon name={kitOf(field.type).icon} />
      <span className="field-header-name">{field.name}</span>
      {sort ? (
        <button
          type="button"
          className="field-header-sort"
          title={t('grid.clearSort')}
          aria-label={`${t(sort.direction === 'asc' ? 'grid.sortedAsc' : 'grid.sortedDesc')} · ${t('grid.clearSort')}`}
          onClick={(event) => {
            event.stopPropagation();
            sortBy(ctrl, null);
          }}
        >
          {sort.direction === 'asc' ? '↑' : '↓'}
        </button>
      ) : null}
      {readOnly ? <span title={t('grid.readOnlyField')} aria-label={t('grid.readOnlyField')}><FieldIcon name="lock" className="field-icon lock" /></span> : null}
      <span className="field-header-menu">
        <FieldHeaderMenu
          field={field}
          fields={allFields}
          primaryFieldId={primaryFieldId}
          order={ctrl.setup.fields.map((entry) => entry.id)}
          role={role}
          open={menuOpen}
          onOpenChange={setMenuOpen}
          onEdit={() => ctrl.dialog.set({ kind: 'edit', fieldId: field.id })}
          onRename={(name) => after(renameField(tableId, field.id, name))}
          onInsertLeft={() => ctrl.dialog.set({ kind: 'create', anchorId: field.id, side: 'left' })}
          onInsertRight={() => ctrl.dialog.set({ kind: 'create', anchorId: field.id, side: 'right' })}
          onSortAsc={() => sortBy(ctrl, { field: field.id, direction: 'asc' })}
          onSortDesc={() => sortBy(ctrl, { field: field.id, direction: 'desc' })}
          onMoveLeft={() => moveField(ctrl, field.id, -1)}
          onMoveRight={() => moveField(ctrl, field.id, 1)}
          onFreezeUpTo={() => freezeUpTo(ctrl, field.id)}
          onHide={() => hideField(ctrl, field.id)}
          onDelete={() => after(deleteField(tableId, field.id))}
        />
      </span>
    </div>
  );
}
