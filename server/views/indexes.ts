import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { ValueKind } from '../../core/fields/field-type.ts';
import type { ResolvedCondition, ResolvedGroup, ResolvedNode } from '../../core/filter/resolved.ts';
import { isResolvedGroup } from '../../core/filter/resolved.ts';
import { NULL_ONLY_EMPTY, type ResolvedSort } from '../../core/filter/sort.ts';
import { requireSafeId, type Database } from '../db/index.ts';
import { userTableName } from './columns.ts';

/**
 * Field indexes are named `ix_<tableId>_<fieldId>` (`…_nocase` for text, whose filters
 * and sorts compare COLLATE NOCASE). Ids are alphanumeric, so the name parses back
 * unambiguously and dropFieldIndexes finds every index of a field by name.
 */
export function fieldIndexName(tableId: string, fieldId: string, nocase = false): string {
  return `ix_${requireSafeId(tableId)}_${requireSafeId(fieldId)}${nocase ? '_nocase' : ''}`;
}

export interface EnsureIndexOptions {
  /** Index the column COLLATE NOCASE (text kinds). */
  nocase?: boolean;
}

/** Creates the field's index unless it exists; cheap to call on every view save. */
export function ensureFieldIndex(db: Database, tableId: string, fieldId: string, options: EnsureIndexOptions = {}): void {
  ensureIndex(db, tableId, { columns: [{ column: `f_${requireSafeId(fieldId)}`, nocase: options.nocase ?? false, desc: false }] });
}

/** Drops every single-field index of the field (composite ones go with the column: data-table.repository). */
export function dropFieldIndexes(db: Database, tableId: string, fieldId: string): string[] {
  const prefix = fieldIndexName(tableId, fieldId);
  const dropped = listTableIndexes(db, tableId)
    .map((index) => index.name)
    .filter((name) => name === prefix || name.startsWith(`${prefix}_`));
  for (const name of dropped) db.run(db.kysely.schema.dropIndex(name).ifExists());
  return dropped;
}

export interface TableIndex {
  name: string;
  /** Indexed columns in order (an expression part reads as null). */
  columns: (string | null)[];
  unique: boolean;
  /** 'c' made by CREATE INDEX, 'u' by a UNIQUE constraint, 'pk' by the primary key. */
  origin: string;
}

export function listTableIndexes(db: Database, tableId: string): TableIndex[] {
  const table = userTableName(tableId);
  const indexes = db.prepare('SELECT name, "unique", origin FROM pragma_index_list(?) ORDER BY name').all(table) as
    { name: string; unique: number; origin: string }[];
  const columns = db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno');
  return indexes.map((index) => ({
    name: index.name,
    columns: (columns.all(index.name) as { name: string | null }[]).map((column) => column.name),
    unique: index.unique === 1,
    origin: index.origin,
  }));
}

/** One key column of an index: a field column `f_<id>` or the record `id`. */
export interface IndexColumn {
  column: string;
  /** COLLATE NOCASE, as text filters and sorts compare. */
  nocase: boolean;
  /** Descending, so a descending sort reads it forwards with ids still ascending. */
  desc: boolean;
}

/** An index the views want on a table, by its key columns. */
export interface IndexSpec {
  columns: IndexColumn[];
}

/** `f_a NOCASE, f_b DESC, id`: a spec as text, for names, logs and tests. */
export function describeIndex(spec: IndexSpec): string {
  return spec.columns.map((c) => `${c.column}${c.nocase ? ' NOCASE' : ''}${c.desc ? ' DESC' : ''}`).join(', ');
}

const SINGLE_FIELD_COLUMN = /^f_([A-Za-z0-9]+)$/;

/**
 * A one-column ascending index keeps the field-index name (`ix_<table>_<field>[_nocase]`),
 * so group-field indexes and view indexes on the same column are one index. Any other is
 * `ixq_<table>_<hash of its definition>`: a changed definition is a different name, which
 * is how syncTableIndexes notices it must be rebuilt.
 */
export function indexName(tableId: string, spec: IndexSpec): string {
  const [first] = spec.columns;
  const field = first && spec.columns.length === 1 && !first.desc ? SINGLE_FIELD_COLUMN.exec(first.column) : null;
  if (field) return fieldIndexName(tableId, field[1]!, first!.nocase);
  const hash = createHash('sha1').update(describeIndex(spec)).digest('hex').slice(0, 12);
  return `ixq_${requireSafeId(tableId)}_${hash}`;
}

/** Whether an index name is one the views capability manages on this table. */
export function isManagedIndex(tableId: string, name: string): boolean {
  const id = requireSafeId(tableId);
  return name.startsWith(`ix_${id}_`) || name.startsWith(`ixq_${id}_`);
}

/** Creates the index unless it exists; returns its name and whether it was built now. */
export function ensureIndex(db: Database, tableId: string, spec: IndexSpec): { name: string; created: boolean } {
  const name = indexName(tableId, spec);
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(name) !== undefined;
  if (exists) return { name, created: false };
  const parts = spec.columns.map((c) => {
    if (c.column !== 'id' && !SINGLE_FIELD_COLUMN.test(c.column)) throw new Error(`not an indexable column: ${JSON.stringify(c.column)}`);
    return sql`${sql.ref(c.column)}${c.nocase ? sql` COLLATE NOCASE` : sql``}${c.desc ? sql` DESC` : sql``}`;
  });
  db.run(db.kysely.schema.createIndex(name).ifNotExists().on(userTableName(tableId)).expression(sql.join(parts)));
  return { name, created: true };
}

/**
 * Makes the table's managed indexes exactly `wanted`: builds the missing ones (and gives
 * the planner their statistics), drops the ones no view needs any more. Indexes others
 * made by hand, or under other names, are left alone.
 */
export function syncTableIndexes(db: Database, tableId: string, wanted: readonly IndexSpec[]): { created: string[]; dropped: string[] } {
  const specs = new Map(wanted.map((spec) => [indexName(tableId, spec), spec]));
  const dropped = listTableIndexes(db, tableId)
    .filter((index) => index.origin === 'c' && isManagedIndex(tableId, index.name) && !specs.has(index.name))
    .map((index) => index.name);
  for (const name of dropped) db.run(db.kysely.schema.dropIndex(name).ifExists());
  const created = [...specs.values()].map((spec) => ensureIndex(db, tableId, spec)).filter((r) => r.created).map((r) => r.name);
  if (created.length) analyzeIndexes(db, created);
  return { created, dropped };
}

/**
 * sqlite_stat1 rows for new indexes: with them the planner knows that "city = ?" still
 * leaves tens of thousands of rows, and prefers the index that also yields the sort order.
 * A full ANALYZE of one index reads only that index: 0.2 s at 1M rows, against 3 s to
 * build it (sampling with analysis_limit saves 0.15 s but guessed 1,001 rows per city, not 66,667).
 */
function analyzeIndexes(db: Database, names: readonly string[]): void {
  for (const name of names) db.sqlite.exec(`ANALYZE "${name.replaceAll('"', '""')}"`);
}

/**
 * Kinds whose filters can pick out few rows, indexed on their own when a view has neither
 * an equality condition nor an indexable sort. A select, checkbox or user filter matches a
 * large share of a table; a one-field index on it only tempts SQLite's planner into reading
 * that share and sorting it (measured at 1M rows: 120 ms vs 0.2 ms for the sort index).
 */
const SELECTIVE_KINDS: ReadonlySet<ValueKind> = new Set(['text', 'number', 'date']);

/** Filter kinds whose columns are small enough to carry in an index so counts never touch the table. */
const COVERING_KINDS: ReadonlySet<ValueKind> = new Set(['number', 'date', 'boolean', 'select', 'user']);

const MAX_EQUALITY_COLUMNS = 3;
const MAX_SORT_COLUMNS = 3;
const MAX_COVERING_COLUMNS = 4;

/**
 * The indexes a view's filter and sorts need (decision 0055). A view with equality
 * conditions in its top-level AND, or with sorts on plain columns, gets one composite:
 *
 *   (equality columns…, sort columns…, id, other filter columns…)
 *
 * SQLite seeks the equality values, reads rows already in the view's order (NULLS LAST and
 * the id tie-break included, so no sort step), and checks the remaining conditions inside
 * the index; counting the view reads only the index. Without either, each selective filter
 * field gets its own index, as before.
 */
export function indexesForQuery(filter: ResolvedGroup | undefined, sorts: readonly ResolvedSort[] = []): IndexSpec[] {
  const columnOf = (node: { field: { id: string }; type: { storage: { kind: string } } }) =>
    node.type.storage.kind === 'column' ? `f_${node.field.id}` : undefined;
  const equality: IndexColumn[] = [];
  for (const condition of filter ? conjuncts(filter) : []) {
    const column = columnOf(condition);
    const match = column && equalityMatch(condition);
    if (!column || !match || equality.some((c) => c.column === column)) continue;
    equality.push({ column, nocase: match === 'nocase', desc: false });
  }
  // Listed by column, so views asking the same in another order share one index.
  equality.sort((a, b) => a.column.localeCompare(b.column));
  equality.splice(MAX_EQUALITY_COLUMNS);

  const ordered: IndexColumn[] = [];
  for (const sort of sorts) {
    const column = columnOf(sort);
    // compile-sort.ts orders these kinds by the bare column; the others by expressions.
    if (!column || !NULL_ONLY_EMPTY.has(sort.kind) || ordered.length === MAX_SORT_COLUMNS) break;
    // `ASC NULLS LAST` is served from an index only as the first sort key (SQLite reads
    // the non-NULL range, then the NULLs); a later one makes it sort within ties anyway.
    if (ordered.length && sort.direction === 'asc') break;
    if (equality.some((c) => c.column === column) || ordered.some((c) => c.column === column)) continue;
    ordered.push({ column, nocase: sort.kind === 'text', desc: sort.direction === 'desc' });
  }

  const filterConditions = filter ? conditionsOf(filter) : [];
  if (!equality.length && !ordered.length) {
    const single = new Map<string, boolean>();
    for (const condition of filterConditions) {
      const column = columnOf(condition);
      if (column && SELECTIVE_KINDS.has(condition.kind)) single.set(column, condition.kind === 'text');
    }
    return [...single].map(([column, nocase]) => ({ columns: [{ column, nocase, desc: false }] }));
  }

  const keyed = new Set([...equality, ...ordered].map((c) => c.column));
  const covering = [...new Set(filterConditions.filter((c) => COVERING_KINDS.has(c.kind)).map(columnOf))]
    .filter((column): column is string => column !== undefined && !keyed.has(column))
    .sort()
    .slice(0, MAX_COVERING_COLUMNS)
    .map((column) => ({ column, nocase: false, desc: false }));
  // The rowid follows every key implicitly; it is named only when columns come after it.
  const id: IndexColumn[] = covering.length ? [{ column: 'id', nocase: false, desc: false }] : [];
  return [{ columns: [...equality, ...ordered, ...id, ...covering] }];
}

/**
 * How compile-filter.ts writes a condition when it is an equality an index can seek:
 * `col = ? COLLATE NOCASE` (one text value), `col IN (?)` (one number, choice or user),
 * `col IS 1` (checked). Undefined for anything else.
 */
function equalityMatch(condition: ResolvedCondition): 'nocase' | 'binary' | undefined {
  const { predicate } = condition;
  switch (predicate.test) {
    case 'textIn':
      return !predicate.negate && predicate.values.length === 1 && predicate.values[0] !== '' ? 'nocase' : undefined;
    case 'numberIn':
      return !predicate.negate && predicate.values.length === 1 ? 'binary' : undefined;
    case 'equals': {
      const count = predicate.values.length + (predicate.includesMe ? 1 : 0);
      return !predicate.negate && count === 1 && !predicate.values.includes('') ? 'binary' : undefined;
    }
    case 'checked':
      return predicate.value ? 'binary' : undefined;
    default:
      return undefined;
  }
}

/** The conditions every matching row satisfies: the AND at the top, through nested ANDs and one-child groups. */
function conjuncts(group: ResolvedGroup): ResolvedCondition[] {
  if (group.conjunction === 'or' && group.conditions.length > 1) return [];
  return group.conditions.flatMap((node) => (isResolvedGroup(node) ? conjuncts(node) : [node]));
}

function conditionsOf(node: ResolvedNode): ResolvedCondition[] {
  return isResolvedGroup(node) ? node.conditions.flatMap(conditionsOf) : [node];
}
