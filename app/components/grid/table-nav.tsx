import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router';
import type { GridView } from './types.ts';

/** The base's tables as tabs, after the way back to all bases; owners get a "+" to add one. */
export function TableTabs({ baseId, baseName, tables, currentId, onAddTable }: {
  baseId: string;
  baseName: string;
  tables: ReadonlyArray<{ id: string; name: string }>;
  currentId: string;
  /** Absent for people who may not create tables. */
  onAddTable?: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="base-bar">
      <nav className="breadcrumbs" aria-label={t('grid.breadcrumb')}>
        <Link to="/">{t('table.back')}</Link>
        <span aria-hidden="true">/</span>
        <span className="base-name">{baseName}</span>
      </nav>
      <nav className="table-tabs" aria-label={t('grid.tables')}>
        {tables.map((table) => (
          <Link key={table.id} to={`/bases/${baseId}/tables/${table.id}`} className={table.id === currentId ? 'table-tab active' : 'table-tab'} aria-current={table.id === currentId ? 'page' : undefined}>
            {table.name}
          </Link>
        ))}
        {onAddTable ? (
          <button type="button" className="table-tab add-table" onClick={onAddTable} aria-label={t('grid.addTable')} title={t('grid.addTable')}>
            <span aria-hidden="true">+</span>
          </button>
        ) : null}
      </nav>
    </div>
  );
}

/** The table's views; choosing a grid view applies its filter, sorts and hidden fields. */
export function ViewList({ views, currentId }: { views: readonly GridView[]; currentId: string | null }) {
  const { t } = useTranslation();
  return (
    <aside className="view-sidebar" aria-label={t('grid.views')}>
      <h2 className="sidebar-heading">{t('grid.views')}</h2>
      <ul className="view-list">
        {views.map((view) => (
          <li key={view.id}>
            <NavLink to={`?view=${encodeURIComponent(view.id)}`} className={view.id === currentId ? 'view-link active' : 'view-link'} aria-current={view.id === currentId ? 'page' : undefined}>
              <ViewGlyph />
              <span className="view-link-name">{view.name}</span>
              {view.personal ? <span className="view-tag">{t('grid.personal')}</span> : null}
            </NavLink>
          </li>
        ))}
        {views.length === 0 ? <li className="muted small">{t('grid.noViews')}</li> : null}
      </ul>
    </aside>
  );
}

function ViewGlyph() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" className="view-glyph">
      <path d="M2.5 3.5h11v9h-11zM2.5 6.5h11M2.5 9.5h11M6.5 6.5v6" fill="none" stroke="currentColor" strokeWidth="1.3" />
    </svg>
  );
}
