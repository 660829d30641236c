import { createHash } from 'node:crypto';
import { sql, type Kysely, type SqlBool } from 'kysely';
import { isChecked, isEmptyValue } from '../../core/filter/empty.ts';
import { compareRecordsBy } from '../../core/filter/sort.ts';
import type { GroupHeader } from '../../core/views/rows-json.ts';
import type { Database } from '../db/index.ts';
import { AppError } from '../errors.ts';
import type { FieldDef } from '../tables/table-schema.ts';
import { emptySql, userTableName } from '../views/index.ts';
import type { RowCondition } from './rows.repository.ts';

/** More leaf groups than anyone can read; past it grouping by that field is refused. */
export const MAX_GROUPS = 20_000;

export interface GroupLevel {
  field: FieldDef;
  direction: 'asc' | 'desc';
}

/** One group's value at one level, as SQL matches it. */
interface GroupKey {
  field: FieldDef;
  /** The stored form of a non-empty value; unused for empty values and checkboxes. */
  raw: unknown;
  /** The value in the API's JSON shape; null when empty (a checkbox is true or false). */
  value: unknown;
}

/** A group as its header row shows it (id: a hash of the values from the top, stable across requests: the key of collapse state), with what reading its records needs. */
export interface GroupNode extends Omit<GroupHeader, 'collapsed'> {
  /** The next level's groups; null at the deepest level, whose groups hold records. */
  children: GroupNode[] | null;
  path: GroupKey[];
}

export interface GroupTree {
  roots: GroupNode[];
  /** Records in all groups. */
  records: number;
}

const builder = (db: Database) => db.kysely as unknown as Kysely<any>;

/**
 * The whole group tree of a view in ONE query: GROUP BY the group columns as stored (so a
 * group field's index can serve it), count and sum per leaf, then in JS the stored forms
 * of one value merged (NULL and '' are both "empty"), parents summed from their children,
 * and each level ordered the way a sort by its field orders records (empties last).
 */
export function buildGroupTree(db: Database, tableId: string, where: RowCondition, levels: readonly GroupLevel[], sumFields: readonly FieldDef[]): GroupTree {
  const table = userTableName(tableId);
  const keys = levels.map((level, index) => sql.ref(`${table}.${level.field.column}`).as(`k${index}`));
  const sums = sumFields.map((field, index) => sql<number | null>`sum(${sql.ref(`${table}.${field.column}`)})`.as(`s${index}`));
  const rows = db.all<Record<string, unknown>>(
    builder(db)
      .selectFrom(table)
      .select([...keys, sql<number>`count(*)`.as('n'), ...sums])
      .where(where)
      .groupBy(levels.map((level) => sql.ref(`${table}.${level.field.column}`)))
      .limit(MAX_GROUPS + 1),
  );
  if (rows.length > MAX_GROUPS) {
    throw new AppError('INVALID_REQUEST', `grouping by ${levels.map((level) => `"${level.field.name}"`).join(', ')} makes more than ${MAX_GROUPS} groups; group by a field with fewer distinct values`);
  }
  const top = new Map<string, MutableNode>();
  let records = 0;
  for (const row of rows) {
    const count = Number(row.n);
    records += count;
    const rowSums = sumFields.map((_, index) => row[`s${index}`] as number | null);
    let siblings = top;
    const path: GroupKey[] = [];
    levels.forEach((level, depth) => {
      path.push(keyOf(level.field, row[`k${depth}`]));
      const norm = JSON.stringify(path.at(-1)!.value);
      let node = siblings.get(norm);
      if (!node) {
        node = { path: [...path], depth, count: 0, sums: sumFields.map(() => null), children: depth < levels.length - 1 ? new Map() : null };
        siblings.set(norm, node);
      }
      node.count += count;
      rowSums.forEach((value, index) => {
        if (value !== null) node.sums[index] = (node.sums[index] ?? 0) + value;
      });
      if (node.children) siblings = node.children;
    });
  }
  return { roots: finish(top, levels, sumFields), records };
}

interface MutableNode {
  path: GroupKey[];
  depth: number;
  count: number;
  sums: (number | null)[];
  children: Map<string, MutableNode> | null;
}

function finish(nodes: Map<string, MutableNode>, levels: readonly GroupLevel[], sumFields: readonly FieldDef[]): GroupNode[] {
  const list = [...nodes.values()];
  if (!list.length) return [];
  const level = levels[list[0]!.depth]!;
  const compare = compareRecordsBy([{ field: level.field, type: level.field.fieldType, kind: level.field.fieldType.kind, direction: level.direction }]);
  const sortable = list.map((node, index) => ({ node, record: { id: index, values: { [level.field.id]: node.path.at(-1)!.value } } }));
  sortable.sort((a, b) => compare(a.record, b.record));
  return sortable.map(({ node }) => ({
    id: groupId(node.path),
    depth: node.depth,
    fieldId: level.field.id,
    value: node.path.at(-1)!.value,
    count: node.count,
    sums: Object.fromEntries(sumFields.map((field, index) => [field.id, node.sums[index] ?? null])),
    children: node.children ? finish(node.children, levels, sumFields) : null,
    path: node.path,
  }));
}

function keyOf(field: FieldDef, raw: unknown): GroupKey {
  const kind = field.fieldType.kind;
  const value = field.fieldType.fromStorage(raw, field.options);
  if (kind === 'boolean') return { field, raw, value: isChecked(value) };
  if (isEmptyValue(kind, value)) return { field, raw: null, value: null };
  return { field, raw, value };
}

function groupId(path: readonly GroupKey[]): string {
  const text = JSON.stringify(path.map((key) => [key.field.id, key.value]));
  return createHash('sha1').update(text).digest('base64url').slice(0, 12);
}

/** The condition that picks a group's records: its value at every level down to it. */
export function groupCondition(tableId: string, path: readonly GroupKey[]): RowCondition {
  const table = userTableName(tableId);
  const parts = path.map((key) => {
    const column = sql.ref(`${table}.${key.field.column}`);
    const kind = key.field.fieldType.kind;
    if (kind === 'boolean') return key.value ? sql<SqlBool>`${column} IS 1` : sql<SqlBool>`${column} IS NOT 1`;
    if (key.value === null) return emptySql(kind, column);
    return sql<SqlBool>`${column} = ${key.raw}`;
  });
  return sql<SqlBool>`${sql.join(parts, sql` AND `)}`;
}
