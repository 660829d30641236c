import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { apiErrorText } from '../ui/api-error-text.ts';
import type { GridController } from '../grid/grid-controller.ts';
import { useStore } from '../grid/store.ts';
import type { GridView } from '../grid/types.ts';
import { currentView, patchView, viewConfigAccess } from '../grid/view-actions.ts';
import { duplicateView } from './view-api.ts';
import type { ViewControlProps } from './view-control-props.ts';

const same = (view: GridView | null) => view;

/**
 * The grid toolbar's side of FilterControl/SortControl: the view as this person sees it
 * (their unsaved draft included), saving through `patchView`, and for someone who may not
 * change a shared view, a personal copy to change instead. Null without a view.
 */
export function useGridViewControl(ctrl: GridController): ViewControlProps | null {
  useStore(ctrl.viewDraft, same);
  const navigate = useNavigate();
  const view = currentView(ctrl);
  const access = viewConfigAccess(ctrl);
  const { t } = ctrl.setup.cell;
  const onPatch = useCallback((patch: Parameters<ViewControlProps['onPatch']>[0]) => {
    void patchView(ctrl, patch as Parameters<typeof patchView>[1]);
  }, [ctrl]);
  const makePersonal = useCallback(() => {
    if (!view) return;
    duplicateView(ctrl.setup.tableId, view, t('views.list.copyName', { name: view.name }), true).then(
      (created) => navigate(`?view=${encodeURIComponent(created.id)}`),
      (error: unknown) => ctrl.toasts.show(t('views.list.failed', { message: apiErrorText(t, error) })),
    );
  }, [ctrl, view, navigate, t]);
  if (!view) return null;
  return {
    fields: ctrl.setup.allFields,
    view,
    cell: ctrl.setup.cell,
    onPatch,
    readOnly: access.readOnly,
    readOnlyReason: access.reason,
    // A locked view is everyone's to unlock first; a copy is for those who may not edit it.
    onMakePersonal: access.readOnly && !view.locked ? makePersonal : undefined,
  };
}
