import { sql, type Expression, type SqlBool } from 'kysely';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import type { FieldDef, TableSchema } from '../tables/table-schema.ts';
import { userTableName } from '../views/index.ts';
import { searchIndexesOf, searchTableName } from './search-index.ts';
import { isSearchable } from './searchable.ts';

export const MAX_SEARCH_LENGTH = 200;
/** The trigram tokenizer indexes three characters at a time: shorter queries cannot use it. */
const MIN_INDEXED_LENGTH = 3;

/** SQLite's lower() without ICU: ASCII only, so JS and SQL fold the same way. */
export function foldAscii(text: string): string {
  return text.replace(/[A-Z]/g, (letter) => letter.toLowerCase());
}

export interface SearchPlan {
  /** The condition on `t_<tableId>` a row must meet. */
  where: Expression<SqlBool>;
  /** The fields searched (a change to one can bring a row in or take it out). */
  fieldIds: string[];
  /** Whether the FTS index answers it (false: a scan of the searched columns). */
  indexed: boolean;
  /** When the finished index answers it alone: its table and MATCH expression (rowids are the matching records). */
  match?: { table: string; expression: string };
}

/**
 * The search box's query as one SQL condition: a case-insensitive substring of any of the
 * given fields' text (the view's visible text-like fields). Three characters or more use
 * the table's trigram index once it is built; shorter queries (one or two Chinese characters
 * are common: "王") and searches while the index builds scan the columns with instr().
 */
export function searchCondition(ctx: AppContext, schema: TableSchema, fields: readonly FieldDef[], query: string): SearchPlan {
  if (query.length > MAX_SEARCH_LENGTH) throw new AppError('INVALID_REQUEST', `a search is at most ${MAX_SEARCH_LENGTH} characters`);
  const searched = fields.filter(isSearchable);
  const fieldIds = searched.map((field) => field.id);
  if (!searched.length) return { where: sql<SqlBool>`0`, fieldIds, indexed: false };
  const table = userTableName(schema.table.id);
  const index = searchIndexesOf(ctx).usable(schema, fieldIds);
  const needle = foldAscii(query);
  const parts = searched.map((field) => sql<SqlBool>`instr(lower(coalesce(${sql.ref(`${table}.${field.column}`)}, '')), ${needle}) > 0`);
  const scan = sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
  if (!index.covers || [...query].length < MIN_INDEXED_LENGTH) return { where: scan, fieldIds, indexed: false };
  const fts = searchTableName(schema.table.id);
  // An FTS5 phrase is a substring for the trigram tokenizer; quotes inside are doubled.
  const expression = `{${searched.map((field) => field.column).join(' ')}} : "${query.replaceAll('"', '""')}"`;
  const id = sql.ref(`${table}.id`);
  const matched = sql<SqlBool>`${id} IN (SELECT rowid FROM ${sql.table(fts)} WHERE ${sql.table(fts)} MATCH ${expression})`;
  if (index.ready) return { where: matched, fieldIds, indexed: true, match: { table: fts, expression } };
  // While it builds, the index is complete (and kept current) up to its cursor: only the rest is scanned.
  return { where: sql<SqlBool>`((${id} <= ${index.cursor} AND ${matched}) OR (${id} > ${index.cursor} AND ${scan}))`, fieldIds, indexed: true };
}
