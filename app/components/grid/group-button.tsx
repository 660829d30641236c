import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Popover } from '../views/popover.tsx';
import type { GridController } from './grid-controller.ts';
import { useStore } from './store.ts';
import type { GridView, ViewSort } from './types.ts';
import { currentView, patchView, viewConfigAccess } from './view-actions.ts';

const MAX_LEVELS = 3;
const same = <T,>(value: T) => value;

/**
 * The toolbar's "Group" slot: up to three fields, each level first → last or last → first.
 * Saved in the view at once; the grid lays its rows out under group headers (data-grid.tsx).
 */
export function GroupButton({ ctrl }: { ctrl: GridController }) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  useStore(ctrl.viewDraft, same);
  const view = currentView(ctrl);
  if (!view || view.type !== 'grid') return null;
  const levels = knownLevels(ctrl, view);
  return (
    <>
      <button
        ref={button} type="button" className={`button ghost toolbar-button group-button${levels.length ? ' active' : ''}`}
        aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen(!open)}
      >
        {levels.length ? t('group.buttonActive', { count: levels.length }) : t('group.button')}
      </button>
      <Popover open={open} anchor={button.current} label={t('group.title')} onClose={() => setOpen(false)} className="group-popover">
        <GroupEditor ctrl={ctrl} levels={levels} />
      </Popover>
    </>
  );
}

function knownLevels(ctrl: GridController, view: GridView): ViewSort[] {
  return (view.groupBy ?? []).filter((level) => ctrl.fieldById.has(level.field));
}

function GroupEditor({ ctrl, levels }: { ctrl: GridController; levels: ViewSort[] }) {
  const { t } = useTranslation();
  const access = viewConfigAccess(ctrl);
  const fields = ctrl.setup.allFields;
  const save = (groupBy: ViewSort[]) => void patchView(ctrl, { groupBy } as Parameters<typeof patchView>[1]);
  const unused = (index: number) => {
    const taken = new Set(levels.filter((_, i) => i !== index).map((level) => level.field));
    return fields.filter((field) => !taken.has(field.id));
  };
  return (
    <div className="group-editor">
      <h3>{t('group.title')}</h3>
      {access.reason ? <p className="note" role="note">{access.reason}</p> : null}
      {levels.length === 0 ? <p className="empty-note">{t('group.none')}</p> : null}
      {levels.map((level, index) => (
        <div key={`${index}:${level.field}`} className="group-level">
          <span className="muted small">{t('group.level', { level: index + 1 })}</span>
          <select
            aria-label={t('group.fieldLabel', { level: index + 1 })} value={level.field} disabled={access.readOnly}
            onChange={(event) => save(levels.map((entry, i) => (i === index ? { ...entry, field: event.target.value } : entry)))}
          >
            {unused(index).map((field) => <option key={field.id} value={field.id}>{field.name}</option>)}
          </select>
          <select
            aria-label={t('group.directionLabel', { level: index + 1 })} value={level.direction} disabled={access.readOnly}
            onChange={(event) => save(levels.map((entry, i) => (i === index ? { ...entry, direction: event.target.value as ViewSort['direction'] } : entry)))}
          >
            <option value="asc">{t('group.ascending')}</option>
            <option value="desc">{t('group.descending')}</option>
          </select>
          <button
            type="button" className="button ghost" disabled={access.readOnly}
            aria-label={t('group.remove', { level: index + 1 })} onClick={() => save(levels.filter((_, i) => i !== index))}
          >
            ×
          </button>
        </div>
      ))}
      {levels.length < MAX_LEVELS ? (
        <button
          type="button" className="button ghost" disabled={access.readOnly || unused(levels.length).length === 0}
          onClick={() => save([...levels, { field: unused(levels.length)[0]!.id, direction: 'asc' }])}
        >
          + {t('group.add')}
        </button>
      ) : <p className="muted small">{t('group.atMost')}</p>}
    </div>
  );
}
