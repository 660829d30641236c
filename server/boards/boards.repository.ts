import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { FilterContext, ResolvedGroup } from '../../core/filter/resolved.ts';
import type { ResolvedSort } from '../../core/filter/sort.ts';
import type { Database } from '../db/index.ts';
import type { RawRow } from '../records/index.ts';
import type { FieldDef } from '../tables/table-schema.ts';
import { compileFilter, compileOrderBy, SYSTEM_ROW_COLUMNS, userTableName } from '../views/index.ts';

// User tables are dynamic (`t_<id>`) and view_record_order is ours alone, so the builder is
// untyped; table and column names come from checked ids only, values are bound.
const builder = (db: Database) => db.kysely as unknown as Kysely<any>;

/** What narrows a board's rows: the view's filter, and for one stack or one date range more. */
export interface BoardScope {
  tableId: string;
  filter?: ResolvedGroup;
  filterCtx: FilterContext;
  extra?: RawBuilder<SqlBool>;
}

function whereOf(scope: BoardScope): Expression<SqlBool> {
  const parts: Array<RawBuilder<SqlBool>> = [];
  if (scope.filter) parts.push(sql<SqlBool>`(${compileFilter(scope.filter, scope.tableId, scope.filterCtx)})`);
  if (scope.extra) parts.push(sql<SqlBool>`(${scope.extra})`);
  return parts.length ? sql<SqlBool>`${sql.join(parts, sql` AND `)}` : sql<SqlBool>`1`;
}

const column = (tableId: string, field: FieldDef) => sql.ref(`${userTableName(tableId)}.${field.column}`);

/** A stack field's value with '' read as empty, as the write path never stores but old rows may hold. */
export function stackValueSql(tableId: string, field: FieldDef): RawBuilder<string | null> {
  return sql<string | null>`nullif(${column(tableId, field)}, '')`;
}

/** Rows of one stack: its value, or empty (NULL or ''). */
export function inStackSql(tableId: string, field: FieldDef, value: string | null): RawBuilder<SqlBool> {
  const col = column(tableId, field);
  return value === null ? sql<SqlBool>`(${col} IS NULL OR ${col} = '')` : sql<SqlBool>`${col} = ${value}`;
}

export interface StackGroup {
  value: string | null;
  count: number;
  sum: number | null;
}

/** Every stack's count and sum in one GROUP BY over the rows that pass the view's filter. */
export function groupStacks(db: Database, scope: BoardScope, stackField: FieldDef, sumField: FieldDef | undefined): StackGroup[] {
  const table = userTableName(scope.tableId);
  const value = stackValueSql(scope.tableId, stackField);
  const sum = sumField ? sql<number | null>`sum(${column(scope.tableId, sumField)})` : sql<null>`NULL`;
  return db.all<StackGroup>(
    builder(db)
      .selectFrom(table)
      .select([value.as('value'), sql<number>`count(*)`.as('count'), sum.as('sum')])
      .where(whereOf(scope))
      .groupBy(value),
  );
}

export function countRows(db: Database, scope: BoardScope): number {
  const table = userTableName(scope.tableId);
  return db.first<{ count: number }>(builder(db).selectFrom(table).select(sql<number>`count(*)`.as('count')).where(whereOf(scope)))?.count ?? 0;
}

/**
 * A page of rows in the board's order: the view's sorts when it has any, else the view's
 * manual order (ranked cards first, by rank), then record id.
 */
export function findBoardRows(
  db: Database,
  scope: BoardScope,
  query: { fields: readonly FieldDef[]; viewId: string; sorts: readonly ResolvedSort[]; orderFirst?: RawBuilder<unknown>; offset: number; limit: number },
): RawRow[] {
  const table = userTableName(scope.tableId);
  const columns = [...SYSTEM_ROW_COLUMNS, ...query.fields.map((field) => field.column)];
  let select = builder(db)
    .selectFrom(table)
    .select([...new Set(columns)].map((name) => sql.ref(`${table}.${name}`).as(name)))
    .where(whereOf(scope));
  if (query.orderFirst) select = select.orderBy(query.orderFirst);
  if (query.sorts.length) {
    for (const item of compileOrderBy(query.sorts, scope.tableId)) select = select.orderBy(item);
  } else {
    select = select
      .leftJoin('view_record_order as o', (join) => join.onRef('o.record_id', '=', `${table}.id`).on('o.view_id', '=', query.viewId))
      .orderBy(sql`o.rank IS NULL`)
      .orderBy(sql`o.rank`)
      .orderBy(sql.ref(`${table}.id`));
  }
  return db.all<RawRow>(select.limit(query.limit).offset(query.offset));
}

/** The ids of a stack's cards in manual order up to and including `throughId` that have no rank yet. */
export function findUnrankedThrough(db: Database, scope: BoardScope, viewId: string, throughId: number): number[] {
  const table = userTableName(scope.tableId);
  return db.all<{ id: number }>(
    builder(db)
      .selectFrom(table)
      .leftJoin('view_record_order as o', (join) => join.onRef('o.record_id', '=', `${table}.id`).on('o.view_id', '=', viewId))
      .select(sql.ref(`${table}.id`).as('id'))
      .where(whereOf(scope))
      .where(sql`o.rank`, 'is', null)
      .where(sql.ref(`${table}.id`), '<=', throughId)
      .orderBy(sql.ref(`${table}.id`)),
  ).map((row) => row.id);
}

export function findRank(db: Database, viewId: string, recordId: number): string | undefined {
  return db.first<{ rank: string }>(
    builder(db).selectFrom('view_record_order').select('rank').where('view_id', '=', viewId).where('record_id', '=', recordId),
  )?.rank;
}

/** The highest rank among a scope's rows (a stack of the view), if any is ranked. */
export function findMaxRank(db: Database, scope: BoardScope, viewId: string): string | undefined {
  const table = userTableName(scope.tableId);
  return db.first<{ rank: string | null }>(
    builder(db)
      .selectFrom(table)
      .innerJoin('view_record_order as o', (join) => join.onRef('o.record_id', '=', `${table}.id`).on('o.view_id', '=', viewId))
      .select(sql<string | null>`max(o.rank)`.as('rank'))
      .where(whereOf(scope)),
  )?.rank ?? undefined;
}

export function upsertRanks(db: Database, viewId: string, ranks: ReadonlyArray<{ recordId: number; rank: string }>): void {
  for (let start = 0; start < ranks.length; start += 300) {
    const chunk = ranks.slice(start, start + 300);
    db.run(
      builder(db)
        .insertInto('view_record_order')
        .values(chunk.map(({ recordId, rank }) => ({ view_id: viewId, record_id: recordId, rank })))
        .onConflict((oc) => oc.columns(['view_id', 'record_id']).doUpdateSet({ rank: sql.ref('excluded.rank') })),
    );
  }
}

/** The lowest rank among a scope's rows above `above` (or the lowest at all). */
export function findMinRankAbove(db: Database, scope: BoardScope, viewId: string, above: string | null): string | undefined {
  const table = userTableName(scope.tableId);
  let select = builder(db)
    .selectFrom(table)
    .innerJoin('view_record_order as o', (join) => join.onRef('o.record_id', '=', `${table}.id`).on('o.view_id', '=', viewId))
    .select(sql<string | null>`min(o.rank)`.as('rank'))
    .where(whereOf(scope));
  if (above !== null) select = select.where('o.rank', '>', above);
  return db.first<{ rank: string | null }>(select)?.rank ?? undefined;
}
