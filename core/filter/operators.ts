/** Filter operators of API.md; each field type accepts the ones that make sense for it. */
export const FILTER_OPERATORS = [
  'is', 'isNot', 'contains', 'doesNotContain', 'isEmpty', 'isNotEmpty',
  '=', '!=', '<', '<=', '>', '>=',
  'isAnyOf', 'isNoneOf', 'hasAnyOf', 'hasAllOf',
  'isBefore', 'isAfter', 'isOnOrBefore', 'isOnOrAfter', 'isWithin',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/**
 * `isWithin` periods. API.md's rolling ones, plus the calendar `thisWeek` (Monday to Sunday,
 * ISO 8601 as in China and Europe; decision 0050) and `thisMonth`.
 */
export const WITHIN_PERIODS = [
  'today', 'pastWeek', 'pastMonth', 'nextWeek', 'nextMonth', 'pastNumberOfDays', 'nextNumberOfDays',
  'thisWeek', 'thisMonth',
] as const;
export type WithinPeriod = (typeof WITHIN_PERIODS)[number];
