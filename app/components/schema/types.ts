// The API's JSON shapes and base roles come from core, shared with the server.
import type { FieldJson } from '../../../core/api-json.ts';
import { roleAtLeast, type BaseRole } from '../../../core/roles.ts';

export type { FieldJson, TableJson } from '../../../core/api-json.ts';
export { BASE_ROLES, roleAtLeast, type BaseRole } from '../../../core/roles.ts';

/** Who a user id is, for names in history and user fields (the table loader's members). */
export interface Member {
  id: string;
  name: string;
  email?: string;
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
