import type { ValueKind } from '../fields/field-type.ts';
import { concreteDateRange, contextForField, inDateRange } from './date-range.ts';
import { isChecked, isEmptyValue } from './empty.ts';
import { isResolvedGroup, type FilterContext, type Predicate, type ResolvedGroup, type ResolvedNode } from './resolved.ts';
import { asciiLower } from './text.ts';

/** A record as the evaluator sees it: values by field id, in their API shape (fromStorage). */
export type RecordValues = Readonly<Record<string, unknown>>;
export type RecordMatcher = (record: RecordValues) => boolean;

/**
 * The reference evaluator: exactly what server/views/compile-filter.ts computes in SQL, for
 * the grid's live updates (does a patched row still belong to the view?), automations'
 * conditions, and the agreement test. Relative dates and `@me` are fixed once from `ctx`.
 * An empty group matches every record, whatever its conjunction.
 */
export function compileMatcher(tree: ResolvedGroup, ctx: FilterContext): RecordMatcher {
  return compileNode(tree, ctx);
}

export function matchesFilter(tree: ResolvedGroup, record: RecordValues, ctx: FilterContext): boolean {
  return compileMatcher(tree, ctx)(record);
}

function compileNode(node: ResolvedNode, ctx: FilterContext): RecordMatcher {
  if (isResolvedGroup(node)) {
    const children = node.conditions.map((child) => compileNode(child, ctx));
    if (children.length === 0) return () => true;
    return node.conjunction === 'and'
      ? (record) => children.every((child) => child(record))
      : (record) => children.some((child) => child(record));
  }
  const test = compilePredicate(node.predicate, node.kind, contextForField(node.field, ctx));
  const fieldId = node.field.id;
  return (record) => test(record[fieldId] ?? null);
}

type CellTest = (cell: unknown) => boolean;

function negatable(negate: boolean, test: CellTest): CellTest {
  return negate ? (cell) => !test(cell) : test;
}

function compilePredicate(predicate: Predicate, kind: ValueKind, ctx: FilterContext): CellTest {
  switch (predicate.test) {
    case 'empty':
      return negatable(predicate.negate, (cell) => isEmptyValue(kind, cell));
    case 'checked':
      return (cell) => isChecked(cell) === predicate.value;
    case 'textIn': {
      const values = new Set(predicate.values);
      return negatable(predicate.negate, (cell) => values.has(asciiLower(textOf(cell))));
    }
    case 'textContains':
      return negatable(predicate.negate, (cell) => asciiLower(textOf(cell)).includes(predicate.needle));
    case 'numberIn': {
      const values = predicate.values;
      return negatable(predicate.negate, (cell) => typeof cell === 'number' && values.includes(cell));
    }
    case 'numberCompare':
      return (cell) => typeof cell === 'number' && compareNumber(cell, predicate.cmp, predicate.value);
    case 'dateRange': {
      const range = concreteDateRange(predicate, ctx);
      return negatable(predicate.negate, (cell) => typeof cell === 'string' && cell !== '' && inDateRange(cell, range));
    }
    case 'equals': {
      const values = new Set(predicate.values);
      if (predicate.includesMe && ctx.userId !== undefined) values.add(ctx.userId);
      return negatable(predicate.negate, (cell) => values.has(textOf(cell)));
    }
    case 'hasAny': {
      const values = new Set(predicate.values);
      return negatable(predicate.negate, (cell) => arrayOf(cell).some((item) => values.has(item as string)));
    }
    case 'hasAll':
      return negatable(predicate.negate, (cell) => {
        const items = new Set(arrayOf(cell));
        return predicate.values.every((value) => items.has(value));
      });
    case 'sameSet': {
      const values = new Set(predicate.values);
      return negatable(predicate.negate, (cell) => {
        const items = new Set(arrayOf(cell));
        return [...items].every((item) => values.has(item as string)) && predicate.values.every((value) => items.has(value));
      });
    }
    case 'filenameContains':
      return negatable(predicate.negate, (cell) =>
        arrayOf(cell).some((file) => asciiLower(filenameOf(file)).includes(predicate.needle)));
  }
}

/** Text-like cells: NULL reads as '' (see Predicate). Numbers in text columns read as SQL would print them. */
function textOf(cell: unknown): string {
  return typeof cell === 'string' ? cell : cell === null || cell === undefined ? '' : String(cell);
}

function arrayOf(cell: unknown): unknown[] {
  return Array.isArray(cell) ? cell : [];
}

function filenameOf(file: unknown): string {
  const name = typeof file === 'object' && file !== null ? (file as { filename?: unknown }).filename : undefined;
  return name === null || name === undefined ? '' : String(name);
}

function compareNumber(cell: number, cmp: '<' | '<=' | '>' | '>=', value: number): boolean {
  switch (cmp) {
    case '<': return cell < value;
    case '<=': return cell <= value;
    case '>': return cell > value;
    case '>=': return cell >= value;
  }
}
