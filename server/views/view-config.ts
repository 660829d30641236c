import { z } from 'zod';
import { filterGroupSchema, sortSchema } from '../../core/filter/tree.ts';

export const VIEW_TYPES = ['grid', 'kanban', 'form', 'calendar', 'gallery'] as const;
export type ViewType = (typeof VIEW_TYPES)[number];

export const ROW_HEIGHTS = ['short', 'medium', 'tall', 'extraTall'] as const;

/**
 * What a view stores besides its name and type. Field references are stored as field ids
 * (the API accepts names too and resolves them when the view is saved), so renaming a
 * field never breaks a view.
 */
export const viewConfigSchema = z.object({
  filter: filterGroupSchema.nullable().optional(),
  sorts: sortSchema.optional(),
  hiddenFields: z.array(z.string().max(200)).max(500).optional(),
  fieldOrder: z.array(z.string().max(200)).max(500).optional(),
  fieldWidths: z.record(z.string().max(200), z.number().int().min(40).max(2000)).optional(),
  frozenFieldCount: z.number().int().min(0).max(20).optional(),
  rowHeight: z.enum(ROW_HEIGHTS).optional(),
  groupBy: sortSchema.max(3).optional(),
  stackField: z.string().max(200).optional(),
  dateField: z.string().max(200).optional(),
});
export type ViewConfig = z.infer<typeof viewConfigSchema>;

/** The parts of a view an API caller may set on create or update. */
export const viewInputSchema = viewConfigSchema.extend({
  name: z.string().trim().min(1).max(100),
  type: z.enum(VIEW_TYPES).default('grid'),
  personal: z.boolean().optional(),
  locked: z.boolean().optional(),
});
export const viewPatchSchema = viewInputSchema.omit({ type: true }).partial();
