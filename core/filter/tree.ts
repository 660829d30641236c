import { z } from 'zod';
import { FILTER_OPERATORS, WITHIN_PERIODS } from './operators.ts';

/** Deeper trees are refused: nobody builds them by hand, and they cost stack and SQL size. */
export const MAX_FILTER_DEPTH = 6;
export const MAX_FILTER_CONDITIONS = 200;

export interface FilterCondition {
  /** A field name or id. */
  field: string;
  operator: (typeof FILTER_OPERATORS)[number];
  value?: unknown;
}
export interface FilterGroup {
  conjunction: 'and' | 'or';
  conditions: FilterNode[];
}
export type FilterNode = FilterCondition | FilterGroup;

export const withinValueSchema = z.union([
  z.object({ period: z.enum(WITHIN_PERIODS).exclude(['pastNumberOfDays', 'nextNumberOfDays']) }),
  z.object({ period: z.enum(['pastNumberOfDays', 'nextNumberOfDays']), n: z.number().int().min(0).max(36_500) }),
]);

const conditionSchema = z.object({
  field: z.string().min(1).max(200),
  operator: z.enum(FILTER_OPERATORS),
  value: z.unknown().optional(),
});

export const filterGroupSchema: z.ZodType<FilterGroup> = z.lazy(() =>
  z.object({
    conjunction: z.enum(['and', 'or']),
    conditions: z.array(z.union([conditionSchema, filterGroupSchema])).max(MAX_FILTER_CONDITIONS),
  }),
);

export function isFilterGroup(node: FilterNode): node is FilterGroup {
  return 'conjunction' in node;
}

/** Depth and size limits, checked before the schema so a hostile tree cannot blow the stack. */
export function checkFilterLimits(tree: unknown): string | undefined {
  let count = 0;
  const walk = (node: unknown, depth: number): string | undefined => {
    if (depth > MAX_FILTER_DEPTH) return `filter is nested deeper than ${MAX_FILTER_DEPTH} levels`;
    if (node && typeof node === 'object' && Array.isArray((node as FilterGroup).conditions)) {
      for (const child of (node as FilterGroup).conditions) {
        if (++count > MAX_FILTER_CONDITIONS) return `filter has more than ${MAX_FILTER_CONDITIONS} conditions`;
        const error = walk(child, depth + 1);
        if (error) return error;
      }
    }
    return undefined;
  };
  return walk(tree, 1);
}

export const sortSchema = z
  .array(z.object({ field: z.string().min(1).max(200), direction: z.enum(['asc', 'desc']).default('asc') }))
  .max(20);
export type SortSpec = z.infer<typeof sortSchema>;
