import type { FilterContext, ResolvedGroup } from '../../core/filter/resolved.ts';
import type { ResolvedSort } from '../../core/filter/sort.ts';
import type { ViewJson } from '../../core/views/view-config.ts';
import type { Actor } from '../auth/actor.ts';
import { requireTableAccess, type Permission } from '../auth/permissions.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { loadTableSchema, type FieldDef, type TableSchema } from '../tables/table-schema.ts';
import { requireResolvedFilter, requireResolvedSorts } from '../views/index.ts';
import { requireView, toViewJson } from '../views/views.service.ts';

/** A kanban, calendar or gallery view resolved against its table, ready to query. */
export interface BoardView {
  schema: TableSchema;
  view: ViewJson;
  filter?: ResolvedGroup;
  sorts: ResolvedSort[];
  filterCtx: FilterContext;
  /** The fields a card shows (title, card fields, cover), plus the ones it is placed by. */
  cardFields: FieldDef[];
}

/** The view (readable by the actor, of this table) with its filter and sorts resolved. */
export function resolveBoardView(ctx: AppContext, actor: Actor, tableId: string, viewId: string, permission: Permission = 'readRecords'): BoardView {
  const { table } = requireTableAccess(ctx, actor, tableId, permission);
  const schema = loadTableSchema(ctx, table.id);
  const view = toViewJson(requireView(ctx, actor, viewId, permission, table.id).row);
  const filter = view.filter ? requireResolvedFilter(schema, view.filter) : undefined;
  const sorts = view.sorts?.length ? requireResolvedSorts(schema, view.sorts) : [];
  const wanted = [schema.table.primary_field_id, ...(view.cardFields ?? []), view.coverField, view.stackField, view.sumField, view.dateField];
  const ids = new Set(wanted.filter((id): id is string => typeof id === 'string'));
  return {
    schema,
    view,
    filter,
    sorts,
    filterCtx: { now: new Date(), timeZone: schema.timeZone, userId: actor.userId },
    cardFields: schema.fields.filter((field) => ids.has(field.id)),
  };
}

/** The view's field named by `key` (stackField, dateField …), which must be of one of `kinds`. */
export function requireViewField(board: BoardView, key: 'stackField' | 'dateField' | 'sumField', kinds: readonly string[]): FieldDef {
  const id = board.view[key];
  if (!id) throw new AppError('INVALID_REQUEST', `view "${board.view.name}" has no ${key}; choose one first`);
  const field = board.schema.byId.get(id);
  if (!field) throw new AppError('INVALID_REQUEST', `the ${key} of view "${board.view.name}" no longer exists`);
  if (!kinds.includes(field.type)) {
    throw new AppError('INVALID_REQUEST', `${key} "${field.name}" is a ${field.type} field; it must be one of ${kinds.join(', ')}`);
  }
  return field;
}
