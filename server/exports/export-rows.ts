import { sql, type Kysely } from 'kysely';
import type { FilterGroup } from '../../core/filter/tree.ts';
import type { Actor } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { FieldDef, TableSchema } from '../tables/index.ts';
import { compileFilter, compileOrderBy, requireResolvedFilter, requireResolvedSorts, userTableName } from '../views/index.ts';
import { requireView } from '../views/views.service.ts';
import type { ViewConfig } from '../../core/views/view-config.ts';
import { readRawPages, type ExportOrder } from './raw-pages.ts';

/** What an export writes: the view's visible fields in its order, and its rows in its order. */
export interface ExportSelection {
  schema: TableSchema;
  fields: FieldDef[];
  viewName?: string;
  /** Which records, in which order, as the readers take it (raw-pages.ts). */
  order: ExportOrder;
  /** Record ids in export order; for an export in id order, read only when asked (the export itself does not). */
  readonly ids: number[];
}

/**
 * The records of a table, or of a view (its filter, its sorts, its visible fields in its
 * field order), as a snapshot of ids in order. Reading by id pages afterwards costs the same
 * at the millionth row as at the first, unlike OFFSET paging, and never holds a cursor open
 * across the awaits of a slow download (which would block every other request).
 */
export function selectForExport(ctx: AppContext, actor: Actor, schema: TableSchema, viewId: string | undefined): ExportSelection {
  const view = viewId ? requireView(ctx, actor, viewId, 'readRecords', schema.table.id) : undefined;
  const config = view ? (JSON.parse(view.row.config) as ViewConfig) : {};
  const filter = config.filter ? requireResolvedFilter(schema, config.filter as FilterGroup) : undefined;
  const sorts = config.sorts?.length ? requireResolvedSorts(schema, config.sorts) : [];
  const fields = visibleFields(schema, config);
  const named = view ? { viewName: view.row.name } : {};
  if (!filter && !sorts.length) {
    // Every record in id order: the last id now stands for the list of ids (raw-pages.ts).
    const sqlite = ctx.db.sqlite;
    const lastId = (sqlite.prepare(`SELECT max(id) FROM "${schema.sqlTable}"`).pluck().get() as number | null) ?? 0;
    let ids: number[] | undefined;
    return {
      schema,
      fields,
      ...named,
      order: { lastId },
      get ids() {
        return (ids ??= sqlite.prepare(`SELECT id FROM "${schema.sqlTable}" WHERE id <= ? ORDER BY id`).pluck().all(lastId) as number[]);
      },
    };
  }
  const table = userTableName(schema.table.id);
  let query = (ctx.db.kysely as unknown as Kysely<any>).selectFrom(table).select(sql.ref(`${table}.id`).as('id'));
  if (filter) query = query.where(compileFilter(filter, schema.table.id, { now: new Date(), timeZone: schema.timeZone, userId: actor.userId }));
  for (const item of compileOrderBy(sorts, schema.table.id)) query = query.orderBy(item);
  const compiled = query.compile();
  // Uncached: pluck() changes the statement, and this one runs once.
  const ids = ctx.db.sqlite.prepare(compiled.sql).pluck().all(...(compiled.parameters as unknown[])) as number[];
  return { schema, fields, ...named, order: { ids }, ids };
}

function visibleFields(schema: TableSchema, config: ViewConfig): FieldDef[] {
  const hidden = new Set(config.hiddenFields ?? []);
  const order = config.fieldOrder ?? [];
  const rank = (field: FieldDef) => {
    const at = order.indexOf(field.id);
    return at < 0 ? order.length + field.position : at;
  };
  // The primary field is never hidden in a grid; it leads the export too.
  const fields = schema.fields.filter((field) => !hidden.has(field.id) || field.id === schema.table.primary_field_id);
  return fields.sort((a, b) => (a.id === schema.table.primary_field_id ? -1 : b.id === schema.table.primary_field_id ? 1 : rank(a) - rank(b)));
}

/**
 * The selected rows as SQLite holds them — `[id, ...columns of selection.fields]` — page by
 * page in the snapshot's order: what the exporters format, without a value object per cell.
 * Records deleted since the snapshot are left out. Each page is one synchronous read;
 * callers await between pages.
 */
export function* exportRawPages(ctx: AppContext, selection: ExportSelection): Generator<unknown[][]> {
  const columns = requireExportFields(selection).map((field) => field.column);
  yield* readRawPages(ctx.db.sqlite, selection.schema.sqlTable, columns, selection.order);
}

export function requireExportFields(selection: ExportSelection): FieldDef[] {
  if (!selection.fields.length) throw new AppError('INVALID_REQUEST', 'the view shows no fields to export');
  return selection.fields;
}

