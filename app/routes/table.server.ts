import { data, type LoaderFunctionArgs } from 'react-router';
import { requireTableAccess } from '../../server/auth/index.ts';
import { getBase } from '../../server/bases/index.ts';
import { throwAsResponse } from '../errors.server.ts';
import { requireSessionActor } from '../session.server.ts';

/** Placeholder page for a table until the grid lands; access is checked like the API's. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const actor = requireSessionActor(context, request);
  try {
    const { table } = requireTableAccess(context.app, actor, params.tableId ?? '', 'readRecords');
    if (table.base_id !== params.baseId) throw data({ code: 'NOT_FOUND' }, { status: 404 });
    const base = getBase(context.app, actor, table.base_id);
    return { base: { id: base.id, name: base.name }, table: { id: table.id, name: table.name } };
  } catch (error) {
    return throwAsResponse(error);
  }
}
