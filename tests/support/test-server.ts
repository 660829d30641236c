import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type StartOptions, type TesseraServer } from '../../server/http/create-server.ts';
import type { Config } from '../../server/config.ts';

/** A real server on a random loopback port over a fresh SQLite file in a temp dir. */
export async function startTestServer(
  overrides: Partial<Config> = {},
  options: StartOptions = { ui: 'none' },
): Promise<TesseraServer & { dataDir: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-test-'));
  const config: Config = { port: 0, host: '127.0.0.1', dataDir, secureCookies: false, ...overrides };
  const tessera = await startServer(config, options);
  return {
    ...tessera,
    dataDir,
    async close() {
      await tessera.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small JSON client for the REST API, with a bearer token or a session cookie. */
export class ApiClient {
  cookie?: string;
  constructor(readonly baseUrl: string, public token?: string) {}

  async request<T = any>(method: string, urlPath: string, body?: unknown, init: RequestInit = {}): Promise<ApiResponse<T>> {
    const headers = new Headers(init.headers);
    if (this.token) headers.set('Authorization', `Bearer ${this.token}`);
    if (this.cookie) headers.set('Cookie', this.cookie);
    if (body !== undefined && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
    const response = await fetch(`${this.baseUrl}/api/v1${urlPath}`, {
      ...init,
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Non-JSON bodies (files) are returned as text.
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = any>(p: string) { return this.request<T>('GET', p); }
  post<T = any>(p: string, body?: unknown) { return this.request<T>('POST', p, body ?? {}); }
  patch<T = any>(p: string, body?: unknown) { return this.request<T>('PATCH', p, body ?? {}); }
  delete<T = any>(p: string) { return this.request<T>('DELETE', p); }
}
