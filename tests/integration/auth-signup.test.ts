import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureAdminFromConfig } from '../../server/auth/bootstrap.ts';
import { ApiClient, startTestServer } from '../support/test-server.ts';
import { expectError, PASSWORD, signUp, uniqueEmail } from '../support/fixtures.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('sign-up', () => {
  let server: Server;
  beforeAll(async () => { server = await startTestServer(); });
  afterAll(async () => { await server.close(); });

  it('makes the first person admin and nobody after', async () => {
    const first = await signUp(server.url, 'First', 'First@Example.com ');
    expect(first.user).toMatchObject({ email: 'first@example.com', name: 'First', isAdmin: true });
    const second = await signUp(server.url, 'Second');
    expect(second.user.isAdmin).toBe(false);
    const me = await second.client.get('/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(second.user.id);
    expect(me.body.auth.via).toBe('session');
  });

  it('sets an HttpOnly, SameSite=Lax session cookie without Secure on plain HTTP', async () => {
    const res = await new ApiClient(server.url).post('/auth/signup', { email: uniqueEmail(), password: PASSWORD, name: 'Cookie' });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^tessera_session=[0-9A-Za-z]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).toMatch(/Max-Age=259\d{4}/);
    expect(cookie).not.toContain('Secure');
  });

  it('refuses a taken email (whatever its case), a short password and bad input', async () => {
    const { user } = await signUp(server.url, 'Taken');
    const client = new ApiClient(server.url);
    expectError(await client.post('/auth/signup', { email: user.email.toUpperCase(), password: PASSWORD, name: 'X' }), 409, 'CONFLICT');
    expectError(await client.post('/auth/signup', { email: uniqueEmail(), password: 'short', name: 'X' }), 400, 'INVALID_REQUEST');
    expectError(await client.post('/auth/signup', { email: 'not-an-email', password: PASSWORD, name: 'X' }), 400, 'INVALID_REQUEST');
    expectError(await client.post('/auth/signup', { email: uniqueEmail(), password: PASSWORD, name: '  ' }), 400, 'INVALID_REQUEST');
    expectError(await client.post('/auth/signup', { email: uniqueEmail(), password: PASSWORD, name: 'X', isAdmin: true }), 400);
    expectError(await client.post('/auth/signup', '{"email":'), 400, 'MALFORMED_JSON');
  });

  it('writes an audit row per sign-up without secrets', () => {
    const rows = server.ctx.db.all(server.ctx.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'user.signedUp'));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      expect(row.actor_id).toBe(row.target);
      expect(row.details).not.toContain(PASSWORD);
      expect(row.details).not.toContain('scrypt');
    }
  });

  it('stores passwords as salted scrypt hashes', () => {
    const rows = server.ctx.db.all(server.ctx.db.kysely.selectFrom('users').select('password_hash'));
    for (const row of rows) expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(new Set(rows.map((row) => row.password_hash)).size).toBe(rows.length);
  });
});

describe('closing sign-up', () => {
  let server: Server;
  beforeAll(async () => { server = await startTestServer(); });
  afterAll(async () => { await server.close(); });

  it('is open by default, and only an admin session can close it', async () => {
    const anonymous = new ApiClient(server.url);
    expect((await anonymous.get('/settings')).body).toEqual({ signupOpen: true });
    const admin = await signUp(server.url, 'Admin');
    const member = await signUp(server.url, 'Member');
    expectError(await member.client.patch('/settings', { signupOpen: false }), 403, 'FORBIDDEN');
    expectError(await anonymous.patch('/settings', { signupOpen: false }), 401, 'UNAUTHENTICATED');
    const adminToken = (await admin.client.post('/tokens', { name: 'admin script' })).body.token as string;
    expectError(await new ApiClient(server.url, adminToken).patch('/settings', { signupOpen: false }), 403, 'FORBIDDEN');

    const closed = await admin.client.patch('/settings', { signupOpen: false });
    expect(closed.status).toBe(200);
    expect(closed.body).toEqual({ signupOpen: false });
    expectError(await anonymous.post('/auth/signup', { email: uniqueEmail(), password: PASSWORD, name: 'Late' }), 403, 'FORBIDDEN');

    // The admin can still create accounts while sign-up is closed.
    const created = await admin.client.post('/users', { email: uniqueEmail('hired'), password: PASSWORD, name: 'Hired' });
    expect(created.status).toBe(201);

    expect((await admin.client.patch('/settings', { signupOpen: true })).body).toEqual({ signupOpen: true });
    await signUp(server.url, 'Welcome');
    const audit = server.ctx.db.all(server.ctx.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'settings.updated'));
    expect(audit.map((row) => JSON.parse(row.details))).toEqual([{ signupOpen: [true, false] }, { signupOpen: [false, true] }]);
    expect(audit.every((row) => row.actor_id === admin.user.id)).toBe(true);
  });
});

describe('admin from configuration', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startTestServer({ admin: { email: 'Boss@Example.com', password: 'boss-password-1' } });
  });
  afterAll(async () => { await server.close(); });

  it('creates the admin at start-up, once', async () => {
    const client = new ApiClient(server.url);
    const login = await client.post('/auth/login', { email: 'boss@example.com', password: 'boss-password-1' });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ email: 'boss@example.com', name: 'boss', isAdmin: true });

    await ensureAdminFromConfig(server.ctx); // a restart: no duplicate, no error
    const users = server.ctx.db.all(server.ctx.db.kysely.selectFrom('users').selectAll());
    expect(users).toHaveLength(1);
    const audit = server.ctx.db.all(server.ctx.db.kysely.selectFrom('audit_log').selectAll());
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'user.created', actor_id: null });
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ source: 'config', isAdmin: true });
  });

  it('does not make the first person to sign up admin', async () => {
    const { user } = await signUp(server.url, 'Newcomer');
    expect(user.isAdmin).toBe(false);
  });
});
