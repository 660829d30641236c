import { z } from 'zod';
import { filterGroupSchema, sortSchema } from '../filter/tree.ts';
import { SUMMARY_AGGREGATES } from './summary.ts';

// A view's stored config, one definition for the server that validates and stores it and the
// browser that edits it (ARCHITECTURE §6).

export const VIEW_TYPES = ['grid', 'kanban', 'form', 'calendar', 'gallery'] as const;
export type ViewType = (typeof VIEW_TYPES)[number];

export const ROW_HEIGHTS = ['short', 'medium', 'tall', 'extraTall'] as const;
export type RowHeight = (typeof ROW_HEIGHTS)[number];

const fieldRef = z.string().max(200);

/** One question of a form view: a field of the table, as the form shows it. */
export const formFieldSchema = z.object({
  field: fieldRef,
  /** Shown instead of the field's name. */
  label: z.string().trim().max(200).optional(),
  help: z.string().max(1000).optional(),
  required: z.boolean().optional(),
  /** Not shown; its value may still be prefilled from the form's URL (`?prefill_<field name>=`). */
  hidden: z.boolean().optional(),
});
export type FormField = z.infer<typeof formFieldSchema>;

/** What a form view shows and does after a submission. */
export const formConfigSchema = z.object({
  title: z.string().trim().max(200).optional(),
  description: z.string().max(5000).optional(),
  /** The questions in order; table fields not listed are not on the form. */
  fields: z.array(formFieldSchema).max(500).optional(),
  submitLabel: z.string().trim().max(100).optional(),
  thankYouMessage: z.string().max(2000).optional(),
  /** Where the browser goes after a submission (http or https only). */
  redirectUrl: z.string().max(2000).regex(/^https?:\/\//i, 'redirectUrl must start with http:// or https://').optional(),
  /** `public`: anyone with the link; `signedIn`: members of the base only. */
  access: z.enum(['public', 'signedIn']).optional(),
});
export type FormConfig = z.infer<typeof formConfigSchema>;

/**
 * What a view stores besides its name and type. Field references are stored as field ids
 * (the API accepts names too and resolves them when the view is saved), so renaming a
 * field never breaks a view.
 */
export const viewConfigSchema = z.object({
  filter: filterGroupSchema.nullable().optional(),
  sorts: sortSchema.optional(),
  hiddenFields: z.array(fieldRef).max(500).optional(),
  fieldOrder: z.array(fieldRef).max(500).optional(),
  fieldWidths: z.record(fieldRef, z.number().int().min(40).max(2000)).optional(),
  frozenFieldCount: z.number().int().min(0).max(20).optional(),
  rowHeight: z.enum(ROW_HEIGHTS).optional(),
  groupBy: sortSchema.max(3).optional(),
  /** Grid: the aggregate the summary bar shows under each field's column (see summary.ts). */
  summaries: z.record(fieldRef, z.enum(SUMMARY_AGGREGATES)).optional(),
  /** Kanban: the single select or user field whose values are the stacks. */
  stackField: fieldRef.optional(),
  /** Calendar: the date field that places records on days. */
  dateField: fieldRef.optional(),
  /** Kanban, gallery, calendar: the fields a card shows, in order (the primary field is its title). */
  cardFields: z.array(fieldRef).max(50).optional(),
  /** Kanban, gallery: the attachment field whose first image is the card's cover. */
  coverField: fieldRef.optional(),
  /** Kanban: the number field summed per stack (amount per deal stage). */
  sumField: fieldRef.optional(),
  /** Kanban: stacks without cards are not shown. */
  hideEmptyStacks: z.boolean().optional(),
  /** Form views only. */
  form: formConfigSchema.optional(),
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

/** A view as the REST API returns it. */
export interface ViewJson extends ViewConfig {
  id: string;
  tableId: string;
  name: string;
  type: ViewType;
  personal: boolean;
  locked: boolean;
  shareId?: string;
}
