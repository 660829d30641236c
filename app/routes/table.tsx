import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLoaderData, useNavigate, useRevalidator, type LinksFunction, type MetaFunction } from 'react-router';
import type { CellContext } from '../components/fields/cell-kit.ts';
import { CalendarView } from '../components/calendar/calendar-view.tsx';
import { FormBuilder } from '../components/forms/form-builder.tsx';
import { GalleryView } from '../components/gallery/gallery-view.tsx';
import { DataGrid, type PageSetup } from '../components/grid/data-grid.tsx';
import { KanbanView } from '../components/kanban/kanban-view.tsx';
import { TableTabs, ViewList } from '../components/grid/table-nav.tsx';
import { CreateTableDialog } from '../components/schema/create-table-dialog.tsx';
import { canEditSchema } from '../components/schema/types.ts';
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
  const navigate = useNavigate();
  const revalidator = useRevalidator();
  const [creatingTable, setCreatingTable] = useState(false);
  // The grid's socket must not reconnect when the revalidator object changes identity.
  const revalidate = useRef(revalidator.revalidate);
  revalidate.current = revalidator.revalidate;
  const onSchemaChange = useCallback(() => void revalidate.current(), []);

  const view = data.views.find((entry) => entry.id === data.viewId) ?? null;
  const locale = isLocale(i18n.language) ? i18n.language : 'en';
  const page = useMemo<PageSetup>(() => {
    const memberById = new Map(data.members.map((member) => [member.id, member]));
    const cell: CellContext = { locale, timeZone: data.base.timeZone, baseId: data.base.id, members: data.members, memberById, canEdit: data.canEdit, t };
    return {
      tableId: data.table.id, baseId: data.base.id, view, allFields: data.fields, primaryFieldId: data.table.primaryFieldId,
      role: data.me.role, canEdit: data.canEdit, userId: data.me.id, cell,
    };
  }, [data, view, locale, t]);

  return (
    <div className="table-page">
      <TableTabs
        baseId={data.base.id}
        baseName={data.base.name}
        tables={data.tables}
        currentId={data.table.id}
        onAddTable={canEditSchema(data.me.role) ? () => setCreatingTable(true) : undefined}
      />
      <div className="table-layout">
        <ViewList views={data.views} currentId={data.viewId} />
        <section className="grid-area" aria-label={t('grid.gridLabel', { name: data.table.name })}>
          {/* The active tab shows the name; the heading is for screen readers and the title. */}
          <h1 className="visually-hidden">{data.table.name}</h1>
          <ViewBody key={`${data.table.id}:${data.viewId ?? ''}`} page={page} viewName={view?.name ?? t('grid.allRecords')} onSchemaChange={onSchemaChange} />
        </section>
      </div>
      <CreateTableDialog
        open={creatingTable}
        baseId={data.base.id}
        tables={data.tables}
        onCreated={(table) => navigate(`/bases/${data.base.id}/tables/${table.id}`)}
        onClose={() => setCreatingTable(false)}
      />
    </div>
  );
}

/** The chosen view as its type shows it; a table without views shows all its records in a grid. */
function ViewBody({ page, viewName, onSchemaChange }: { page: PageSetup; viewName: string; onSchemaChange: () => void }) {
  const view = page.view;
  switch (view?.type) {
    case 'kanban': return <KanbanView page={page} view={view} onSchemaChange={onSchemaChange} />;
    case 'calendar': return <CalendarView page={page} view={view} onSchemaChange={onSchemaChange} />;
    case 'gallery': return <GalleryView page={page} view={view} onSchemaChange={onSchemaChange} />;
    case 'form': return <FormBuilder page={page} view={view} onSchemaChange={onSchemaChange} />;
    default: return <DataGrid page={page} viewName={viewName} onSchemaChange={onSchemaChange} />;
  }
}
