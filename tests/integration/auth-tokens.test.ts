import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../server/auth/secrets.ts';
import { ApiClient, startTestServer } from '../support/test-server.ts';
import { createBase, expectError, signUp, tokenClient, type SignedUp } from '../support/fixtures.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('personal access tokens', () => {
  let server: Server;
  let ada: SignedUp;
  beforeAll(async () => {
    server = await startTestServer();
    ada = await signUp(server.url, 'Ada');
  });
  afterAll(async () => { await server.close(); });

  it('shows the secret once and stores only its hash', async () => {
    const created = await ada.client.post('/tokens', { name: 'CRM sync' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^tok/), name: 'CRM sync', token: expect.stringMatching(/^tsr_[0-9A-Za-z]{43}$/),
      scopes: ['data.records:read', 'data.records:write', 'schema.bases:read', 'schema.bases:write'], baseIds: null,
    });
    const listed = await ada.client.get('/tokens');
    expect(listed.body.tokens).toEqual([expect.objectContaining({ id: created.body.id, name: 'CRM sync', lastUsedAt: null })]);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);

    const row = server.ctx.db.first(server.ctx.db.kysely.selectFrom('api_tokens').selectAll().where('id', '=', created.body.id))!;
    expect(row.token_hash).toBe(sha256(created.body.token));
    expect(JSON.stringify(row)).not.toContain(created.body.token);

    const viaToken = new ApiClient(server.url, created.body.token);
    const me = await viaToken.get('/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { id: ada.user.id }, auth: { via: 'token' } });
    const used = server.ctx.db.first(server.ctx.db.kysely.selectFrom('api_tokens').select('last_used_at').where('id', '=', created.body.id))!;
    expect(used.last_used_at).not.toBeNull();
  });

  it('judges a request by its Authorization header alone', async () => {
    const bad = new ApiClient(server.url, 'tsr_thisIsNotARealTokenAtAll');
    bad.cookie = ada.client.cookie; // a valid session does not rescue a bad token
    expectError(await bad.get('/auth/me'), 401, 'UNAUTHENTICATED');
    const basic = await new ApiClient(server.url).request('GET', '/auth/me', undefined, { headers: { Authorization: 'Basic YTpi' } });
    expectError(basic, 401, 'UNAUTHENTICATED');
    expectError(await new ApiClient(server.url, 'garbage').get('/bases'), 401);
  });

  it('cannot mint, list or revoke tokens with a token', async () => {
    const script = await tokenClient(ada.client);
    expectError(await script.post('/tokens', { name: 'child' }), 403, 'FORBIDDEN');
    expectError(await script.get('/tokens'), 403, 'FORBIDDEN');
    expectError(await new ApiClient(server.url).post('/tokens', { name: 'anon' }), 401, 'UNAUTHENTICATED');
  });

  it('stops working once revoked', async () => {
    const created = (await ada.client.post('/tokens', { name: 'temporary' })).body;
    const viaToken = new ApiClient(server.url, created.token);
    expect((await viaToken.get('/bases')).status).toBe(200);
    expect((await ada.client.delete(`/tokens/${created.id}`)).status).toBe(204);
    expectError(await viaToken.get('/bases'), 401, 'UNAUTHENTICATED');
    expectError(await ada.client.delete(`/tokens/${created.id}`), 404, 'NOT_FOUND');
    // Someone else's token is not yours to revoke, nor to learn about.
    const other = await signUp(server.url, 'Other');
    const theirs = (await other.client.post('/tokens', { name: 'theirs' })).body;
    expectError(await ada.client.delete(`/tokens/${theirs.id}`), 404, 'NOT_FOUND');
  });

  it('enforces scopes on base routes', async () => {
    const base = await createBase(ada.client, 'Scoped');
    const recordsOnly = await tokenClient(ada.client, { name: 'records only', scopes: ['data.records:read'] });
    expectError(await recordsOnly.get(`/bases/${base.id}`), 403, 'FORBIDDEN');
    expectError(await recordsOnly.get('/bases'), 403, 'FORBIDDEN');
    expectError(await recordsOnly.post('/bases', { name: 'Nope' }), 403, 'FORBIDDEN');
    const readSchema = await tokenClient(ada.client, { name: 'schema read', scopes: ['schema.bases:read'] });
    expect((await readSchema.get(`/bases/${base.id}`)).status).toBe(200);
    expectError(await readSchema.patch(`/bases/${base.id}`, { name: 'Renamed' }), 403, 'FORBIDDEN');
    expectError(await readSchema.delete(`/bases/${base.id}`), 403, 'FORBIDDEN');
    expectError(await ada.client.post('/tokens', { name: 'x', scopes: ['admin'] }), 400, 'INVALID_REQUEST');
  });

  it('limits a token to its bases: others look like they do not exist', async () => {
    const allowed = await createBase(ada.client, 'Allowed');
    const hidden = await createBase(ada.client, 'Hidden');
    const limited = await tokenClient(ada.client, { name: 'one base', baseIds: [allowed.id] });
    expect((await limited.get(`/bases/${allowed.id}`)).status).toBe(200);
    expectError(await limited.get(`/bases/${hidden.id}`), 404, 'NOT_FOUND');
    expectError(await limited.get(`/bases/${hidden.id}/members`), 404, 'NOT_FOUND');
    expect((await limited.get('/bases')).body.bases.map((b: { id: string }) => b.id)).toEqual([allowed.id]);
    expectError(await limited.post('/bases', { name: 'Sneaky' }), 403, 'FORBIDDEN');

    const stranger = await signUp(server.url, 'Stranger');
    const foreign = await stranger.client.post('/tokens', { name: 'theirs', baseIds: [allowed.id] });
    expectError(foreign, 400, 'INVALID_REQUEST');
    const unknown = await stranger.client.post('/tokens', { name: 'theirs', baseIds: ['basDoesNotExist'] });
    expect(unknown.body.error.message.replace('basDoesNotExist', allowed.id)).toBe(foreign.body.error.message);
  });

  it('writes audit rows for created and deleted tokens without the secret', async () => {
    const created = (await ada.client.post('/tokens', { name: 'audited' })).body;
    await ada.client.delete(`/tokens/${created.id}`);
    const rows = server.ctx.db.all(server.ctx.db.kysely.selectFrom('audit_log').selectAll().where('target', '=', created.id).orderBy('id'));
    expect(rows.map((row) => row.action)).toEqual(['token.created', 'token.deleted']);
    expect(rows.every((row) => row.actor_id === ada.user.id && !row.details.includes(created.token))).toBe(true);
  });
});
