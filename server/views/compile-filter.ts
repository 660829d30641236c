import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { ValueKind } from '../../core/fields/field-type.ts';
import { concreteDateRange, contextForField } from '../../core/filter/date-range.ts';
import {
  isResolvedGroup, type FilterContext, type Predicate, type ResolvedGroup, type ResolvedNode,
} from '../../core/filter/resolved.ts';
import { columnRef, safeJsonArray } from './columns.ts';

type Bool = RawBuilder<SqlBool>;
type Column = RawBuilder<unknown>;

const TRUE: Bool = sql<SqlBool>`1`;
const FALSE: Bool = sql<SqlBool>`0`;

/**
 * A resolved filter as one SQL boolean over `t_<tableId>`, with every value bound. The
 * semantics are core/filter/evaluate.ts's, rule for rule; the agreement test holds them
 * together. Positive predicates may yield NULL for an empty cell (NULL acts as false under
 * AND/OR, and keeps simple comparisons index-friendly); negations wrap them in coalesce so
 * an empty cell matches every "not" operator.
 */
export function compileFilter(tree: ResolvedGroup, tableId: string, ctx: FilterContext): Bool {
  return compileNode(tree, tableId, ctx);
}

function compileNode(node: ResolvedNode, tableId: string, ctx: FilterContext): Bool {
  if (isResolvedGroup(node)) {
    if (node.conditions.length === 0) return TRUE;
    const parts = node.conditions.map((child) => sql<SqlBool>`(${compileNode(child, tableId, ctx)})`);
    return sql<SqlBool>`${sql.join(parts, node.conjunction === 'and' ? sql` AND ` : sql` OR `)}`;
  }
  const column = columnRef(tableId, node.field, node.type);
  return compilePredicate(node.predicate, node.kind, column, contextForField(node.field, ctx));
}

function not(negate: boolean, expression: Bool): Bool {
  return negate ? sql<SqlBool>`NOT coalesce(${expression}, 0)` : expression;
}

/** isEmptyValue (core/filter/empty.ts) in SQL; never NULL. */
export function emptySql(kind: ValueKind, column: Column): Bool {
  switch (kind) {
    case 'text': case 'date': case 'select': case 'user':
      return sql<SqlBool>`(${column} IS NULL OR ${column} = '')`;
    case 'number':
      return sql<SqlBool>`(${column} IS NULL)`;
    case 'boolean':
      return sql<SqlBool>`(${column} IS NOT 1)`;
    case 'multi': case 'attachment':
      return sql<SqlBool>`(coalesce(json_array_length(${safeJsonArray(column)}), 0) = 0)`;
  }
}

const COMPARISONS = { '<': sql`<`, '<=': sql`<=`, '>': sql`>`, '>=': sql`>=` } as const;

const list = (values: readonly (string | number)[]) => sql.join(values.map((value) => sql`${value}`));

function compilePredicate(predicate: Predicate, kind: ValueKind, column: Column, ctx: FilterContext): Bool {
  switch (predicate.test) {
    case 'empty':
      return not(predicate.negate, emptySql(kind, column));
    case 'checked':
      return predicate.value ? sql<SqlBool>`(${column} IS 1)` : sql<SqlBool>`(${column} IS NOT 1)`;
    case 'textIn': {
      const { values } = predicate;
      if (values.length === 0) return not(predicate.negate, FALSE);
      // One non-empty value: a plain NOCASE comparison, which a NOCASE index can serve.
      if (values.length === 1 && values[0] !== '') return not(predicate.negate, sql<SqlBool>`${column} = ${values[0]} COLLATE NOCASE`);
      return not(predicate.negate, sql<SqlBool>`lower(coalesce(${column}, '')) IN (${list(values)})`);
    }
    case 'textContains':
      // instr, not LIKE: no wildcards to escape, so '%', '_' and '\' are plain characters.
      return not(predicate.negate, sql<SqlBool>`instr(lower(coalesce(${column}, '')), ${predicate.needle}) > 0`);
    case 'numberIn':
      if (predicate.values.length === 0) return not(predicate.negate, FALSE);
      return not(predicate.negate, sql<SqlBool>`${column} IN (${list(predicate.values)})`);
    case 'numberCompare':
      return sql<SqlBool>`${column} ${COMPARISONS[predicate.cmp]} ${predicate.value}`;
    case 'dateRange':
      return not(predicate.negate, dateRangeSql(predicate, column, ctx));
    case 'equals': {
      const values = [...predicate.values];
      if (predicate.includesMe && ctx.userId !== undefined) values.push(ctx.userId);
      if (values.length === 0) return not(predicate.negate, FALSE);
      const cell = values.includes('') ? sql`coalesce(${column}, '')` : column;
      return not(predicate.negate, sql<SqlBool>`${cell} IN (${list(values)})`);
    }
    case 'hasAny':
      if (predicate.values.length === 0) return not(predicate.negate, FALSE);
      return not(predicate.negate, sql<SqlBool>`EXISTS (SELECT 1 FROM json_each(${safeJsonArray(column)}) AS e WHERE e.value IN (${list(predicate.values)}))`);
    case 'hasAll':
      if (predicate.values.length === 0) return not(predicate.negate, TRUE);
      return not(predicate.negate, countPresent(column, predicate.values));
    case 'sameSet': {
      if (predicate.values.length === 0) return not(predicate.negate, emptySql('multi', column));
      const noOthers = sql<SqlBool>`NOT EXISTS (SELECT 1 FROM json_each(${safeJsonArray(column)}) AS e WHERE NOT coalesce(e.value IN (${list(predicate.values)}), 0))`;
      return not(predicate.negate, sql<SqlBool>`(${noOthers} AND ${countPresent(column, predicate.values)})`);
    }
    case 'filenameContains':
      return not(predicate.negate, sql<SqlBool>`EXISTS (SELECT 1 FROM json_each(${safeJsonArray(column)}) AS e WHERE instr(lower(coalesce(CASE WHEN e.type = 'object' THEN json_extract(e.value, '$.filename') END, '')), ${predicate.needle}) > 0)`);
  }
}

/** Every one of `values` (distinct, non-empty list) is an element of the array. */
function countPresent(column: Column, values: readonly string[]): Bool {
  return sql<SqlBool>`(SELECT count(DISTINCT e.value) FROM json_each(${safeJsonArray(column)}) AS e WHERE e.value IN (${list(values)})) = ${values.length}`;
}

/**
 * inDateRange (core/filter/date-range.ts) in SQL: date-only cells (length 10) compare with
 * day strings, datetime cells with the instants the days start at in the zone.
 */
function dateRangeSql(predicate: Extract<Predicate, { test: 'dateRange' }>, column: Column, ctx: FilterContext): Bool {
  const range = concreteDateRange(predicate, ctx);
  const bounds = (form: 'day' | 'instant') => [
    ...(range.from ? [sql`${column} >= ${range.from[form]}`] : []),
    ...(range.to ? [sql`${column} < ${range.to[form]}`] : []),
  ];
  const day = sql.join([sql`length(${column}) = 10`, ...bounds('day')], sql` AND `);
  const instant = sql.join([sql`length(${column}) <> 10`, ...bounds('instant')], sql` AND `);
  return sql<SqlBool>`(${column} <> '' AND ((${day}) OR (${instant})))`;
}
