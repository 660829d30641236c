/**
 * The browser's door to the REST API (`/api/v1/...`) with the session cookie. Errors come
 * back as `ApiError` carrying the API's `{error: {code, message, details}}`, so a dialog can
 * show the server's own reason next to its translated summary.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Sent as JSON; FormData goes as it is (multipart, the browser sets the boundary). */
  body?: unknown;
  signal?: AbortSignal;
  /** Tests pass their own; the browser's global fetch otherwise. */
  fetch?: typeof fetch;
}

/** Status 0: the request never got an answer (offline, server down). */
export const NETWORK_ERROR = 'NETWORK';

export async function apiRequest<T>(path: string, { method = 'GET', body, signal, fetch: fetchImpl = fetch }: ApiRequest = {}): Promise<T> {
  const raw = body === undefined || (typeof FormData !== 'undefined' && body instanceof FormData);
  let response: Response;
  try {
    response = await fetchImpl(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers: raw ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: raw ? (body as FormData | undefined) : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error; // the caller gave up; not a failure to report
    throw new ApiError(0, NETWORK_ERROR, error instanceof Error ? error.message : String(error));
  }
  const text = await response.text();
  const json = text ? parseJson(text) : undefined;
  if (!response.ok) {
    const error = (json as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
    throw new ApiError(
      response.status,
      typeof error?.code === 'string' ? error.code : `HTTP_${response.status}`,
      typeof error?.message === 'string' ? error.message : response.statusText,
      error?.details && typeof error.details === 'object' ? (error.details as Record<string, unknown>) : undefined,
    );
  }
  return json as T;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // A proxy's HTML error page, say: keep the text so the message shows something.
    if (error instanceof SyntaxError) return { error: { message: text.slice(0, 200) } };
    throw error;
  }
}

/** `apiPath\`/tables/${id}/fields\`` with every interpolated part URL-encoded. */
export function apiPath(strings: TemplateStringsArray, ...parts: Array<string | number>): string {
  return strings.reduce((path, chunk, index) => path + chunk + (index < parts.length ? encodeURIComponent(String(parts[index])) : ''), '');
}
