import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { ResolvedSort } from '../../core/filter/sort.ts';
import type { Database } from '../db/index.ts';
import { compileOrderBy, SYSTEM_ROW_COLUMNS, userTableName, type RecordRow } from '../views/index.ts';
import type { FieldDef } from '../tables/table-schema.ts';

// User tables are dynamic (`t_<id>`), so the builder is untyped; names come from ids only.
const builder = (db: Database) => db.kysely as unknown as Kysely<any>;

/** Which rows a view shows: its filter, the search box and (in a group) the group's values, as one condition. */
export type RowCondition = Expression<SqlBool>;

/**
 * Every `step`-th id of the rows passing the filter, in id order, and how many pass: one
 * pass over the id b-tree (about 100 ms at 1M rows) that turns every later block read of an
 * unsorted view into a seek instead of an OFFSET walk.
 */
export function scanAnchors(db: Database, tableId: string, where: RowCondition, step: number): { anchors: number[]; total: number; maxId: number } {
  const table = userTableName(tableId);
  const compiled = builder(db)
    .selectFrom(table)
    .select(sql.ref(`${table}.id`).as('id'))
    .where(where)
    .orderBy(sql.ref(`${table}.id`))
    .compile();
  // A statement of its own: pluck() is sticky, and db.prepare's cache is shared.
  const statement = db.sqlite.prepare(compiled.sql).pluck();
  const parameters = compiled.parameters.map((value) => (typeof value === 'boolean' ? Number(value) : value));
  const anchors: number[] = [];
  let total = 0;
  let maxId = 0;
  for (const id of statement.iterate(...parameters) as IterableIterator<number>) {
    if (total % step === 0) anchors.push(id);
    total += 1;
    maxId = id;
  }
  return { anchors, total, maxId };
}

/** `limit` rows in id order from the `skip`-th row at or after `fromId` (a short walk). */
export function findRowsFrom(
  db: Database,
  query: { tableId: string; fields: readonly FieldDef[]; where: RowCondition; fromId: number; skip: number; limit: number },
): RecordRow[] {
  const table = userTableName(query.tableId);
  const columns = [...SYSTEM_ROW_COLUMNS, ...query.fields.filter((f) => f.fieldType.storage.kind === 'column').map((f) => f.column)];
  return db.all<RecordRow>(
    builder(db)
      .selectFrom(table)
      .select(columns.map((column) => sql.ref(`${table}.${column}`).as(column)))
      .where(query.where)
      .where(sql.ref(`${table}.id`), '>=', query.fromId)
      .orderBy(sql.ref(`${table}.id`))
      .limit(query.limit)
      .offset(query.skip),
  );
}

/**
 * How many rows passing the filter lie in [fromId, recordId); undefined when the record
 * itself does not pass (it is not in the view).
 */
export function countRowsBetween(db: Database, tableId: string, where: RowCondition, fromId: number, recordId: number): number | undefined {
  const table = userTableName(tableId);
  const id = sql.ref(`${table}.id`);
  const present = db.first(builder(db).selectFrom(table).select(id.as('id')).where(where).where(id, '=', recordId));
  if (!present) return undefined;
  const row = db.first<{ count: number }>(
    builder(db).selectFrom(table).select(sql<number>`count(*)`.as('count')).where(where).where(id, '>=', fromId).where(id, '<', recordId),
  );
  return row?.count ?? 0;
}

/**
 * A sorted view's block in two steps: the ids by position (the ORDER BY reads only the sort
 * keys and ids, which the field's index covers), then those rows' columns. One query would
 * make SQLite's sorter carry every column of every row before the offset: 5 s for an offset
 * of 900,000 at 1M rows instead of a fraction of a second.
 */
export function findSortedRows(
  db: Database,
  query: { tableId: string; fields: readonly FieldDef[]; where: RowCondition; sorts: readonly ResolvedSort[]; offset: number; limit: number },
): RecordRow[] {
  const table = userTableName(query.tableId);
  const id = sql.ref(`${table}.id`);
  let select = builder(db).selectFrom(table).select(id.as('id')).where(query.where);
  for (const item of compileOrderBy(query.sorts, query.tableId)) select = select.orderBy(item);
  const ids = db.all<{ id: number }>(select.limit(query.limit).offset(query.offset)).map((row) => row.id);
  return findRowsByIds(db, query.tableId, query.fields, ids);
}

/** These rows' columns, in the order of `ids` (ids that are gone are left out). */
export function findRowsByIds(db: Database, tableId: string, fields: readonly FieldDef[], ids: readonly number[]): RecordRow[] {
  if (!ids.length) return [];
  const table = userTableName(tableId);
  const columns = [...SYSTEM_ROW_COLUMNS, ...fields.filter((f) => f.fieldType.storage.kind === 'column').map((f) => f.column)];
  const rows = db.all<RecordRow>(
    builder(db).selectFrom(table).select(columns.map((column) => sql.ref(`${table}.${column}`).as(column))).where(sql.ref(`${table}.id`), 'in', [...ids]),
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((rowId) => byId.get(rowId) ?? []);
}

/** A search the finished FTS index answers alone: its rowids are exactly the matching records. */
export interface IndexMatch {
  table: string;
  expression: string;
}

/**
 * scanAnchors for an unfiltered view narrowed by an indexed search, read from the index
 * alone: FTS5 yields matching rowids in order, without touching the records' table.
 */
export function scanMatchAnchors(db: Database, match: IndexMatch, step: number): { anchors: number[]; total: number; maxId: number } {
  const statement = db.sqlite.prepare(`SELECT rowid FROM ${match.table} WHERE ${match.table} MATCH ? ORDER BY rowid`).pluck();
  const anchors: number[] = [];
  let total = 0;
  let maxId = 0;
  for (const id of statement.iterate(match.expression) as IterableIterator<number>) {
    if (total % step === 0) anchors.push(id);
    total += 1;
    maxId = id;
  }
  return { anchors, total, maxId };
}

/** findRowsFrom's ids for an indexed search: the index seeks to `fromId` itself. */
export function findMatchIdsFrom(db: Database, match: IndexMatch, fromId: number, skip: number, limit: number): number[] {
  return db.prepare(`SELECT rowid FROM ${match.table} WHERE ${match.table} MATCH ? AND rowid >= ? ORDER BY rowid LIMIT ? OFFSET ?`)
    .pluck().all(match.expression, fromId, limit, skip) as number[];
}
