import type { ViewSort } from '../grid/types.ts';

/** The sort builder's edits, pure. A field sorts once: picking one already used is refused. */

export const MAX_SORTS = 20;

/** Adds the first field not sorted by yet, ascending; unchanged when every field is. */
export function addSort(sorts: readonly ViewSort[], fieldIds: readonly string[]): ViewSort[] {
  const used = new Set(sorts.map((sort) => sort.field));
  const next = fieldIds.find((id) => !used.has(id));
  return next && sorts.length < MAX_SORTS ? [...sorts, { field: next, direction: 'asc' }] : [...sorts];
}

export function removeSort(sorts: readonly ViewSort[], index: number): ViewSort[] {
  return sorts.filter((_, i) => i !== index);
}

export function setSortField(sorts: readonly ViewSort[], index: number, field: string): ViewSort[] {
  if (sorts.some((sort, i) => i !== index && sort.field === field)) return [...sorts];
  return sorts.map((sort, i) => (i === index ? { ...sort, field } : sort));
}

export function setSortDirection(sorts: readonly ViewSort[], index: number, direction: 'asc' | 'desc'): ViewSort[] {
  return sorts.map((sort, i) => (i === index ? { ...sort, direction } : sort));
}

/** Moves one sort up (-1) or down (+1): earlier sorts decide first. */
export function moveSort(sorts: readonly ViewSort[], index: number, delta: -1 | 1): ViewSort[] {
  const to = index + delta;
  if (index < 0 || index >= sorts.length || to < 0 || to >= sorts.length) return [...sorts];
  const next = [...sorts];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

/** Sorts naming fields that no longer exist are dropped (a field was deleted elsewhere). */
export function knownSorts(sorts: readonly ViewSort[], fieldIds: ReadonlySet<string>): ViewSort[] {
  return sorts.filter((sort) => fieldIds.has(sort.field));
}
