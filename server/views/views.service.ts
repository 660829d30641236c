import { checkFilterLimits, isFilterGroup, type FilterGroup, type FilterNode } from '../../core/filter/tree.ts';
import type { Actor } from '../auth/actor.ts';
import { requireTableAccess, type Permission } from '../auth/permissions.ts';
import type { AppContext } from '../context.ts';
import { newId, type ViewRow } from '../db/index.ts';
import { AppError, notFound } from '../errors.ts';
import { loadTableSchema, requireField, type TableSchema } from '../tables/table-schema.ts';
import { syncViewIndexes } from './view-indexes.ts';
import { normalizeSummaries } from '../grid/summary-config.ts';
import { checkFormConfig } from '../forms/form-config.ts';
import { requireResolvedSorts, validateFilter } from './validate-filter.ts';
import { viewConfigSchema, type ViewConfig, type ViewJson, type ViewType, viewInputSchema, viewPatchSchema } from '../../core/views/view-config.ts';
import type { z } from 'zod';

export type { ViewJson };

export function toViewJson(row: ViewRow): ViewJson {
  const config = viewConfigSchema.parse(JSON.parse(row.config));
  return {
    id: row.id,
    tableId: row.table_id,
    name: row.name,
    type: row.type as ViewType,
    personal: row.personal_user_id !== null,
    locked: row.locked === 1,
    ...(row.share_id ? { shareId: row.share_id } : {}),
    ...config,
  };
}

/** Views of a table the actor can see: every collaborative view and their own personal ones. */
export function listViews(ctx: AppContext, actorId: string, tableId: string): ViewJson[] {
  const rows = ctx.db.all(
    ctx.db.kysely
      .selectFrom('views')
      .selectAll()
      .where('table_id', '=', tableId)
      .where((eb) => eb.or([eb('personal_user_id', 'is', null), eb('personal_user_id', '=', actorId)]))
      .orderBy('position')
      .orderBy('id'),
  );
  return rows.map(toViewJson);
}

/** A view the actor may see; someone else's personal view is as unknown as a missing one. */
export function requireView(
  ctx: AppContext,
  actor: Actor,
  viewId: string,
  permission: Permission = 'readRecords',
  tableId?: string,
): { row: ViewRow; schema: TableSchema } {
  const row = ctx.db.first(ctx.db.kysely.selectFrom('views').selectAll().where('id', '=', viewId));
  if (!row || (row.personal_user_id && row.personal_user_id !== actor.userId)) throw notFound('view');
  if (tableId !== undefined && row.table_id !== tableId) throw notFound('view');
  const needed = permission === 'writeViews' && row.personal_user_id ? 'writePersonalViews' : permission;
  try {
    requireTableAccess(ctx, actor, row.table_id, needed);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw notFound('view');
    throw error;
  }
  return { row, schema: loadTableSchema(ctx, row.table_id) };
}

export function createView(ctx: AppContext, actor: Actor, tableId: string, input: z.infer<typeof viewInputSchema>): ViewJson {
  requireTableAccess(ctx, actor, tableId, input.personal ? 'writePersonalViews' : 'writeViews');
  const schema = loadTableSchema(ctx, tableId);
  const config = normalizeConfig(schema, input);
  const id = newId('view');
  const position = (ctx.db.first(ctx.db.kysely.selectFrom('views').select((eb) => eb.fn.max('position').as('max')).where('table_id', '=', tableId))?.max ?? 0) + 1;
  ctx.db.run(
    ctx.db.kysely.insertInto('views').values({
      id,
      table_id: tableId,
      name: input.name,
      type: input.type,
      config: JSON.stringify(config),
      personal_user_id: input.personal ? actor.userId : null,
      share_id: input.type === 'form' ? newId('share', 22) : null,
      locked: input.locked ? 1 : 0,
      position,
      created_at: new Date().toISOString(),
    }),
  );
  indexViewFields(ctx, schema);
  ctx.events.emit('schema', { baseId: schema.baseId, tableId, kind: 'view', action: 'created', id });
  return toViewJson(ctx.db.first(ctx.db.kysely.selectFrom('views').selectAll().where('id', '=', id))!);
}

export function updateView(ctx: AppContext, actor: Actor, viewId: string, patch: z.infer<typeof viewPatchSchema>): ViewJson {
  const { row, schema } = requireView(ctx, actor, viewId, 'writeViews');
  const current = toViewJson(row);
  if (current.locked && patch.locked !== false) throw new AppError('CONFLICT', `view "${row.name}" is locked; unlock it first`);
  const merged = { ...current, ...patch };
  const config = normalizeConfig(schema, merged);
  ctx.db.run(
    ctx.db.kysely
      .updateTable('views')
      .set({ name: merged.name, config: JSON.stringify(config), locked: merged.locked ? 1 : 0 })
      .where('id', '=', viewId),
  );
  indexViewFields(ctx, schema);
  ctx.events.emit('schema', { baseId: schema.baseId, tableId: row.table_id, kind: 'view', action: 'updated', id: viewId });
  return toViewJson(ctx.db.first(ctx.db.kysely.selectFrom('views').selectAll().where('id', '=', viewId))!);
}

export function deleteView(ctx: AppContext, actor: Actor, viewId: string): void {
  const { row, schema } = requireView(ctx, actor, viewId, 'writeViews');
  if (row.locked) throw new AppError('CONFLICT', `view "${row.name}" is locked; unlock it first`);
  ctx.db.run(ctx.db.kysely.deleteFrom('views').where('id', '=', viewId));
  syncViewIndexes(ctx, row.table_id);
  ctx.events.emit('schema', { baseId: schema.baseId, tableId: row.table_id, kind: 'view', action: 'deleted', id: viewId });
}

/**
 * Views are the queries people run again and again, so each gets the index that serves
 * its filter and sort (decision 0055), built here, once (seconds at 1M rows); indexes no
 * view needs any more are dropped (grouped views: see server/grid/summary-config.ts).
 */
function indexViewFields(ctx: AppContext, schema: TableSchema): void {
  syncViewIndexes(ctx, schema.table.id);
}

/** Resolves field names to ids everywhere in a view's config and validates its filter. */
export function normalizeConfig(schema: TableSchema, input: ViewConfig): ViewConfig {
  const id = (key: string) => requireField(schema, key).id;
  let filter: FilterGroup | null | undefined = input.filter;
  if (filter) {
    const limitError = checkFilterLimits(filter);
    if (limitError) throw new AppError('INVALID_FILTER', limitError);
    filter = mapFields(filter, id);
    validateFilter(schema, filter);
  }
  const config = viewConfigSchema.parse({
    filter,
    sorts: input.sorts?.map((sort) => ({ ...sort, field: id(sort.field) })),
    hiddenFields: input.hiddenFields?.map(id),
    fieldOrder: input.fieldOrder?.map(id),
    fieldWidths: input.fieldWidths && Object.fromEntries(Object.entries(input.fieldWidths).map(([k, v]) => [id(k), v])),
    frozenFieldCount: input.frozenFieldCount,
    rowHeight: input.rowHeight,
    groupBy: input.groupBy?.map((group) => ({ ...group, field: id(group.field) })),
    summaries: normalizeSummaries(schema, input.summaries),
    stackField: input.stackField && id(input.stackField),
    dateField: input.dateField && id(input.dateField),
    cardFields: input.cardFields?.map(id),
    coverField: input.coverField && id(input.coverField),
    sumField: input.sumField && id(input.sumField),
    hideEmptyStacks: input.hideEmptyStacks,
    form: input.form && { ...input.form, fields: input.form.fields?.map((question) => ({ ...question, field: id(question.field) })) },
  });
  checkFormConfig(schema, config.form);
  // Before anything is written: a sort SQL cannot order by is a 400, not a half-saved view.
  if (config.sorts?.length) requireResolvedSorts(schema, config.sorts);
  return config;
}

function mapFields(group: FilterGroup, id: (key: string) => string): FilterGroup {
  return {
    conjunction: group.conjunction,
    conditions: group.conditions.map((node: FilterNode) => (isFilterGroup(node) ? mapFields(node, id) : { ...node, field: id(node.field) })),
  };
}
