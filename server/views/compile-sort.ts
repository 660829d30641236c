import { sql, type RawBuilder } from 'kysely';
import { choiceNames, NULL_ONLY_EMPTY, type ResolvedSort } from '../../core/filter/sort.ts';
import { emptySql } from './compile-filter.ts';
import { columnRef, safeJsonArray, userTableName } from './columns.ts';

type Column = RawBuilder<unknown>;

/**
 * ORDER BY items for a sort list, in the order core/filter/sort.ts's comparator defines:
 * per sort either plain column keys with NULLS LAST (text, number, date, user: index-served),
 * or an "is empty" flag ascending then the sort keys; finally the record id ascending.
 */
export function compileOrderBy(sorts: readonly ResolvedSort[], tableId: string): RawBuilder<unknown>[] {
  const items: RawBuilder<unknown>[] = [];
  for (const sort of sorts) {
    const column = columnRef(tableId, sort.field, sort.type);
    const direction = sort.direction === 'desc' ? sql`DESC` : sql`ASC`;
    if (NULL_ONLY_EMPTY.has(sort.kind)) {
      // Plain column keys with NULLS LAST: an index on the column serves them.
      for (const key of indexableKeys(sort, column)) items.push(sql`${key} ${direction} NULLS LAST`);
      continue;
    }
    if (sort.kind !== 'boolean') items.push(sql`${emptySql(sort.kind, column)} ASC`);
    for (const key of sortKeys(sort, column)) items.push(sql`${key} ${direction}`);
  }
  items.push(sql`${sql.ref(`${userTableName(tableId)}.id`)} ASC`);
  return items;
}

/** Text ignores ASCII case (served by the `_nocase` index); ties fall to the record id. */
function indexableKeys(sort: ResolvedSort, column: Column): RawBuilder<unknown>[] {
  return sort.kind === 'text' ? [sql`${column} COLLATE NOCASE`] : [column];
}

function sortKeys(sort: ResolvedSort, column: Column): RawBuilder<unknown>[] {
  // Empty cells have several raw forms (NULL, '', '[]'); as keys they must tie, as in JS.
  const value = sql`nullif(${column}, '')`;
  switch (sort.kind) {
    case 'text': return [sql`${value} COLLATE NOCASE`];
    case 'date': case 'user': return [value];
    case 'number': return [column];
    case 'boolean': return [sql`(${column} IS 1)`];
    case 'select': return [...choiceRank(sort, column), value];
    // Ranked by the first element's choice, then the JSON text (what toStorage wrote).
    case 'multi': return [...choiceRank(sort, sql`json_extract(${safeJsonArray(column)}, '$[0]')`), sql`nullif(${value}, '[]')`];
    case 'attachment': return [sql`json_array_length(${safeJsonArray(column)})`];
  }
}

/** Position among the field's choices, values that are not a choice after them all. */
function choiceRank(sort: ResolvedSort, value: RawBuilder<unknown>): RawBuilder<unknown>[] {
  const names = choiceNames(sort.field);
  if (names.length === 0) return [];
  const whens = names.map((name, index) => sql`WHEN ${name} THEN ${index}`);
  return [sql`(CASE ${value} ${sql.join(whens, sql` `)} ELSE ${names.length} END)`];
}
