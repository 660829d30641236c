import { sql, type SqlBool } from 'kysely';
import { isResolvedGroup, type FilterContext, type ResolvedGroup } from '../../core/filter/resolved.ts';
import type { ResolvedSort } from '../../core/filter/sort.ts';
import type { ViewJson } from '../../core/views/view-config.ts';
import type { Actor } from '../auth/actor.ts';
import { requireTableAccess } from '../auth/permissions.ts';
import type { AppContext } from '../context.ts';
import { searchCondition } from '../search/index.ts';
import { loadTableSchema, type FieldDef, type TableSchema } from '../tables/table-schema.ts';
import { compileFilter, requireResolvedFilter, requireResolvedSorts } from '../views/index.ts';
import { requireView, toViewJson } from '../views/views.service.ts';
import type { IndexMatch, RowCondition } from './rows.repository.ts';

export interface ViewSort {
  field: string;
  direction: 'asc' | 'desc';
}

/** What a grid request asks besides the block: the view, this person's own sort, the search box. */
export interface ViewParams {
  viewId?: string;
  sorts?: readonly ViewSort[];
  search?: string;
}

/** A view resolved for one request: which rows (one SQL condition), in which order. */
export interface ViewQuery {
  schema: TableSchema;
  config: ViewJson | undefined;
  filter?: ResolvedGroup;
  sorts: ResolvedSort[];
  filterCtx: FilterContext;
  /** Filter and search together. */
  where: RowCondition;
  /** Fields whose change can bring a row into the view or take it out (filter and search). */
  membershipFields: ReadonlySet<string> | undefined;
  /** The columns the view shows, in no particular order (hidden fields left out). */
  visible: FieldDef[];
  search: string;
  /** Set when the view has no filter and the finished search index answers the search alone. */
  searchMatch?: IndexMatch;
  /** Identifies the rows (not their order) for caches: table, filter, search, and who/when for relative filters. */
  rowsKey: string;
}

/** The table (readRecords checked), its view's filter and sorts, and the search as SQL. */
export function resolveView(ctx: AppContext, actor: Actor, tableId: string, params: ViewParams): ViewQuery {
  const { table } = requireTableAccess(ctx, actor, tableId, 'readRecords');
  const schema = loadTableSchema(ctx, table.id);
  const config = params.viewId ? toViewJson(requireView(ctx, actor, params.viewId, 'readRecords', table.id).row) : undefined;
  const filter = config?.filter ? requireResolvedFilter(schema, config.filter) : undefined;
  // A person who may not save the view's sorts sorts their own screen: same filter, their order.
  const wanted = params.sorts ?? config?.sorts;
  const sorts = wanted?.length ? requireResolvedSorts(schema, wanted) : [];
  const now = new Date();
  const filterCtx: FilterContext = { now, timeZone: schema.timeZone, userId: actor.userId };
  const hidden = new Set(config?.hiddenFields ?? []);
  const visible = schema.fields.filter((field) => !hidden.has(field.id));
  const search = params.search?.trim() ?? '';
  const parts: RowCondition[] = [];
  if (filter) parts.push(compileFilter(filter, table.id, filterCtx));
  let membership = filter ? fieldsOf(filter) : undefined;
  let searchMatch: IndexMatch | undefined;
  if (search) {
    const plan = searchCondition(ctx, schema, visible, search);
    parts.push(plan.where);
    membership = new Set([...(membership ?? []), ...plan.fieldIds]);
    if (!filter) searchMatch = plan.match;
  }
  const where = parts.length ? sql<SqlBool>`${sql.join(parts.map((part) => sql`(${part})`), sql` AND `)}` : sql<SqlBool>`1`;
  // "Me" and relative dates make a filter's rows depend on who asks and when: both are in
  // the key (dates to the hour, the finest any relative-date operand resolves to a day at).
  const rowsKey = JSON.stringify([
    table.id, config?.filter ?? null, search ? [search, [...(membership ?? [])].sort()] : null, filter ? [actor.userId, now.toISOString().slice(0, 13)] : null,
  ]);
  return { schema, config, filter, sorts, filterCtx, where, membershipFields: membership, visible, search, searchMatch, rowsKey };
}

function fieldsOf(group: ResolvedGroup, into = new Set<string>()): Set<string> {
  for (const node of group.conditions) {
    if (isResolvedGroup(node)) fieldsOf(node, into);
    else into.add(node.field.id);
  }
  return into;
}
