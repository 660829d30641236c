import { expect } from 'vitest';
import { ApiClient, type ApiResponse } from './test-server.ts';

export const PASSWORD = 'correct-horse-battery';

let counter = 0;
/** A fresh, readable email per call, unique within the test process. */
export function uniqueEmail(name = 'user'): string {
  counter += 1;
  return `${name}-${counter}-${process.pid}@example.com`;
}

export interface SignedUp {
  client: ApiClient;
  user: { id: string; email: string; name: string; isAdmin: boolean };
}

/** Signs a new person up through the API; the client keeps their session cookie. */
export async function signUp(baseUrl: string, name = 'Ada', email = uniqueEmail(name.toLowerCase())): Promise<SignedUp> {
  const client = new ApiClient(baseUrl);
  const res = await client.post('/auth/signup', { email, password: PASSWORD, name });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { client, user: res.body.user };
}

/** A client holding a personal access token minted by `owner`'s session. */
export async function tokenClient(owner: ApiClient, body: Record<string, unknown> = { name: 'script' }): Promise<ApiClient> {
  const res = await owner.post('/tokens', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return new ApiClient(owner.baseUrl, res.body.token);
}

export async function createBase(client: ApiClient, name = 'Customers'): Promise<{ id: string; name: string; role: string; timeZone: string }> {
  const res = await client.post('/bases', { name });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** A table created over the API (201 asserted), with its field ids by field name. */
export async function postTable(
  client: ApiClient,
  baseId: string,
  body: { name: string; fields: ReadonlyArray<Record<string, unknown>> },
): Promise<{ id: string; field: Record<string, string> }> {
  const res = await client.post(`/bases/${baseId}/tables`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.id, field: Object.fromEntries(res.body.fields.map((f: { id: string; name: string }) => [f.name, f.id])) };
}

/** Asserts the API's error shape and returns the code. */
export function expectError(res: ApiResponse, status: number, code?: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body?.error?.message).toEqual(expect.any(String));
  if (code) expect(res.body.error.code).toBe(code);
}
