import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLoaderData, useNavigate, useParams, useRevalidator } from 'react-router';
import { canEditViews, type BaseRole } from '../schema/types.ts';
import type { GridView } from '../grid/types.ts';
import { apiErrorText } from '../ui/api-error-text.ts';
import { Menu, type MenuItem } from '../ui/menu.tsx';
import { createView, deleteView, duplicateView, updateView } from './view-api.ts';
import { CreateViewDialog, DeleteViewDialog, RenameViewDialog, type NewViewChoice } from './view-dialogs.tsx';
import { LockIcon, ViewTypeIcon } from './view-type-icon.tsx';
import './views.css';

/** What the list reads from the table page's loader besides its props. */
interface TablePageData {
  me?: { role?: BaseRole };
}

type Pending = { kind: 'create' } | { kind: 'rename' | 'delete'; view: GridView } | null;

/**
 * The table's saved views in the sidebar: each with its type's icon, a lock when locked and
 * a tag when personal, and a menu to rename, duplicate, lock or delete it; "New view" below.
 * Editors manage shared views; everyone manages their own personal ones. Every change is
 * announced on the table channel, so other people's sidebars follow at once.
 */
export function ViewList({ views, currentId }: { views: readonly GridView[]; currentId: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const revalidator = useRevalidator();
  const { tableId = '' } = useParams();
  const role = (useLoaderData() as TablePageData | undefined)?.me?.role ?? 'viewer';
  const mayShare = canEditViews(role);
  const [pending, setPending] = useState<Pending>(null);
  const [menuFor, setMenuFor] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const triggers = useRef(new Map<string, HTMLButtonElement>());

  const open = (viewId: string) => navigate(`?view=${encodeURIComponent(viewId)}`);
  const mayManage = (view: GridView) => mayShare || view.personal;

  const create = async (choice: NewViewChoice) => {
    const created = await createView(tableId, choice);
    setPending(null);
    open(created.id);
  };
  const rename = (view: GridView) => async (name: string) => {
    await updateView(tableId, view.id, { name });
    setPending(null);
    void revalidator.revalidate();
  };
  const remove = (view: GridView) => async () => {
    await deleteView(tableId, view.id);
    setPending(null);
    if (view.id !== currentId) return void revalidator.revalidate();
    // Away from the view that is gone: to its neighbour in the list, else the table's default.
    const index = views.findIndex((entry) => entry.id === view.id);
    const next = views[index + 1] ?? views[index - 1];
    navigate(next ? `?view=${encodeURIComponent(next.id)}` : '?', { replace: true });
  };
  const act = (run: () => Promise<unknown>) => {
    setFailure(null);
    run().catch((error: unknown) => setFailure(t('views.list.failed', { message: apiErrorText(t, error) })));
  };

  const itemsFor = (view: GridView): MenuItem[] => {
    const manage = mayManage(view);
    const hint = manage ? undefined : t('views.editorsOnly');
    return [
      { id: 'rename', label: t('views.list.rename'), icon: '✎', disabled: !manage || view.locked, hint: view.locked ? t('views.locked') : hint, onSelect: () => setPending({ kind: 'rename', view }) },
      {
        id: 'duplicate', label: t('views.list.duplicate'), icon: '⧉',
        onSelect: () => act(async () => {
          const copy = await duplicateView(tableId, view, t('views.list.copyName', { name: view.name }), view.personal || !mayShare);
          open(copy.id);
        }),
      },
      {
        id: 'lock', label: view.locked ? t('views.list.unlock') : t('views.list.lock'), icon: '🔒', disabled: !manage, hint,
        onSelect: () => act(async () => {
          await updateView(tableId, view.id, { locked: !view.locked });
          void revalidator.revalidate();
        }),
      },
      {
        id: 'delete', label: t('views.list.delete'), icon: '🗑', danger: true, groupStart: true, disabled: !manage || view.locked,
        hint: view.locked ? t('views.list.lockedNoDelete') : hint, onSelect: () => setPending({ kind: 'delete', view }),
      },
    ];
  };

  return (
    <aside className="view-sidebar" aria-label={t('grid.views')}>
      <h2 className="sidebar-heading">{t('grid.views')}</h2>
      <ul className="view-list">
        {views.map((view) => (
          <li key={view.id} data-view-id={view.id}>
            {/* Link, not NavLink: every view shares the path, and NavLink would mark them all active. */}
            <Link to={`?view=${encodeURIComponent(view.id)}`} className={view.id === currentId ? 'view-link active' : 'view-link'} aria-current={view.id === currentId ? 'page' : undefined}>
              <ViewTypeIcon type={view.type} />
              <span className="view-link-name">{view.name}</span>
              {view.locked ? <><LockIcon /><span className="visually-hidden">{t('views.list.locked')}</span></> : null}
              {view.personal ? <span className="view-tag">{t('grid.personal')}</span> : null}
            </Link>
            <button
              ref={(element) => { if (element) triggers.current.set(view.id, element); else triggers.current.delete(view.id); }}
              type="button" className="ui-icon-button view-actions-trigger" aria-haspopup="menu" aria-expanded={menuFor === view.id}
              aria-label={t('views.list.actions', { name: view.name })} onClick={() => setMenuFor(menuFor === view.id ? null : view.id)}
            >
              <span aria-hidden="true">⋯</span>
            </button>
            <Menu open={menuFor === view.id} anchor={triggers.current.get(view.id) ?? null} label={t('views.list.actions', { name: view.name })} items={itemsFor(view)} onClose={() => setMenuFor(null)} />
          </li>
        ))}
        {views.length === 0 ? <li className="muted small">{t('grid.noViews')}</li> : null}
      </ul>
      <button type="button" className="button ghost new-view" onClick={() => setPending({ kind: 'create' })}>+ {t('views.list.create')}</button>
      {failure ? <p className="form-error small" role="alert">{failure}</p> : null}
      <CreateViewDialog open={pending?.kind === 'create'} mayShare={mayShare} onClose={() => setPending(null)} onCreate={create} />
      <RenameViewDialog
        open={pending?.kind === 'rename'} current={pending?.kind === 'rename' ? pending.view.name : ''}
        onClose={() => setPending(null)} onRename={pending?.kind === 'rename' ? rename(pending.view) : async () => {}}
      />
      <DeleteViewDialog
        open={pending?.kind === 'delete'} name={pending?.kind === 'delete' ? pending.view.name : ''}
        onClose={() => setPending(null)} onDelete={pending?.kind === 'delete' ? remove(pending.view) : async () => {}}
      />
    </aside>
  );
}
