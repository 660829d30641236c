import type { ValueKind } from '../fields/field-type.ts';

// The summary bar under a grid's columns: one aggregate per field, chosen per view.

export const SUMMARY_AGGREGATES = ['count', 'filled', 'empty', 'unique', 'sum', 'average', 'min', 'max'] as const;
export type SummaryAggregate = (typeof SUMMARY_AGGREGATES)[number];

const EVERY_KIND: readonly SummaryAggregate[] = ['count', 'filled', 'empty', 'unique'];

/**
 * The aggregates that make sense for a kind of value: sums and averages of numbers, the
 * earliest and latest date (min and max), and counting for everything (a checkbox's
 * "filled" counts ticked boxes; arrays and files are not compared, so not unique).
 */
export function aggregatesFor(kind: ValueKind): readonly SummaryAggregate[] {
  switch (kind) {
    case 'number': return [...EVERY_KIND, 'sum', 'average', 'min', 'max'];
    case 'date': return [...EVERY_KIND, 'min', 'max'];
    case 'boolean': case 'multi': case 'attachment': return ['count', 'filled', 'empty'];
    default: return EVERY_KIND;
  }
}
