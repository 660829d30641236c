import { data, type LoaderFunctionArgs } from 'react-router';
import { requireTableAccess, roleAtLeast } from '../../server/auth/index.ts';
import { getBase, listMembers } from '../../server/bases/index.ts';
import { listTables } from '../../server/tables/index.ts';
import { toGridView, type GridField, type GridView } from '../components/grid/types.ts';
import { throwAsResponse } from '../errors.server.ts';
import { requireSessionActor } from '../session.server.ts';

/**
 * Everything the table page needs before its first block of rows: the base's tables (tabs),
 * this table's fields and views, the chosen view (`?view=`, else the first), the members
 * (user cells, presence names) and whether this person may edit. Rows come from the grid's
 * own endpoint, block by block.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireSessionActor(context, request);
  try {
    const { table, role } = requireTableAccess(context.app, actor, params.tableId ?? '', 'readRecords');
    if (table.base_id !== params.baseId) throw data({ code: 'NOT_FOUND' }, { status: 404 });
    const base = getBase(context.app, actor, table.base_id);
    const tables = listTables(context.app, actor, base.id);
    const current = tables.find((entry) => entry.id === table.id)!;
    const views: GridView[] = current.views.map(toGridView);
    const wanted = new URL(request.url).searchParams.get('view');
    const view = views.find((entry) => entry.id === wanted) ?? views.find((entry) => entry.type === 'grid') ?? views[0] ?? null;
    return {
      base: { id: base.id, name: base.name, timeZone: base.timeZone },
      tables: tables.map((entry) => ({ id: entry.id, name: entry.name })),
      table: { id: current.id, name: current.name, primaryFieldId: current.primaryFieldId },
      fields: current.fields as GridField[],
      views,
      viewId: view?.id ?? null,
      members: listMembers(context.app, actor, base.id).map((member) => ({ id: member.userId, name: member.name, email: member.email })),
      me: { id: actor.userId, role },
      canEdit: roleAtLeast(role, 'editor'),
    };
  } catch (error) {
    return throwAsResponse(error);
  }
}
