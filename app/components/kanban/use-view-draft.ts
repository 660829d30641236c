import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewConfig } from '../../../core/views/view-config.ts';
import type { PageSetup } from '../grid/data-grid.tsx';
import type { GridView } from '../grid/types.ts';
import { canEditViews } from '../schema/types.ts';
import { apiErrorText } from '../ui/api-error-text.ts';
import { updateView } from '../views/view-api.ts';

export interface ViewDraft {
  /** The view as this person sees it: their unsaved change over the page's copy. */
  view: GridView;
  /** Whether this person may change the view (editors; anyone for their own personal view; never a locked one). */
  mayEdit: boolean;
  patch(patch: Partial<ViewConfig>): void;
  error: string | null;
}

/**
 * A board's view config, changed from its toolbar and settings: shown at once, saved with
 * PATCH …/views/:viewId, and dropped once the page's copy (reloaded on the table channel's
 * schema message) has caught up. A refusal puts the view back and says why.
 */
export function useViewDraft(page: PageSetup, view: GridView, onSchemaChange: () => void): ViewDraft {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Partial<ViewConfig> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef(0);
  useEffect(() => {
    if (pending.current === 0) setDraft(null);
  }, [view]);
  const mayEdit = !view.locked && (canEditViews(page.role) || view.personal);
  const patch = useCallback((change: Partial<ViewConfig>) => {
    if (!mayEdit) return;
    setError(null);
    setDraft((current) => ({ ...current, ...change }));
    pending.current += 1;
    updateView(page.tableId, view.id, change).then(
      () => undefined,
      (failure: unknown) => {
        setDraft(null);
        setError(t('boards.saveFailed', { message: apiErrorText(t, failure) }));
      },
    ).finally(() => {
      pending.current -= 1;
      onSchemaChange();
    });
  }, [mayEdit, page.tableId, view.id, onSchemaChange, t]);
  const merged = draft ? ({ ...view, ...draft } as GridView) : view;
  return { view: merged, mayEdit, patch, error };
}
