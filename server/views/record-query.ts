import { sql, type Kysely, type SqlBool, type Expression } from 'kysely';
import type { Field, FieldType } from '../../core/fields/field-type.ts';
import { requireFieldType } from '../../core/fields/registry.ts';
import type { FilterContext, ResolvedGroup } from '../../core/filter/resolved.ts';
import type { ResolvedSort } from '../../core/filter/sort.ts';
import type { Database } from '../db/index.ts';
import { AppError } from '../errors.ts';
import type { RawRow } from '../records/record-rows.ts';
import { compileFilter } from './compile-filter.ts';
import { compileOrderBy } from './compile-sort.ts';
import { fieldColumnName, userTableName } from './columns.ts';

/** The row columns every record has; field columns `f_<id>` come on top. */
export const SYSTEM_ROW_COLUMNS = ['id', 'version', 'created_at', 'updated_at', 'created_by', 'updated_by'] as const;

/** A row as SQLite returns it: system columns plus the selected `f_<fieldId>` columns, raw. */
export type RecordRow = RawRow;

export interface RecordQuery {
  tableId: string;
  /** The table's fields (filter and sorts refer to them). */
  fields: readonly Field[];
  filter?: ResolvedGroup;
  sorts?: readonly ResolvedSort[];
  /** Fields whose columns to return; all stored fields when omitted. */
  fieldIds?: readonly string[];
  limit: number;
  offset: number;
}

export interface RecordPage {
  rows: RecordRow[];
  /** Where the next page starts, when there is one. */
  nextOffset?: number;
}

export const MAX_PAGE_SIZE = 10_000;

// User tables are dynamic (`t_<id>`), so the builder is untyped; names come from ids only.
const builder = (db: Database) => db.kysely as unknown as Kysely<any>;

/**
 * One page of a table's records, filtered and sorted. Reads one row more than asked to
 * learn whether a next page exists without a count. Two steps: the page's ids (the filter
 * and ORDER BY read only the columns they name, which a view's index covers, and the
 * sorter carries ids rather than whole rows past the offset), then those rows' columns.
 */
export function queryRecords(db: Database, query: RecordQuery, ctx: FilterContext): RecordPage {
  const { tableId, limit, offset } = query;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new AppError('INVALID_REQUEST', `page size must be a whole number from 1 to ${MAX_PAGE_SIZE}, got ${limit}`);
  }
  if (!Number.isSafeInteger(offset) || offset < 0) throw new AppError('INVALID_REQUEST', `offset must be a whole number ≥ 0, got ${offset}`);
  const table = userTableName(tableId);
  const id = sql.ref(`${table}.id`);
  const ids = db.all<{ id: number }>(pageIdsQuery(db, { ...query, limit: limit + 1 }, ctx)).map((row) => row.id);
  const more = ids.length > limit;
  if (more) ids.pop();
  const rows = ids.length ? db.all<RecordRow>(
    builder(db)
      .selectFrom(table)
      .select([...SYSTEM_ROW_COLUMNS, ...selectedColumns(query)].map((column) => sql.ref(`${table}.${column}`).as(column)))
      .where(id, 'in', ids),
  ) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const page = ids.flatMap((rowId) => byId.get(rowId) ?? []);
  return more ? { rows: page, nextOffset: offset + limit } : { rows: page };
}

/** The first step of queryRecords: the page's ids in order. */
function pageIdsQuery(db: Database, query: Omit<RecordQuery, 'fields'>, ctx: FilterContext) {
  const table = userTableName(query.tableId);
  let select = builder(db).selectFrom(table).select(sql.ref(`${table}.id`).as('id')).where(whereOf(query.filter, query.tableId, ctx));
  for (const item of compileOrderBy(query.sorts ?? [], query.tableId)) select = select.orderBy(item);
  return select.limit(query.limit).offset(query.offset);
}

/**
 * SQLite's plan for a page's id query (EXPLAIN QUERY PLAN details, one per step): what the
 * index tests check, and what to look at when a view is slow ("USE TEMP B-TREE FOR ORDER
 * BY" means the sort step an index should have saved).
 */
export function explainRecordQuery(db: Database, query: Omit<RecordQuery, 'fields'>, ctx: FilterContext): string[] {
  const compiled = pageIdsQuery(db, query, ctx).compile();
  const parameters = compiled.parameters.map((value) => (typeof value === 'boolean' ? Number(value) : value));
  return (db.sqlite.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...parameters) as { detail: string }[]).map((row) => row.detail);
}

/** How many records pass the filter. */
export function countRecords(db: Database, query: { tableId: string; filter?: ResolvedGroup }, ctx: FilterContext): number {
  const table = userTableName(query.tableId);
  const row = db.first<{ count: number }>(
    builder(db).selectFrom(table).select(sql<number>`count(*)`.as('count')).where(whereOf(query.filter, query.tableId, ctx)),
  );
  return row?.count ?? 0;
}

function whereOf(filter: ResolvedGroup | undefined, tableId: string, ctx: FilterContext): Expression<SqlBool> {
  return filter ? compileFilter(filter, tableId, ctx) : sql<SqlBool>`1`;
}

function selectedColumns(query: RecordQuery): string[] {
  const wanted = query.fieldIds ? new Set(query.fieldIds) : undefined;
  const columns: string[] = [];
  for (const field of query.fields) {
    if (wanted && !wanted.has(field.id)) continue;
    const type = requireFieldType(field.type) as FieldType;
    if (type.storage.kind === 'column') columns.push(fieldColumnName(field, type));
  }
  return columns;
}
