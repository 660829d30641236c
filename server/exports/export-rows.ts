import { sql, type Kysely } from 'kysely';
import type { FilterGroup } from '../../core/filter/tree.ts';
import type { Actor } from '../auth/actor.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { FieldDef, TableSchema } from '../tables/index.ts';
import { compileFilter, compileOrderBy, requireResolvedFilter, requireResolvedSorts, userTableName } from '../views/index.ts';
import { requireView } from '../views/views.service.ts';
import type { ViewConfig } from '../../core/views/view-config.ts';

/** Rows per read: one prepared statement of this many ids, reused for the whole export. */
const PAGE = 1000;

/** What an export writes: the view's visible fields in its order, and its rows in its order. */
export interface ExportSelection {
  schema: TableSchema;
  fields: FieldDef[];
  viewName?: string;
  /** Record ids in export order, taken once at the start (8 bytes a record). */
  ids: number[];
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
  const table = userTableName(schema.table.id);
  let query = (ctx.db.kysely as unknown as Kysely<any>).selectFrom(table).select(sql.ref(`${table}.id`).as('id'));
  if (filter) query = query.where(compileFilter(filter, schema.table.id, { now: new Date(), timeZone: schema.timeZone, userId: actor.userId }));
  for (const item of compileOrderBy(sorts, schema.table.id)) query = query.orderBy(item);
  const compiled = query.compile();
  // Uncached: pluck() changes the statement, and this one runs once.
  const ids = ctx.db.sqlite.prepare(compiled.sql).pluck().all(...(compiled.parameters as unknown[])) as number[];
  return { schema, fields: visibleFields(schema, config), ids, ...(view ? { viewName: view.row.name } : {}) };
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
 * A run of ascending ids (a whole table, or a view sorted by nothing) is read as one id
 * range, which SQLite walks in primary-key order; other pages go by `id IN (…)`.
 */
export function* exportRawPages(ctx: AppContext, selection: ExportSelection): Generator<unknown[][]> {
  const { schema, fields, ids } = selection;
  const columns = fields.map((field) => `"${field.column}"`).join(', ');
  if (!columns) throw new AppError('INVALID_REQUEST', 'the view shows no fields to export');
  const select = `SELECT id, ${columns} FROM "${schema.sqlTable}"`;
  const byList = (size: number) => ctx.db.sqlite.prepare(`${select} WHERE id IN (${new Array(size).fill('?').join(', ')})`).raw(true);
  const full = byList(PAGE);
  const byRange = ctx.db.sqlite.prepare(`${select} WHERE id BETWEEN ? AND ? ORDER BY id`).raw(true);
  for (let start = 0; start < ids.length; start += PAGE) {
    const pageIds = ids.slice(start, start + PAGE);
    const first = pageIds[0]!;
    const last = pageIds[pageIds.length - 1]!;
    if (ascending(pageIds) && last - first < 2 * pageIds.length) {
      yield inRange(byRange.all(first, last) as unknown[][], pageIds);
      continue;
    }
    const statement = pageIds.length === PAGE ? full : byList(pageIds.length);
    const byId = new Map((statement.all(...pageIds) as unknown[][]).map((row) => [row[0] as number, row]));
    const page: unknown[][] = [];
    for (const id of pageIds) {
      const row = byId.get(id);
      if (row) page.push(row);
    }
    yield page;
  }
}

function ascending(ids: readonly number[]): boolean {
  for (let i = 1; i < ids.length; i++) if (ids[i]! <= ids[i - 1]!) return false;
  return true;
}

/** Rows of an id range (ascending) that are also in `ids` (ascending): a merge, no map. */
function inRange(rows: unknown[][], ids: readonly number[]): unknown[][] {
  if (ids[ids.length - 1]! - ids[0]! + 1 === ids.length) return rows; // the page is the whole range
  const page: unknown[][] = [];
  let at = 0;
  for (const row of rows) {
    const id = row[0] as number;
    while (at < ids.length && ids[at]! < id) at++;
    if (at < ids.length && ids[at] === id) page.push(row);
  }
  return page;
}
