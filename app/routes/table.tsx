import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoaderData, useRevalidator, type LinksFunction, type MetaFunction } from 'react-router';
import type { CellContext } from '../components/fields/cell-kit.ts';
import { visibleFields } from '../components/grid/columns.ts';
import { DataGrid } from '../components/grid/data-grid.tsx';
import type { GridSetup } from '../components/grid/grid-controller.ts';
import { TableTabs, ViewList } from '../components/grid/table-nav.tsx';
import { isLocale } from '../i18n/locale.ts';
import { pageTitle } from '../i18n/page-title.ts';
import gridCss from '../styles/grid.css?url';
import type { loader } from './table.server.ts';

export { loader } from './table.server.ts';

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, 'app.name', data?.table.name);

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: gridCss }];

/** A base's table as a live grid: table tabs above, the table's views beside, rows in blocks. */
export default function TablePage() {
  const { t, i18n } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const revalidator = useRevalidator();
  // The grid's socket must not reconnect when the revalidator object changes identity.
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const onSchemaChange = useCallback(() => void revalidate.current(), []);

  const view = data.views.find((entry) => entry.id === data.viewId) ?? null;
  const locale = isLocale(i18n.language) ? i18n.language : 'en';
  const setup = useMemo<GridSetup>(() => {
    const memberById = new Map(data.members.map((member) => [member.id, member]));
    const cell: CellContext = { locale, timeZone: data.base.timeZone, baseId: data.base.id, members: data.members, memberById, canEdit: data.canEdit, t };
    return { tableId: data.table.id, view, fields: visibleFields(data.fields, view), canEdit: data.canEdit, userId: data.me.id, cell };
  }, [data, view, locale, t]);

  return (
    <div className="table-page">
      <TableTabs baseId={data.base.id} baseName={data.base.name} tables={data.tables} currentId={data.table.id} />
      <div className="table-layout">
        <ViewList views={data.views} currentId={data.viewId} />
        <section className="grid-area" aria-label={t('grid.gridLabel', { name: data.table.name })}>
          {/* The active tab shows the name; the heading is for screen readers and the title. */}
          <h1 className="visually-hidden">{data.table.name}</h1>
          <DataGrid key={`${data.table.id}:${data.viewId ?? ''}`} setup={setup} viewName={view?.name ?? t('grid.allRecords')} onSchemaChange={onSchemaChange} />
        </section>
      </div>
    </div>
  );
}
