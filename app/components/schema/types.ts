// The API's JSON shapes as the browser sees them (API.md "Bases, tables, fields"). app/
// may not import server/, so these mirror server/tables/table-json.ts; keep them in step.

export interface FieldJson {
  id: string;
  name: string;
  /** A type name of API.md; stored types are the keys of core/fields' registry. */
  type: string;
  options: Record<string, unknown>;
  description: string | null;
}

export interface TableJson {
  id: string;
  name: string;
  primaryFieldId: string | null;
  fields: FieldJson[];
  views: unknown[];
}

/** Who a user id is, for names in history and user fields (the table loader's members). */
export interface Member {
  id: string;
  name: string;
  email?: string;
}

/** Least to most: each role may do what the ones before it may. */
export const BASE_ROLES = ['viewer', 'commenter', 'editor', 'owner'] as const;
export type BaseRole = (typeof BASE_ROLES)[number];

export function roleAtLeast(role: BaseRole, least: BaseRole): boolean {
  return BASE_ROLES.indexOf(role) >= BASE_ROLES.indexOf(least);
}

/** As server/auth/permissions.ts decides: schema is the owners', view layout the editors'. */
export const canEditSchema = (role: BaseRole) => roleAtLeast(role, 'owner');
export const canEditViews = (role: BaseRole) => roleAtLeast(role, 'editor');
export const canEditRecords = (role: BaseRole) => roleAtLeast(role, 'editor');

export interface ConversionReport {
  converted: number;
  failed: Array<{ recordId: string; value: unknown; reason: string }>;
  failedCount: number;
}

/** `POST …/fields/:fieldId/preview-conversion`: the field as it would be, and what happens to values. */
export interface ConversionPreview {
  field: FieldJson;
  conversion: ConversionReport;
  samples: Array<{ recordId: string; before: unknown; after: unknown }>;
}

/** `PATCH …/fields/:fieldId`. */
export interface FieldUpdateResult {
  field: FieldJson;
  conversion?: ConversionReport;
}
