import type { Field } from '../../core/fields/field-type.ts';
import { resolveFilter, type FilterProblem } from '../../core/filter/resolve.ts';
import type { ResolvedGroup } from '../../core/filter/resolved.ts';
import { resolveSorts, type ResolvedSort } from '../../core/filter/sort.ts';
import { AppError } from '../errors.ts';

/** Anything carrying a table's fields (TableSchema does). */
interface WithFields {
  fields: readonly Field[];
}

/**
 * A filter from a request or a view as a resolved tree, or INVALID_FILTER (400) naming
 * every problem; `details.problems` carries each problem's condition path for the UI.
 */
export function requireResolvedFilter(schema: WithFields, input: unknown): ResolvedGroup {
  const result = resolveFilter(input, schema.fields);
  if (!result.ok) throw filterError(result.problems);
  return result.filter;
}

/** Validation only, for saving a view: throws like requireResolvedFilter. */
export function validateFilter(schema: WithFields, input: unknown): void {
  requireResolvedFilter(schema, input);
}

/** Sorts from a request or a view; UNKNOWN_FIELD or INVALID_REQUEST naming the bad entries. */
export function requireResolvedSorts(schema: WithFields, input: unknown): ResolvedSort[] {
  const result = resolveSorts(input, schema.fields);
  if (result.ok) return result.sorts;
  const unknownField = result.problems.every((problem) => problem.message.startsWith('unknown field'));
  throw new AppError(unknownField ? 'UNKNOWN_FIELD' : 'INVALID_REQUEST', joined(result.problems), { problems: result.problems });
}

function filterError(problems: FilterProblem[]): AppError {
  return new AppError('INVALID_FILTER', joined(problems), { problems });
}

function joined(problems: readonly FilterProblem[]): string {
  return problems.map((problem) => problem.message).join('; ');
}
