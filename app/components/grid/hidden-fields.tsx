import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Menu, type MenuItem } from '../ui/menu.tsx';
import type { GridController } from './grid-controller.ts';
import { useStore } from './store.ts';
import type { GridView } from './types.ts';
import { currentView, maySaveView, showFields } from './view-actions.ts';

const selectDraft = (view: GridView | null) => view;

/**
 * "2 hidden fields" in the toolbar: the view's hidden fields, each to show again, or all
 * at once. Nothing to show when the view hides nothing.
 */
export function HiddenFieldsButton({ ctrl }: { ctrl: GridController }) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  useStore(ctrl.viewDraft, selectDraft);
  const view = currentView(ctrl);
  const hidden = (view?.hiddenFields ?? []).flatMap((id) => ctrl.fieldById.get(id) ?? []);
  if (!hidden.length) return null;
  const may = maySaveView(ctrl);
  const items: MenuItem[] = [
    ...hidden.map((field) => ({
      id: field.id,
      label: t('grid.showField', { name: field.name }),
      icon: '◉',
      disabled: !may,
      hint: may ? undefined : t('schema.headerMenu.editorsOnly'),
      onSelect: () => showFields(ctrl, [field.id]),
    })),
    { id: '__all', label: t('grid.showAllFields'), icon: '☰', groupStart: true, disabled: !may, hint: may ? undefined : t('schema.headerMenu.editorsOnly'), onSelect: () => showFields(ctrl, 'all') },
  ];
  return (
    <>
      <button ref={button} type="button" className="button ghost hidden-fields" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('grid.hiddenFields', { count: hidden.length })}
      </button>
      <Menu open={open} anchor={button.current} label={t('grid.hiddenFieldsMenu')} items={items} onClose={() => setOpen(false)} />
    </>
  );
}
