import type { GridRowData } from './types.ts';

/** An API error with the server's code and message, and per-cell details when it has them. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: Record<string, unknown>) {
    super(message);
  }
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`/api/v1${path}`, {
    ...init,
    credentials: 'same-origin',
    headers: init.body ? { 'Content-Type': 'application/json' } : undefined,
  });
  const text = await response.text();
  const body = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? 'INTERNAL', error?.message ?? response.statusText, error?.details);
  }
  return body as T;
}

/** The grid's HTTP side: blocks of the view's rows, positions, bulk edits, new records. */
export class RowsClient {
  constructor(private readonly tableId: string, private readonly viewId: string | null) {}

  rows(start: number, limit: number, signal?: AbortSignal): Promise<{ rows: GridRowData[]; total: number }> {
    const query = new URLSearchParams({ start: String(start), limit: String(limit) });
    if (this.viewId) query.set('view', this.viewId);
    return call(`/tables/${this.tableId}/rows?${query}`, { signal });
  }

  async position(recordId: string): Promise<number | null> {
    const query = new URLSearchParams({ recordId });
    if (this.viewId) query.set('view', this.viewId);
    return (await call<{ position: number | null }>(`/tables/${this.tableId}/rows/position?${query}`)).position;
  }

  batch(body: { updates?: Array<{ id: string; values: Record<string, unknown> }>; deletes?: string[] }): Promise<{ updated: GridRowData[]; deleted: string[] }> {
    return call(`/tables/${this.tableId}/rows/batch`, { method: 'POST', body: JSON.stringify(body) });
  }

  async create(): Promise<string> {
    const body = await call<{ records: Array<{ id: string }> }>(`/tables/${this.tableId}/records`, {
      method: 'POST',
      body: JSON.stringify({ records: [{ fields: {} }] }),
    });
    return body.records[0]!.id;
  }
}
