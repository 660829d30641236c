import type { Field, FieldType } from '../../core/fields/field-type.ts';
import { requireFieldType } from '../../core/fields/registry.ts';
import type { AppContext } from '../context.ts';
import { requireSafeId, type FieldRow, type TableRow } from '../db/index.ts';
import { AppError, notFound } from '../errors.ts';

/** A field with its type module at hand, the unit every record operation works with. */
export interface FieldDef extends Field {
  fieldType: FieldType<any, any>;
  /** The SQL column its value lives in: `f_<id>`, or a system column. */
  column: string;
  position: number;
}

export interface TableSchema {
  table: TableRow;
  baseId: string;
  timeZone: string;
  /** The SQL table name, `t_<tableId>`. */
  sqlTable: string;
  fields: FieldDef[];
  byId: Map<string, FieldDef>;
  byName: Map<string, FieldDef>;
}

export function sqlTableName(tableId: string): string {
  return `t_${requireSafeId(tableId)}`;
}

export function toFieldDef(row: FieldRow): FieldDef {
  const fieldType = requireFieldType(row.type);
  const options = fieldType.options.parse(JSON.parse(row.options)) as Record<string, unknown>;
  const column = fieldType.storage.kind === 'column' ? `f_${requireSafeId(row.id)}` : fieldType.storage.column;
  return {
    id: row.id,
    tableId: row.table_id,
    name: row.name,
    type: fieldType.name,
    options,
    description: row.description,
    fieldType,
    column,
    position: row.position,
  };
}

/**
 * Schemas are read on every request and change rarely, so they are cached per table and
 * dropped on every `schema` event (emitted after each committed schema change). Reads inside
 * a transaction bypass the cache: what they see may still roll back. The base's time zone is
 * read fresh each time (one indexed lookup), so base settings need no invalidation.
 */
const caches = new WeakMap<AppContext['events'], Map<string, Omit<TableSchema, 'timeZone'>>>();

function cacheOf(ctx: AppContext): Map<string, Omit<TableSchema, 'timeZone'>> {
  let cache = caches.get(ctx.events);
  if (!cache) {
    const created = new Map<string, Omit<TableSchema, 'timeZone'>>();
    ctx.events.on('schema', (event) => created.delete(event.tableId));
    caches.set(ctx.events, created);
    cache = created;
  }
  return cache;
}

/** Drops a cached schema: for changes made outside the services that emit `schema` events. */
export function forgetTableSchema(ctx: AppContext, tableId: string): void {
  cacheOf(ctx).delete(tableId);
}

/** Loads a table with its fields (in position order) and its base's time zone. */
export function loadTableSchema(ctx: AppContext, tableId: string): TableSchema {
  const cache = cacheOf(ctx);
  const cached = ctx.db.sqlite.inTransaction ? undefined : cache.get(tableId);
  if (cached) return { ...cached, timeZone: baseTimeZone(ctx, cached.baseId) };
  const table = ctx.db.prepare('SELECT * FROM tables WHERE id = ?').get(tableId) as TableRow | undefined;
  if (!table) throw notFound('table');
  const schema = schemaOf(ctx, table);
  if (!ctx.db.sqlite.inTransaction) cache.set(tableId, schema);
  return schema;
}

function baseTimeZone(ctx: AppContext, baseId: string): string {
  const row = ctx.db.prepare('SELECT time_zone FROM bases WHERE id = ?').get(baseId) as { time_zone: string } | undefined;
  return row?.time_zone ?? 'UTC';
}

export function schemaOf(ctx: AppContext, table: TableRow): TableSchema {
  const rows = ctx.db.all(
    ctx.db.kysely.selectFrom('fields').selectAll().where('table_id', '=', table.id).orderBy('position').orderBy('id'),
  );
  const fields = rows.map(toFieldDef);
  return {
    table,
    baseId: table.base_id,
    timeZone: baseTimeZone(ctx, table.base_id),
    sqlTable: sqlTableName(table.id),
    fields,
    byId: new Map(fields.map((field) => [field.id, field])),
    byName: new Map(fields.map((field) => [field.name, field])),
  };
}

/** A field by id or by exact name; the API accepts either everywhere. */
export function getField(schema: TableSchema, key: string): FieldDef | undefined {
  return schema.byId.get(key) ?? schema.byName.get(key);
}

export function requireField(schema: TableSchema, key: string): FieldDef {
  const field = getField(schema, key);
  if (!field) throw new AppError('UNKNOWN_FIELD', `unknown field ${JSON.stringify(key)}`, { field: key });
  return field;
}
