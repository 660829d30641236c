import type { Field, FieldType, ValueKind } from '../fields/field-type.ts';
import type { FilterOperator } from './operators.ts';

/**
 * A filter after resolution: every condition knows its field and type, and its operator and
 * value are reduced to one `Predicate` with normalized operands. The reference evaluator
 * (evaluate.ts) and the SQL compiler (server/views) both work from predicates only, so each
 * semantic rule lives in one place per side and the two sides cannot drift per operator.
 */
export interface ResolvedGroup {
  conjunction: 'and' | 'or';
  conditions: ResolvedNode[];
}
export type ResolvedNode = ResolvedGroup | ResolvedCondition;

export interface ResolvedCondition {
  field: Field;
  type: FieldType;
  kind: ValueKind;
  /** The operator as sent, for display and error messages; semantics are in `predicate`. */
  operator: FilterOperator;
  predicate: Predicate;
}

export function isResolvedGroup(node: ResolvedNode): node is ResolvedGroup {
  return 'conjunction' in node;
}

/**
 * A day relative to an anchor: the anchor's day is first moved back to the start of its
 * week (Monday) or month when `startOf` says so, then `months` are added (clamping the day
 * of month), then `days`. The anchor is today in the base's zone, a fixed day, or an
 * instant whose day in the base's zone counts — the zone is only known at query time, so
 * anchors resolve then.
 */
export interface DateBound {
  anchor: { today: true } | { day: string } | { instant: number };
  startOf?: 'week' | 'month';
  months: number;
  days: number;
}

/**
 * Negatable predicates are exact complements: `negate` flips the result, and an empty cell
 * never satisfies a positive predicate, so every "not" operator matches empty cells
 * (Airtable: an empty cell "is not" anything).
 */
export type Predicate =
  /** Kind-specific emptiness (see empty.ts). */
  | { test: 'empty'; negate: boolean }
  /** Checkbox; NULL counts as unchecked. */
  | { test: 'checked'; value: boolean }
  /** Text equality, ASCII case-insensitive; `values` are folded; an empty cell equals ''. */
  | { test: 'textIn'; values: string[]; negate: boolean }
  /** Text substring, ASCII case-insensitive; `needle` is folded; an empty cell is ''. */
  | { test: 'textContains'; needle: string; negate: boolean }
  | { test: 'numberIn'; values: number[]; negate: boolean }
  | { test: 'numberCompare'; cmp: '<' | '<=' | '>' | '>='; value: number }
  /** Calendar days [from, to) in the base zone; null is unbounded. */
  | { test: 'dateRange'; from: DateBound | null; to: DateBound | null; negate: boolean }
  /** Exact, case-sensitive equality (select choices, user ids); an empty cell equals ''. */
  | { test: 'equals'; values: string[]; includesMe: boolean; negate: boolean }
  /** Arrays of strings: any / all of `values` present, or the same set (order-insensitive). */
  | { test: 'hasAny' | 'hasAll' | 'sameSet'; values: string[]; negate: boolean }
  /** Attachments: some file name contains `needle` (folded), ASCII case-insensitive. */
  | { test: 'filenameContains'; needle: string; negate: boolean };

/** The token a user filter value may use for "the person looking". */
export const ME_TOKEN = '@me';

/** Everything evaluation and compilation need to know beyond the tree. */
export interface FilterContext {
  now: Date;
  /** The base's IANA time zone. */
  timeZone: string;
  /** Who `@me` is; without it `@me` matches no one. */
  userId?: string;
}
