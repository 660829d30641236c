import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

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

/** The table's saved views (app/components/views/view-list.tsx): switch, create, rename, duplicate, lock, delete. */
export { ViewList } from '../views/view-list.tsx';
