import type { Field, FieldType, ValueKind } from '../fields/field-type.ts';
import { sortSchema } from './tree.ts';
import { fieldLookup, type FilterProblem, type TypeOf } from './resolve.ts';
import { requireFieldType } from '../fields/registry.ts';
import { isChecked, isEmptyValue } from './empty.ts';
import { compareCodePoints, compareNoCase } from './text.ts';
import type { RecordValues } from './evaluate.ts';

/**
 * Sort order, the same in JS (this file) and SQL (server/views/compile-sort.ts):
 * - empty cells come last in BOTH directions — a sales team sorting by amount descending
 *   wants the biggest deals first, not the blanks; a checkbox is never empty (unchecked <
 *   checked). For text, number, date and user "empty" means NULL (what the write path
 *   stores for a blank; a stray '' sorts as the smallest value), so that SQL can serve the
 *   sort from the field's index (`ORDER BY col NULLS LAST`); for the other kinds it is
 *   isEmptyValue;
 * - text: ASCII case-insensitive, then code point order (SQLite COLLATE NOCASE); numbers
 *   numerically; dates as stored strings (date-only and instants each sort chronologically);
 *   select by the field's choice order, values not among the choices after the choices by
 *   name; multi by its first element's choice order, then by its stored JSON text; user by
 *   user id (names live in another table); attachments by number of files;
 * - ties, and every sort's end, by record id ascending, whatever the directions.
 */
export interface ResolvedSort {
  field: Field;
  type: FieldType;
  kind: ValueKind;
  direction: 'asc' | 'desc';
}

export type ResolveSortsResult = { ok: true; sorts: ResolvedSort[] } | { ok: false; problems: FilterProblem[] };

export function resolveSorts(
  input: unknown,
  fields: readonly Field[],
  typeOf: TypeOf = (field) => requireFieldType(field.type) as FieldType,
): ResolveSortsResult {
  if (input === null || input === undefined) return { ok: true, sorts: [] };
  const parsed = sortSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        path: issue.path.filter((key): key is number => typeof key === 'number'),
        message: `sort${issue.path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('')}: ${issue.message}`,
      })),
    };
  }
  const lookup = fieldLookup(fields);
  const problems: FilterProblem[] = [];
  const sorts: ResolvedSort[] = [];
  parsed.data.forEach((sort, index) => {
    const field = lookup(sort.field);
    if (!field) problems.push({ path: [index], message: `unknown field ${JSON.stringify(sort.field)} in sort` });
    else {
      const type = typeOf(field);
      sorts.push({ field, type, kind: type.kind, direction: sort.direction });
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, sorts };
}

export interface SortableRecord {
  id: number;
  values: RecordValues;
}

/** Kinds whose sort puts only NULL last, so an index on the column can serve the ORDER BY. */
export const NULL_ONLY_EMPTY: ReadonlySet<ValueKind> = new Set(['text', 'number', 'date', 'user']);

/** The comparator of a sort list; records hold values in their API shape (fromStorage). */
export function compareRecordsBy(sorts: readonly ResolvedSort[]): (a: SortableRecord, b: SortableRecord) => number {
  const keys = sorts.map((sort) => {
    const compare = valueComparator(sort);
    const empty = (value: unknown) =>
      NULL_ONLY_EMPTY.has(sort.kind) ? value === null : sort.kind !== 'boolean' && isEmptyValue(sort.kind, value);
    const sign = sort.direction === 'desc' ? -1 : 1;
    const fieldId = sort.field.id;
    return (a: SortableRecord, b: SortableRecord): number => {
      const x = a.values[fieldId] ?? null;
      const y = b.values[fieldId] ?? null;
      const ex = empty(x);
      const ey = empty(y);
      if (ex || ey) return ex === ey ? 0 : ex ? 1 : -1;
      return sign * Math.sign(compare(x, y));
    };
  });
  return (a, b) => {
    for (const key of keys) {
      const result = key(a, b);
      if (result !== 0) return result;
    }
    return a.id - b.id;
  };
}

/** Compares two non-empty values of the sort's field. */
function valueComparator(sort: ResolvedSort): (a: unknown, b: unknown) => number {
  switch (sort.kind) {
    case 'text': return (a, b) => compareNoCase(String(a), String(b));
    case 'number': return (a, b) => (a as number) - (b as number);
    case 'boolean': return (a, b) => Number(isChecked(a)) - Number(isChecked(b));
    case 'date': case 'user': return (a, b) => compareCodePoints(String(a), String(b));
    case 'select': {
      const rank = choiceRank(sort.field);
      return (a, b) => rank(a) - rank(b) || compareCodePoints(String(a), String(b));
    }
    case 'multi': {
      const rank = choiceRank(sort.field);
      const first = (value: unknown) => rank((value as unknown[])[0]);
      return (a, b) => first(a) - first(b) || compareCodePoints(JSON.stringify(a), JSON.stringify(b));
    }
    case 'attachment': return (a, b) => (a as unknown[]).length - (b as unknown[]).length;
  }
}

/** Position among the choices; values that are not a choice rank after all of them. */
function choiceRank(field: Field): (value: unknown) => number {
  const names = choiceNames(field);
  const order = new Map(names.map((name, index) => [name, index]));
  return (value) => (typeof value === 'string' ? order.get(value) : undefined) ?? names.length;
}

/**
 * The choice names of a select field in their order, read from `options.choices` (strings
 * or `{name}` objects). The FieldType contract has no accessor for choices, so this reads
 * the options shape that select types share; duplicates keep their first position.
 */
export function choiceNames(field: Field): string[] {
  const choices = (field.options as { choices?: unknown }).choices;
  if (!Array.isArray(choices)) return [];
  const names: string[] = [];
  for (const choice of choices) {
    const name = typeof choice === 'string' ? choice : (choice as { name?: unknown } | null)?.name;
    if (typeof name === 'string' && !names.includes(name)) names.push(name);
  }
  return names;
}
