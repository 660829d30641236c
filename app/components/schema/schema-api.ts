import { apiPath, apiRequest } from '../ui/api-client.ts';
import type { ConversionPreview, FieldJson, FieldUpdateResult, TableJson } from './types.ts';

// The schema calls of API.md, for these dialogs and for the grid (rename, delete from the
// header menu). Each throws ApiError with the server's message.

export interface FieldPayload {
  name?: string;
  type?: string;
  options?: Record<string, unknown>;
  description?: string | null;
}

export function createTable(baseId: string, name: string, signal?: AbortSignal): Promise<TableJson> {
  return apiRequest<TableJson>(apiPath`/bases/${baseId}/tables`, { method: 'POST', body: { name }, signal });
}

export function createField(tableId: string, payload: FieldPayload, signal?: AbortSignal): Promise<FieldJson> {
  return apiRequest<FieldJson>(apiPath`/tables/${tableId}/fields`, { method: 'POST', body: payload, signal });
}

export function updateField(tableId: string, fieldId: string, payload: FieldPayload, signal?: AbortSignal): Promise<FieldUpdateResult> {
  return apiRequest<FieldUpdateResult>(apiPath`/tables/${tableId}/fields/${fieldId}`, { method: 'PATCH', body: payload, signal });
}

export function previewConversion(
  tableId: string,
  fieldId: string,
  payload: Pick<FieldPayload, 'type' | 'options'>,
  signal?: AbortSignal,
): Promise<ConversionPreview> {
  return apiRequest<ConversionPreview>(apiPath`/tables/${tableId}/fields/${fieldId}/preview-conversion`, { method: 'POST', body: payload, signal });
}

export function renameField(tableId: string, fieldId: string, name: string): Promise<FieldUpdateResult> {
  return updateField(tableId, fieldId, { name });
}

export function deleteField(tableId: string, fieldId: string): Promise<{ id: string; deleted: true }> {
  return apiRequest(apiPath`/tables/${tableId}/fields/${fieldId}`, { method: 'DELETE' });
}
