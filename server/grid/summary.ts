import { sql, type Kysely } from 'kysely';
import type { SummaryData } from '../../core/views/rows-json.ts';
import { aggregatesFor, type SummaryAggregate } from '../../core/views/summary.ts';
import type { Actor } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';
import type { Database } from '../db/index.ts';
import type { FieldDef } from '../tables/table-schema.ts';
import { emptySql, userTableName } from '../views/index.ts';
import { resolveView, type ViewParams } from './view-query.ts';

export type SummaryResult = SummaryData;

const builder = (db: Database) => db.kysely as unknown as Kysely<any>;

/**
 * The summary bar of a view: every field's chosen aggregate over the view's rows (filter
 * and search) in ONE query, one pass over the rows whatever the number of columns.
 */
export function readSummary(ctx: AppContext, actor: Actor, tableId: string, params: ViewParams & { summaries?: Record<string, SummaryAggregate> }): SummaryResult {
  const view = resolveView(ctx, actor, tableId, params);
  const table = userTableName(view.schema.table.id);
  const chosen: Array<{ field: FieldDef; aggregate: SummaryAggregate }> = [];
  // The grid sends the choices it shows (a change being saved included); else the view's.
  for (const [fieldId, aggregate] of Object.entries(params.summaries ?? view.config?.summaries ?? {})) {
    const field = view.schema.byId.get(fieldId);
    if (field && aggregatesFor(field.fieldType.kind).includes(aggregate)) chosen.push({ field, aggregate });
  }
  const selections = chosen.map(({ field, aggregate }, index) => aggregateSql(table, field, aggregate).as(`a${index}`));
  const row = ctx.db.first<Record<string, number | string | null>>(
    builder(ctx.db).selectFrom(table).select([sql<number>`count(*)`.as('n'), ...selections]).where(view.where),
  );
  const records = Number(row?.n ?? 0);
  const values: SummaryResult['values'] = {};
  chosen.forEach(({ field, aggregate }, index) => {
    const value = row?.[`a${index}`] ?? null;
    values[field.id] = { aggregate, value: aggregate === 'count' ? records : value };
  });
  return { records, values };
}

function aggregateSql(table: string, field: FieldDef, aggregate: SummaryAggregate) {
  const column = sql.ref(`${table}.${field.column}`);
  const empty = emptySql(field.fieldType.kind, column);
  switch (aggregate) {
    case 'count': return sql<number>`count(*)`;
    case 'filled': return sql<number>`coalesce(sum(CASE WHEN ${empty} THEN 0 ELSE 1 END), 0)`;
    case 'empty': return sql<number>`coalesce(sum(CASE WHEN ${empty} THEN 1 ELSE 0 END), 0)`;
    case 'unique': return sql<number>`count(DISTINCT CASE WHEN ${empty} THEN NULL ELSE ${column} END)`;
    case 'sum': return sql<number>`sum(${column})`;
    case 'average': return sql<number>`avg(${column})`;
    // Dates: ISO strings order chronologically; '' is not a date.
    case 'min': return sql<number | string>`min(nullif(${column}, ''))`;
    case 'max': return sql<number | string>`max(nullif(${column}, ''))`;
  }
}
