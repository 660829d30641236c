import { apiPath, apiRequest } from '../ui/api-client.ts';
import type { HistoryEntryJson } from './history-sentence.ts';

export interface RecordJson {
  id: string;
  createdTime: string;
  /** By field id (returnFieldsByFieldId=true); empty values are left out. */
  fields: Record<string, unknown>;
}

export function fetchRecord(tableId: string, recordId: string, signal?: AbortSignal): Promise<RecordJson> {
  return apiRequest<RecordJson>(`${apiPath`/tables/${tableId}/records/${recordId}`}?returnFieldsByFieldId=true`, { signal });
}

export async function fetchHistory(tableId: string, recordId: string, signal?: AbortSignal): Promise<HistoryEntryJson[]> {
  const { history } = await apiRequest<{ history: HistoryEntryJson[] }>(apiPath`/tables/${tableId}/records/${recordId}/history`, { signal });
  return history;
}
