import { z } from 'zod';
import { AppError } from '../errors.ts';

/** One column of the file → an existing field, a new field, or nothing. */
const columnMapping = z.strictObject({
  /** The column's header text, or its 0-based position. */
  column: z.union([z.string().min(1).max(200), z.number().int().min(0).max(16_383)]),
  skip: z.boolean().optional(),
  /** An existing field of the target table, by id or name. */
  field: z.string().min(1).max(200).optional(),
  /** For a new field: its name (default: the header), type (default: inferred) and options. */
  name: z.string().min(1).max(100).optional(),
  type: z.string().min(1).max(100).optional(),
  options: z.record(z.string(), z.unknown()).optional(),
});
export type ColumnMapping = z.infer<typeof columnMapping>;

const sheetOptions = z.strictObject({
  /** 1-based row number of the header; detected when absent. */
  headerRow: z.number().int().min(1).max(1_048_576).optional(),
  /** Import into this existing table; else into a new one. */
  tableId: z.string().min(1).max(64).optional(),
  /** Name of the new table (default: the sheet's or file's name). */
  tableName: z.string().min(1).max(100).optional(),
  /** Columns not listed are mapped as inferred (new table) or by name (existing table). */
  columns: z.array(columnMapping).max(16_384).optional(),
  /** Upsert: rows whose value of this field (id or name) matches a record update it. */
  keyField: z.string().min(1).max(200).optional(),
  /** Rows hidden in Excel are imported unless this is true. */
  skipHiddenRows: z.boolean().optional(),
});
export type SheetOptions = z.infer<typeof sheetOptions>;

/**
 * The `options` part of an import upload. Top-level sheet options apply to every sheet
 * imported; `sheets` picks sheets (by name) and overrides per sheet. Without `sheets`,
 * every visible, non-empty sheet is imported.
 */
export const importOptionsSchema = sheetOptions.extend({
  sheets: z.array(sheetOptions.extend({ name: z.string().min(1).max(200) })).min(1).max(100).optional(),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

/** The `options` form field: JSON text, absent meaning "as inferred". */
export function parseImportOptions(text: string | undefined): ImportOptions {
  if (text === undefined || text.trim() === '') return {};
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('MALFORMED_JSON', 'the options field is not valid JSON');
  }
  const parsed = importOptionsSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new AppError('INVALID_REQUEST', `options.${issue.path.join('.') || ''}: ${issue.message}`, { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
}
