import { useTranslation } from 'react-i18next';
import type { ViewConfig } from '../../../core/views/view-config.ts';
import type { GridField } from '../grid/types.ts';

/** A kanban without a stack field, or a calendar without a date field: choose one. */
export function BoardSetup({ kind, fields, mayEdit, onPatch }: {
  kind: 'kanban' | 'calendar';
  /** The fields that can serve. */
  fields: readonly GridField[];
  mayEdit: boolean;
  onPatch(patch: Partial<ViewConfig>): void;
}) {
  const { t } = useTranslation();
  const key = kind === 'kanban' ? 'stackField' : 'dateField';
  const title = kind === 'kanban' ? t('boards.setupKanbanTitle') : t('boards.setupCalendarTitle');
  return (
    <div className="board-setup" role="region" aria-label={title}>
      <h2>{title}</h2>
      <p className="muted">{kind === 'kanban' ? t('boards.setupKanbanHelp') : t('boards.setupCalendarHelp')}</p>
      {fields.length === 0 ? <p>{kind === 'kanban' ? t('boards.setupKanbanNone') : t('boards.setupCalendarNone')}</p> : null}
      {fields.length > 0 && !mayEdit ? <p>{t('boards.setupAsk')}</p> : null}
      {fields.length > 0 && mayEdit ? (
        <div className="board-setup-choices">
          {fields.map((field) => (
            <button key={field.id} type="button" className="button ghost" onClick={() => onPatch({ [key]: field.id })}>
              {t('boards.use', { field: field.name })}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
