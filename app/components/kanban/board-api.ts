import type { StackJson as StackShape, StacksJson as StacksShape } from '../../../core/views/rows-json.ts';
import type { GridRowData } from '../grid/types.ts';
import { apiPath, apiRequest } from '../ui/api-client.ts';

// The REST calls of the kanban, calendar and gallery views (server/api/boards-routes.ts).

/** A record as a card: the values it shows and those that place it, keyed by field id. */
export type Card = GridRowData;

export type StackJson = StackShape<Card>;
export type StacksJson = StacksShape<Card>;

export function fetchStacks(tableId: string, viewId: string, cards: number, signal?: AbortSignal): Promise<StacksJson> {
  return apiRequest(`${apiPath`/tables/${tableId}/stacks`}?view=${encodeURIComponent(viewId)}&cards=${cards}`, { signal });
}

export function fetchStackCards(tableId: string, viewId: string, stackKey: string, start: number, limit: number): Promise<{ cards: Card[]; count: number }> {
  return apiRequest(`${apiPath`/tables/${tableId}/stacks/${stackKey}/cards`}?view=${encodeURIComponent(viewId)}&start=${start}&limit=${limit}`);
}

/** `afterId` null: first in the stack; undefined: wherever the view's order puts it. */
export function moveCard(tableId: string, body: { view: string; recordId: string; toStack: string; afterId?: string | null }): Promise<{ card: Card; rank: string | null }> {
  return apiRequest(apiPath`/tables/${tableId}/stacks/move`, { method: 'POST', body });
}

export function fetchCalendar(tableId: string, viewId: string, from: string, to: string, signal?: AbortSignal): Promise<{ records: Card[]; truncated: boolean }> {
  return apiRequest(`${apiPath`/tables/${tableId}/calendar`}?view=${encodeURIComponent(viewId)}&from=${from}&to=${to}`, { signal });
}

/** A block of the view's records in its order, as the grid pages them (the gallery). */
export function fetchRows(tableId: string, viewId: string, start: number, limit: number): Promise<{ rows: Card[]; total: number }> {
  return apiRequest(`${apiPath`/tables/${tableId}/rows`}?view=${encodeURIComponent(viewId)}&start=${start}&limit=${limit}`);
}

/** Edits and creates through the grid's batch endpoint: one write-path transaction. */
export function writeBatch(tableId: string, body: { creates?: Array<Record<string, unknown>>; updates?: Array<{ id: string; values: Record<string, unknown> }> }): Promise<{ created: Card[]; updated: Card[] }> {
  return apiRequest(apiPath`/tables/${tableId}/rows/batch`, { method: 'POST', body });
}
