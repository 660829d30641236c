import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { kitOf } from '../fields/index.ts';
import { FieldIcon } from '../fields/field-icon.tsx';
import { Popover } from '../views/popover.tsx';
import { moveInOrder } from '../views/field-order.ts';
import { orderedFields } from './columns.ts';
import type { GridController } from './grid-controller.ts';
import { useStore } from './store.ts';
import type { GridView } from './types.ts';
import { currentView, patchView, viewConfigAccess } from './view-actions.ts';

const selectDraft = (view: GridView | null) => view;

/**
 * The toolbar's "Fields" panel: every field in the view's order, each shown or hidden with
 * a switch and moved with a drag or the arrows; hide all / show all. The primary field
 * (the record's name) always shows. The button says how many fields are hidden.
 */
export function HiddenFieldsButton({ ctrl }: { ctrl: GridController }) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  useStore(ctrl.viewDraft, selectDraft);
  const view = currentView(ctrl);
  if (!view) return null;
  const hiddenCount = view.hiddenFields.filter((id) => ctrl.fieldById.has(id)).length;
  return (
    <>
      <button
        ref={button} type="button" className={`button ghost toolbar-button hidden-fields${hiddenCount ? ' active' : ''}`}
        aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(!open)}
      >
        {hiddenCount ? t('views.fields.hiddenCount', { count: hiddenCount }) : t('views.fields.button')}
      </button>
      <Popover open={open} anchor={button.current} label={t('views.fields.title')} onClose={() => setOpen(false)} className="fields-popover">
        <FieldsPanel ctrl={ctrl} view={view} />
      </Popover>
    </>
  );
}

function FieldsPanel({ ctrl, view }: { ctrl: GridController; view: GridView }) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState<string | null>(null);
  const access = viewConfigAccess(ctrl);
  const fields = orderedFields(ctrl.setup.allFields, view);
  const order = fields.map((field) => field.id);
  const hidden = new Set(view.hiddenFields);
  const primary = ctrl.setup.primaryFieldId;
  const setHidden = (ids: readonly string[]) => void patchView(ctrl, { hiddenFields: ids.filter((id) => id !== primary) });
  const move = (fieldId: string, to: number) => {
    const next = moveInOrder(order, fieldId, to);
    if (next.join() !== order.join()) void patchView(ctrl, { fieldOrder: next });
  };
  return (
    <div className="fields-panel">
      <h3>{t('views.fields.title')}</h3>
      {access.reason ? <p className="note" role="note">{access.reason}</p> : <p className="empty-note small">{t('views.fields.dragHint')}</p>}
      <ul className="fields-list">
        {fields.map((field, index) => {
          const isPrimary = field.id === primary;
          return (
            <li
              key={field.id}
              className={over === field.id && dragging && dragging !== field.id ? 'drop-target' : undefined}
              draggable={!access.readOnly}
              onDragStart={(event) => {
                setDragging(field.id);
                event.dataTransfer.effectAllowed = 'move';
                event.dataTransfer.setData('text/plain', field.id);
              }}
              onDragOver={(event) => {
                if (!dragging) return;
                event.preventDefault();
                setOver(field.id);
              }}
              onDragEnd={() => { setDragging(null); setOver(null); }}
              onDrop={(event) => {
                event.preventDefault();
                if (dragging) move(dragging, index);
                setDragging(null);
                setOver(null);
              }}
            >
              <span aria-hidden="true" className="muted">⋮⋮</span>
              <label title={isPrimary ? t('views.fields.primary') : undefined}>
                <input
                  type="checkbox" checked={isPrimary || !hidden.has(field.id)} disabled={access.readOnly || isPrimary}
                  aria-label={t('views.fields.show', { name: field.name })}
                  onChange={(event) => setHidden(event.target.checked ? view.hiddenFields.filter((id) => id !== field.id) : [...view.hiddenFields, field.id])}
                />
                <FieldIcon name={kitOf(field.type).icon} />
                <span className="field-name">{field.name}</span>
              </label>
              <button type="button" className="ui-icon-button" aria-label={t('views.fields.moveUp', { name: field.name })} disabled={access.readOnly || index === 0} onClick={() => move(field.id, index - 1)}>
                <span aria-hidden="true">↑</span>
              </button>
              <button type="button" className="ui-icon-button" aria-label={t('views.fields.moveDown', { name: field.name })} disabled={access.readOnly || index === fields.length - 1} onClick={() => move(field.id, index + 1)}>
                <span aria-hidden="true">↓</span>
              </button>
            </li>
          );
        })}
      </ul>
      {access.readOnly ? null : (
        <div className="actions">
          <button type="button" className="button ghost" onClick={() => setHidden(order)}>{t('views.fields.hideAll')}</button>
          <button type="button" className="button ghost" onClick={() => setHidden([])}>{t('views.fields.showAll')}</button>
        </div>
      )}
    </div>
  );
}
