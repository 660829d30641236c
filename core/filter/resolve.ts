import type { Field, FieldType } from '../fields/field-type.ts';
import { requireFieldType } from '../fields/registry.ts';
import { FILTER_OPERATORS, type FilterOperator } from './operators.ts';
import { checkFilterLimits } from './tree.ts';
import { buildPredicate, SUPPORTED_OPERATORS } from './predicates.ts';
import type { ResolvedCondition, ResolvedGroup, ResolvedNode } from './resolved.ts';
import { describeValue } from './describe.ts';

/** One thing wrong with a filter; `path` is the condition's index at each level (UI highlights it). */
export interface FilterProblem {
  path: number[];
  message: string;
}

export type ResolveFilterResult =
  | { ok: true; filter: ResolvedGroup }
  | { ok: false; problems: FilterProblem[] };

/** How a field's type is found; tests and future computed types may pass their own. */
export type TypeOf = (field: Field) => FieldType;
const registryTypeOf: TypeOf = (field) => requireFieldType(field.type) as FieldType;

/**
 * Turns an API filter tree (JSON as received; null/undefined means "no filter") into a
 * resolved tree against the table's fields, or every problem found. Fields are matched by
 * id first, then by exact name. Pure: the server turns problems into INVALID_FILTER.
 */
export function resolveFilter(input: unknown, fields: readonly Field[], typeOf: TypeOf = registryTypeOf): ResolveFilterResult {
  if (input === null || input === undefined) return { ok: true, filter: { conjunction: 'and', conditions: [] } };
  const limitError = checkFilterLimits(input);
  if (limitError) return { ok: false, problems: [{ path: [], message: limitError }] };
  const problems: FilterProblem[] = [];
  const lookup = fieldLookup(fields);
  const filter = resolveGroup(input, [], { lookup, typeOf, problems });
  return filter && problems.length === 0 ? { ok: true, filter } : { ok: false, problems };
}

interface Walk {
  lookup: (ref: string) => Field | undefined;
  typeOf: TypeOf;
  problems: FilterProblem[];
}

function resolveGroup(node: unknown, path: number[], walk: Walk): ResolvedGroup | undefined {
  if (!isObject(node) || !('conjunction' in node)) {
    walk.problems.push({ path, message: `a filter group must be an object {"conjunction": "and" | "or", "conditions": [...]}; got ${describeValue(node)}` });
    return undefined;
  }
  const { conjunction, conditions } = node;
  if (conjunction !== 'and' && conjunction !== 'or') {
    walk.problems.push({ path, message: `conjunction must be "and" or "or"; got ${describeValue(conjunction)}` });
  }
  if (!Array.isArray(conditions)) {
    walk.problems.push({ path, message: `conditions must be an array; got ${describeValue(conditions)}` });
    return undefined;
  }
  const resolved: ResolvedNode[] = [];
  conditions.forEach((child: unknown, index) => {
    const childPath = [...path, index];
    const node = isObject(child) && 'conjunction' in child
      ? resolveGroup(child, childPath, walk)
      : resolveCondition(child, childPath, walk);
    if (node) resolved.push(node);
  });
  return conjunction === 'and' || conjunction === 'or' ? { conjunction, conditions: resolved } : undefined;
}

function resolveCondition(node: unknown, path: number[], walk: Walk): ResolvedCondition | undefined {
  const problem = (message: string) => {
    walk.problems.push({ path, message });
    return undefined;
  };
  if (!isObject(node)) return problem(`a condition must be an object {"field", "operator", "value"}; got ${describeValue(node)}`);
  const { field: ref, operator, value } = node;
  if (typeof ref !== 'string' || ref === '') return problem(`a condition needs "field", a field name or id; got ${describeValue(ref)}`);
  if (typeof operator !== 'string' || !(FILTER_OPERATORS as readonly string[]).includes(operator)) {
    return problem(`unknown operator ${describeValue(operator)}; operators are ${FILTER_OPERATORS.join(', ')}`);
  }
  const field = walk.lookup(ref);
  if (!field) return problem(`unknown field ${describeValue(ref)}`);
  const type = walk.typeOf(field);
  const op = operator as FilterOperator;
  if (!type.operators.includes(op) || !SUPPORTED_OPERATORS[type.kind].includes(op)) {
    return problem(`operator "${op}" is not accepted by ${type.name} field "${field.name}"`);
  }
  const predicate = buildPredicate(type.kind, op, value);
  if (!predicate.ok) return problem(`operator "${op}" on ${type.name} field "${field.name}" ${predicate.error}`);
  return { field, type, kind: type.kind, operator: op, predicate: predicate.value };
}

/** Ids win over names: an id is stable, and a name may be renamed to look like anything. */
export function fieldLookup(fields: readonly Field[]): (ref: string) => Field | undefined {
  const byId = new Map(fields.map((field) => [field.id, field]));
  const byName = new Map<string, Field>();
  for (const field of fields) if (!byName.has(field.name)) byName.set(field.name, field);
  return (ref) => byId.get(ref) ?? byName.get(ref);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
