import { CUSTOMER_BENCH_FIELDS, customerChunks } from './crm-rows.ts';

/** A bearer-token JSON client for benchmarks, every request bounded in time. */
export class BenchClient {
  constructor(readonly url: string, readonly token?: string, private cookie?: string) {}

  async call<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = {};
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    if (this.cookie) headers.Cookie = this.cookie;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${this.url}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(120_000),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await response.text();
    const parsed = text ? JSON.parse(text) : undefined;
    if (response.status >= 400) throw new Error(`${method} ${path} → ${response.status} ${text.slice(0, 300)}`);
    return { status: response.status, body: parsed as T };
  }
}

export const BENCH_ADMIN = { TESSERA_ADMIN_EMAIL: 'bench@example.com', TESSERA_ADMIN_PASSWORD: 'bench-password-1' };

/** A client with a token the bench admin signs in and mints. */
export async function adminTokenClient(url: string): Promise<BenchClient> {
  const session = new BenchClient(url);
  await session.call('POST', '/auth/login', { email: BENCH_ADMIN.TESSERA_ADMIN_EMAIL, password: BENCH_ADMIN.TESSERA_ADMIN_PASSWORD });
  const token = await session.call<{ token: string }>('POST', '/tokens', { name: 'bench' });
  return new BenchClient(url, token.body.token);
}

/** Signs in as the bench admin, mints a token, and creates a base with the customers table. */
export async function prepareCustomerTable(url: string): Promise<{ api: BenchClient; tableId: string; fieldIds: Map<string, string> }> {
  const api = await adminTokenClient(url);
  const base = await api.call<{ id: string }>('POST', '/bases', { name: 'Bench' });
  const table = await api.call<{ id: string; fields: Array<{ id: string; name: string }> }>('POST', `/bases/${base.body.id}/tables`, {
    name: 'Customers',
    fields: CUSTOMER_BENCH_FIELDS,
  });
  return { api, tableId: table.body.id, fieldIds: new Map(table.body.fields.map((f) => [f.name, f.id])) };
}

/** Creates `total` customers through POST …/records in batches of 1,000; returns rows/s. */
export async function createCustomersViaRest(api: BenchClient, tableId: string, total: number): Promise<number> {
  let ms = 0;
  for await (const chunk of customerChunks(total)) {
    for (let start = 0; start < chunk.length; start += 1000) {
      const records = chunk.slice(start, start + 1000).map((fields) => ({ fields }));
      const t0 = performance.now();
      await api.call('POST', `/tables/${tableId}/records`, { records, typecast: true });
      ms += performance.now() - t0;
    }
  }
  return Math.round(total / (ms / 1000));
}
