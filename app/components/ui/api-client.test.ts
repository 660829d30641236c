import { describe, expect, it } from 'vitest';
import { ApiError, apiPath, apiRequest } from './api-client.ts';

function fakeFetch(status: number, body: unknown, seen: Array<{ url: string; init: RequestInit }> = []): typeof fetch {
  return (async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return new Response(body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body), { status });
  }) as unknown as typeof fetch;
}

describe('apiRequest', () => {
  it('sends JSON with the session cookie and returns the answer', async () => {
    const seen: Array<{ url: string; init: RequestInit }> = [];
    const result = await apiRequest<{ id: string }>('/bases/b1/tables', { method: 'POST', body: { name: '客户' }, fetch: fakeFetch(201, { id: 't1' }, seen) });
    expect(result).toEqual({ id: 't1' });
    expect(seen[0]!.url).toBe('/api/v1/bases/b1/tables');
    expect(seen[0]!.init.credentials).toBe('same-origin');
    expect(seen[0]!.init.body).toBe('{"name":"客户"}');
  });

  it("throws the API's error code and message", async () => {
    const error = await apiRequest('/x', { fetch: fakeFetch(409, { error: { code: 'CONFLICT', message: 'a field named "Stage" already exists' } }) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 409, code: 'CONFLICT', message: 'a field named "Stage" already exists' });
  });

  it('reports a failure to reach the server as status 0', async () => {
    const failing = (async () => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch;
    await expect(apiRequest('/x', { fetch: failing })).rejects.toMatchObject({ status: 0, code: 'NETWORK' });
  });

  it('keeps a non-JSON error page readable', async () => {
    await expect(apiRequest('/x', { fetch: fakeFetch(502, '<h1>Bad gateway</h1>') })).rejects.toMatchObject({ status: 502, message: '<h1>Bad gateway</h1>' });
  });
});

describe('apiPath', () => {
  it('encodes interpolated ids', () => {
    expect(apiPath`/tables/${'a/b'}/records/${12}`).toBe('/tables/a%2Fb/records/12');
  });
});
