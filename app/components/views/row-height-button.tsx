import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROW_HEIGHTS } from '../../../core/views/view-config.ts';
import type { GridController } from '../grid/grid-controller.ts';
import { useStore } from '../grid/store.ts';
import type { GridView } from '../grid/types.ts';
import { currentView, patchView, viewConfigAccess } from '../grid/view-actions.ts';
import { Menu } from '../ui/menu.tsx';
import './views.css';

const same = (view: GridView | null) => view;

/**
 * The grid toolbar's row height: short, medium, tall or extra tall, saved to the view.
 * Taller rows wrap their text over the lines that fit (views.css).
 */
export function RowHeightButton({ ctrl }: { ctrl: GridController }) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  useStore(ctrl.viewDraft, same);
  const view = currentView(ctrl);
  if (!view) return null;
  const current = view.rowHeight ?? 'short';
  const access = viewConfigAccess(ctrl);
  const items = ROW_HEIGHTS.map((height) => ({
    id: height,
    label: t(`views.rowHeight.${height}`),
    icon: height === current ? '✓' : '',
    disabled: access.readOnly,
    hint: access.reason,
    onSelect: () => void patchView(ctrl, { rowHeight: height }),
  }));
  return (
    <>
      <button
        ref={button} type="button" className="button ghost toolbar-button row-height-button" aria-haspopup="menu" aria-expanded={open}
        title={t('views.rowHeight.button')} onClick={() => setOpen(!open)}
      >
        {t('views.rowHeight.button')}: {t(`views.rowHeight.${current}`)}
      </button>
      <Menu open={open} anchor={button.current} label={t('views.rowHeight.button')} items={items} onClose={() => setOpen(false)} />
    </>
  );
}
