import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewSort } from '../grid/types.ts';
import { Popover } from './popover.tsx';
import { addSort, knownSorts, moveSort, removeSort, setSortDirection, setSortField } from './sort-edit.ts';
import type { ViewControlProps } from './view-control-props.ts';

/**
 * The "Sort" toolbar button and its builder: several fields, each ascending or descending,
 * earlier ones deciding first. Every change is saved at once (nothing to type).
 */
export function SortControl(props: ViewControlProps) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const count = knownSorts(props.view.sorts, new Set(props.fields.map((field) => field.id))).length;
  return (
    <>
      <button
        ref={button} type="button" className={`button ghost toolbar-button sort-button${count ? ' active' : ''}`}
        aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(!open)}
      >
        {count ? t('views.sort.buttonCount', { count }) : t('views.sort.button')}
      </button>
      <Popover open={open} anchor={button.current} label={t('views.sort.title')} onClose={() => setOpen(false)} className="sort-popover">
        <SortEditor {...props} />
      </Popover>
    </>
  );
}

export function SortEditor({ fields, view, onPatch, readOnly, readOnlyReason, onMakePersonal }: ViewControlProps) {
  const { t } = useTranslation();
  const ids = fields.map((field) => field.id);
  const sorts = knownSorts(view.sorts, new Set(ids));
  const save = (next: ViewSort[]) => onPatch({ sorts: next });
  return (
    <div className="sort-editor">
      <h3>{t('views.sort.title')}</h3>
      {readOnlyReason ? <p className="note" role="note">{readOnlyReason}</p> : null}
      {readOnly && onMakePersonal ? (
        <div className="actions"><button type="button" className="button ghost" onClick={onMakePersonal}>{t('views.filter.makePersonal')}</button></div>
      ) : null}
      {sorts.length === 0 ? <p className="empty-note">{t('views.sort.empty')}</p> : null}
      {sorts.map((sort, index) => {
        const used = new Set(sorts.filter((_, i) => i !== index).map((entry) => entry.field));
        return (
          <div key={`${index}:${sort.field}`} className="sort-row">
            <span className="lead">{index === 0 ? '' : t('views.sort.thenBy')}</span>
            <select aria-label={t('views.sort.field')} value={sort.field} disabled={readOnly} onChange={(event) => save(setSortField(sorts, index, event.target.value))}>
              {fields.map((field) => <option key={field.id} value={field.id} disabled={used.has(field.id)}>{field.name}</option>)}
            </select>
            <select aria-label={t('views.sort.direction')} value={sort.direction} disabled={readOnly} onChange={(event) => save(setSortDirection(sorts, index, event.target.value === 'desc' ? 'desc' : 'asc'))}>
              <option value="asc">{t('views.sort.asc')}</option>
              <option value="desc">{t('views.sort.desc')}</option>
            </select>
            <button type="button" className="ui-icon-button" aria-label={t('views.sort.moveUp')} title={t('views.sort.moveUp')} disabled={readOnly || index === 0} onClick={() => save(moveSort(sorts, index, -1))}>
              <span aria-hidden="true">↑</span>
            </button>
            <button type="button" className="ui-icon-button" aria-label={t('views.sort.moveDown')} title={t('views.sort.moveDown')} disabled={readOnly || index === sorts.length - 1} onClick={() => save(moveSort(sorts, index, 1))}>
              <span aria-hidden="true">↓</span>
            </button>
            <button type="button" className="ui-icon-button danger" aria-label={t('views.sort.remove')} title={t('views.sort.remove')} disabled={readOnly} onClick={() => save(removeSort(sorts, index))}>
              <span aria-hidden="true">×</span>
            </button>
          </div>
        );
      })}
      {!readOnly && sorts.length < fields.length ? (
        <div className="actions">
          <button type="button" className="button ghost add-sort" onClick={() => save(addSort(sorts, ids))}>+ {t('views.sort.add')}</button>
        </div>
      ) : null}
    </div>
  );
}
