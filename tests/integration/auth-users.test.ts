import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer } from '../support/test-server.ts';
import { expectError, PASSWORD, signUp, uniqueEmail, type SignedUp } from '../support/fixtures.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('accounts created by the admin', () => {
  let server: Server;
  let admin: SignedUp;
  let member: SignedUp;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await signUp(server.url, 'Admin');
    member = await signUp(server.url, 'Member');
  });
  afterAll(async () => { await server.close(); });

  it('lets the admin create an account that can sign in', async () => {
    const email = uniqueEmail('sales');
    const created = await admin.client.post('/users', { email, password: PASSWORD, name: '李销售' });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({ email, name: '李销售', isAdmin: false });
    expect((await new ApiClient(server.url).post('/auth/login', { email, password: PASSWORD })).status).toBe(200);
    expectError(await admin.client.post('/users', { email, password: PASSWORD, name: 'Again' }), 409, 'CONFLICT');
    const audit = server.ctx.db.first(server.ctx.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'user.created'))!;
    expect(audit).toMatchObject({ actor_id: admin.user.id, target: created.body.user.id });
  });

  it('refuses everyone else', async () => {
    const body = { email: uniqueEmail(), password: PASSWORD, name: 'X' };
    expectError(await member.client.post('/users', body), 403, 'FORBIDDEN');
    expectError(await new ApiClient(server.url).post('/users', body), 401, 'UNAUTHENTICATED');
    expectError(await member.client.get('/users'), 403, 'FORBIDDEN');
    const adminToken = (await admin.client.post('/tokens', { name: 'admin token' })).body.token as string;
    expectError(await new ApiClient(server.url, adminToken).post('/users', body), 403, 'FORBIDDEN');
  });

  it('lists accounts for the admin without password hashes', async () => {
    const listed = await admin.client.get('/users');
    expect(listed.status).toBe(200);
    expect(listed.body.users.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(listed.body)).not.toContain('scrypt');
  });
});
