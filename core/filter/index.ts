export * from './operators.ts';
export * from './tree.ts';
export type { ResolvedGroup, ResolvedNode, ResolvedCondition, Predicate, DateBound, FilterContext } from './resolved.ts';
export { isResolvedGroup, ME_TOKEN } from './resolved.ts';
export { resolveFilter, fieldLookup, type FilterProblem, type ResolveFilterResult, type TypeOf } from './resolve.ts';
export { compileMatcher, matchesFilter, type RecordValues, type RecordMatcher } from './evaluate.ts';
export {
  resolveSorts, compareRecordsBy, choiceNames,
  type ResolvedSort, type ResolveSortsResult, type SortableRecord,
} from './sort.ts';
export { SUPPORTED_OPERATORS, MAX_LIST_VALUES } from './predicates.ts';
export { DATE_MODES } from './date-operands.ts';
export { concreteDateRange, type ConcreteDateRange, type DayBoundary } from './date-range.ts';
export { isEmptyValue, isChecked } from './empty.ts';
export { asciiLower, compareCodePoints, compareNoCase } from './text.ts';
export { localDay, zonedDayStart, isDay, addDays, addMonths } from './dates.ts';
