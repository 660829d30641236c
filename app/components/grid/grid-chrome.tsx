import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PresenceAvatars } from '../presence/presence-avatars.tsx';
import type { GridController } from './grid-controller.ts';
import { DataMenu } from '../import/data-menu.tsx';
import { ViewFilterButton } from '../views/filter-button.tsx';
import { RowHeightButton } from '../views/row-height-button.tsx';
import { ViewSortButton } from '../views/sort-button.tsx';
import { GridSearch } from './grid-search.tsx';
import { GroupButton } from './group-button.tsx';
import { HiddenFieldsButton } from './hidden-fields.tsx';
import { addRecord, deleteSelected } from './row-actions.ts';
import { useStore } from './store.ts';

const selectTotal = (total: number | null) => total;
const selectCount = (count: number) => count;

/** Above the grid: the view's name and size, who else is here, and actions on ticked rows. */
export function GridToolbar({ ctrl, viewName }: { ctrl: GridController; viewName: string }) {
  const { t } = useTranslation();
  const total = useStore(ctrl.total, selectTotal);
  const selected = useStore(ctrl.selected, selectCount);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="grid-toolbar">
      <div className="grid-toolbar-title">
        <span className="view-name">{viewName}</span>
        <span className="muted small" aria-live="polite">{total === null ? t('grid.loading') : t('grid.recordCount', { count: total })}</span>
        {!ctrl.setup.canEdit ? <span className="badge read-only-badge">{t('grid.readOnly')}</span> : null}
      </div>
      <div className="grid-toolbar-actions">
        <HiddenFieldsButton ctrl={ctrl} />
        <ViewFilterButton ctrl={ctrl} />
        <ViewSortButton ctrl={ctrl} />
        <GroupButton ctrl={ctrl} />
        <RowHeightButton ctrl={ctrl} />
        <GridSearch ctrl={ctrl} />
        <DataMenu ctrl={ctrl} />
        {selected > 0 && !confirming ? (
          <button type="button" className="button ghost danger" onClick={() => setConfirming(true)}>{t('grid.deleteRows', { count: selected })}</button>
        ) : null}
        {selected > 0 && confirming ? (
          <span className="confirm" role="group" aria-label={t('grid.deleteRows', { count: selected })}>
            <span className="small">{t('grid.confirmDelete', { count: selected })}</span>
            <button type="button" className="button danger-solid" onClick={() => { setConfirming(false); void ctrl.trackStep(deleteSelected(ctrl)); }}>{t('grid.delete')}</button>
            <button type="button" className="button ghost" onClick={() => setConfirming(false)}>{t('grid.cancel')}</button>
          </span>
        ) : null}
        <PresenceAvatars store={ctrl.presence} />
      </div>
    </div>
  );
}

/** Below the grid: the "+ Add record" row, as the last line of a sheet. */
export function GridFooter({ ctrl }: { ctrl: GridController }) {
  const { t } = useTranslation();
  if (!ctrl.setup.canEdit) return null;
  return (
    <div className="grid-footer">
      <button type="button" className="add-record" onClick={() => void addRecord(ctrl)}>
        <span aria-hidden="true">+</span> {t('grid.addRecord')}
      </button>
    </div>
  );
}
