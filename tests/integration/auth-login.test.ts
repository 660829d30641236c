import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../server/auth/secrets.ts';
import { ApiClient, startTestServer } from '../support/test-server.ts';
import { expectError, PASSWORD, signUp } from '../support/fixtures.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('login and logout', () => {
  let server: Server;
  beforeAll(async () => { server = await startTestServer(); });
  afterAll(async () => { await server.close(); });

  it('signs in, keeps the session and signs out', async () => {
    const { user } = await signUp(server.url, 'Lin');
    const client = new ApiClient(server.url);
    expectError(await client.get('/auth/me'), 401, 'UNAUTHENTICATED');

    const login = await client.post('/auth/login', { email: `  ${user.email.toUpperCase()} `, password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ id: user.id, email: user.email });
    expect(login.body.user.passwordHash).toBeUndefined();
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect((await client.get('/auth/me')).status).toBe(200);

    // Only the hash of the cookie is stored.
    const token = client.cookie!.split('=')[1]!;
    const stored = server.ctx.db.all(server.ctx.db.kysely.selectFrom('sessions').selectAll().where('user_id', '=', user.id));
    expect(stored.map((row) => row.id_hash)).toContain(sha256(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    const stolen = new ApiClient(server.url);
    stolen.cookie = client.cookie;
    const logout = await client.post('/auth/logout');
    expect(logout.status).toBe(204);
    expect(logout.headers.get('set-cookie')).toMatch(/^tessera_session=; Path=\/; Max-Age=0/);
    // The old cookie is dead server-side too, not just forgotten by the browser.
    expectError(await stolen.get('/auth/me'), 401);
    expect((await new ApiClient(server.url).post('/auth/logout')).status).toBe(204);
  });

  it('answers a wrong password and an unknown email the same way', async () => {
    const { user } = await signUp(server.url, 'Wang');
    const client = new ApiClient(server.url);
    const wrong = await client.post('/auth/login', { email: user.email, password: 'not-the-password' });
    const unknown = await client.post('/auth/login', { email: 'nobody@example.com', password: 'not-the-password' });
    expectError(wrong, 401, 'UNAUTHENTICATED');
    expectError(unknown, 401, 'UNAUTHENTICATED');
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expectError(await client.post('/auth/login', { email: user.email }), 400, 'INVALID_REQUEST');
  });

  it('rate limits repeated failures per IP and email, even with the right password', async () => {
    const { user } = await signUp(server.url, 'Zhao');
    const client = new ApiClient(server.url);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await client.post('/auth/login', { email: user.email, password: `guess-${i}-xx` })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const blocked = await client.post('/auth/login', { email: user.email, password: PASSWORD });
    expectError(blocked, 429, 'RATE_LIMITED');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.body.error.details.retryAfterSeconds).toBeGreaterThan(0);
    // Another account from the same address is not affected.
    const other = await signUp(server.url, 'Qian');
    expect((await client.post('/auth/login', { email: other.user.email, password: PASSWORD })).status).toBe(200);
  });

  it('rejects and purges an expired session', async () => {
    const { client, user } = await signUp(server.url, 'Sun');
    const hash = sha256(client.cookie!.split('=')[1]!);
    const db = server.ctx.db;
    db.run(db.kysely.updateTable('sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('id_hash', '=', hash));
    expectError(await client.get('/auth/me'), 401);
    expect(db.first(db.kysely.selectFrom('sessions').selectAll().where('id_hash', '=', hash))).toBeUndefined();
    expect(user.id).toBeTruthy();
  });

  it('ignores a forged or malformed cookie', async () => {
    const client = new ApiClient(server.url);
    client.cookie = 'tessera_session=forged';
    expectError(await client.get('/auth/me'), 401);
    client.cookie = 'tessera_session=%E0%A4%A';
    expectError(await client.get('/auth/me'), 401);
  });
});

describe('the signed-in account', () => {
  let server: Server;
  beforeAll(async () => { server = await startTestServer(); });
  afterAll(async () => { await server.close(); });

  it('changes its name and language', async () => {
    const { client } = await signUp(server.url, 'Zhou');
    const changed = await client.patch('/auth/me', { name: '周小姐', locale: 'zh-CN' });
    expect(changed.status).toBe(200);
    expect(changed.body.user).toMatchObject({ name: '周小姐', locale: 'zh-CN' });
    expect((await client.patch('/auth/me', { locale: null })).body.user.locale).toBeNull();
    expectError(await client.patch('/auth/me', { locale: 'fr' }), 400, 'INVALID_REQUEST');
    expectError(await client.patch('/auth/me', { email: 'x@example.com' }), 400, 'INVALID_REQUEST');
    const token = (await client.post('/tokens', { name: 'profile' })).body.token as string;
    const viaToken = new ApiClient(server.url, token);
    expect((await viaToken.get('/auth/me')).body.auth.via).toBe('token');
    expectError(await viaToken.patch('/auth/me', { name: 'Hacker' }), 403, 'FORBIDDEN');
  });

  it('changes the password and ends every other session', async () => {
    const { client, user } = await signUp(server.url, 'Wu');
    const laptop = new ApiClient(server.url);
    await laptop.post('/auth/login', { email: user.email, password: PASSWORD });
    expectError(await client.post('/auth/password', { currentPassword: 'wrong-password', newPassword: 'new-password-1' }), 400, 'INVALID_REQUEST');
    expectError(await client.post('/auth/password', { currentPassword: PASSWORD, newPassword: 'short' }), 400, 'INVALID_REQUEST');

    const changed = await client.post('/auth/password', { currentPassword: PASSWORD, newPassword: 'new-password-1' });
    expect(changed.status).toBe(204);
    expect(changed.headers.get('set-cookie')).toMatch(/^tessera_session=\w+;/);
    expect((await client.get('/auth/me')).status).toBe(200);
    expectError(await laptop.get('/auth/me'), 401);
    expectError(await new ApiClient(server.url).post('/auth/login', { email: user.email, password: PASSWORD }), 401);
    expect((await new ApiClient(server.url).post('/auth/login', { email: user.email, password: 'new-password-1' })).status).toBe(200);
    const token = (await client.post('/tokens', { name: 't' })).body.token as string;
    expectError(await new ApiClient(server.url, token).post('/auth/password', { currentPassword: 'new-password-1', newPassword: 'x-password-2' }), 403);
  });
});
