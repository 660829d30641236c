import type { SummaryData } from './group-types.ts';
import type { GridRowData, ViewSort } from './types.ts';

/** An API error with the server's code and message, and per-cell details when it has them. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: Record<string, unknown>) {
    super(message);
  }
}

/** The request never got an answer (offline, server restarting): worth sending again later. */
export class UnreachableError extends Error {}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      ...init,
      credentials: 'same-origin',
      headers: init.body ? { 'Content-Type': 'application/json' } : undefined,
    });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new UnreachableError((error as Error).message);
  }
  // A proxy in front of a restarting server answers for it.
  if (response.status === 502 || response.status === 503 || response.status === 504) throw new UnreachableError(response.statusText);
  const text = await response.text();
  const body = text ? (JSON.parse(text) as unknown) : undefined;
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string; details?: Record<string, unknown> } } | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? 'INTERNAL', error?.message ?? response.statusText, error?.details);
  }
  return body as T;
}

export interface BatchBody {
  creates?: Array<Record<string, unknown>>;
  updates?: Array<{ id: string; values: Record<string, unknown> }>;
  deletes?: string[];
  /** Coerce text the way a typed value is (paste): the server's field types decide. */
  typecast?: boolean;
}

export interface BatchResult {
  created: GridRowData[];
  updated: GridRowData[];
  deleted: string[];
}

/** A block of the view: `total` counts the grid's rows (group headers too), `records` the records. */
export interface RowBlock {
  rows: GridRowData[];
  total: number;
  records: number;
  grouped: boolean;
}

/** What narrows or lays out the rows besides the view: the search box, the groups this person collapsed. */
export interface RowsQueryState {
  search: string;
  collapsed: ReadonlySet<string>;
}

/** The grid's HTTP side: blocks of the view's rows, positions, bulk edits, new records, the summary bar. */
export class RowsClient {
  constructor(
    private readonly tableId: string,
    private readonly viewId: string | null,
    private readonly localSorts: () => readonly ViewSort[] | null,
    private readonly state: () => RowsQueryState = () => ({ search: '', collapsed: new Set() }),
  ) {}

  private query(extra: Record<string, string>): URLSearchParams {
    const query = new URLSearchParams(extra);
    if (this.viewId) query.set('view', this.viewId);
    const sorts = this.localSorts();
    if (sorts) query.set('sort', sorts.map((sort) => `${sort.field}:${sort.direction}`).join(','));
    const { search, collapsed } = this.state();
    if (search) query.set('search', search);
    if (collapsed.size) query.set('collapsed', [...collapsed].slice(-500).join(','));
    return query;
  }

  rows(start: number, limit: number, signal?: AbortSignal): Promise<RowBlock> {
    return call(`/tables/${this.tableId}/rows?${this.query({ start: String(start), limit: String(limit) })}`, { signal });
  }

  /** The summary bar's numbers for these choices (what the grid shows, a change being saved included). */
  summary(summaries: Readonly<Record<string, string>>, signal?: AbortSignal): Promise<SummaryData> {
    const chosen = Object.entries(summaries).map(([fieldId, aggregate]) => `${fieldId}:${aggregate}`).join(',');
    return call(`/tables/${this.tableId}/summary?${this.query({ summaries: chosen })}`, { signal });
  }

  async position(recordId: string): Promise<number | null> {
    return (await call<{ position: number | null }>(`/tables/${this.tableId}/rows/position?${this.query({ recordId })}`)).position;
  }

  batch(body: BatchBody): Promise<BatchResult> {
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
