import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PageSetup } from '../grid/data-grid.tsx';
import { FilterControl } from '../views/filter-control.tsx';
import { SortControl } from '../views/sort-control.tsx';
import { BoardSettingsButton } from './board-settings.tsx';
import type { ViewDraft } from './use-view-draft.ts';

/**
 * Above a kanban, calendar or gallery: the view's name and size, its filter and sort (the
 * same controls as the grid's toolbar; the server applies both), and the card settings.
 */
export function BoardToolbar({ page, draft, kind, count, children }: {
  page: PageSetup;
  draft: ViewDraft;
  kind: 'kanban' | 'calendar' | 'gallery';
  /** Records in the view, once known. */
  count: number | null;
  /** View-specific controls (the calendar's month/week and navigation). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { view, mayEdit, patch } = draft;
  const controlProps = { fields: page.allFields, view, cell: page.cell, onPatch: patch, readOnly: !mayEdit };
  return (
    <div className="grid-toolbar board-toolbar">
      <div className="grid-toolbar-title">
        <span className="view-name">{view.name}</span>
        <span className="muted small" aria-live="polite">{count === null ? t('boards.loading') : t('boards.recordCount', { count })}</span>
        {!page.canEdit ? <span className="badge read-only-badge">{t('boards.readOnly')}</span> : null}
      </div>
      <div className="grid-toolbar-actions">
        {children}
        <FilterControl {...controlProps} />
        {/* A calendar orders by date; its sorts only break ties within a day. */}
        <SortControl {...controlProps} />
        <BoardSettingsButton kind={kind} fields={page.allFields} primaryFieldId={page.primaryFieldId} view={view} readOnly={!mayEdit} onPatch={patch} />
      </div>
    </div>
  );
}
