import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer } from '../support/test-server.ts';
import { createBase, expectError, signUp, type SignedUp } from '../support/fixtures.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('bases', () => {
  let server: Server;
  let owner: SignedUp;
  let stranger: SignedUp;
  beforeAll(async () => {
    server = await startTestServer();
    owner = await signUp(server.url, 'Owner');
    stranger = await signUp(server.url, 'Stranger');
  });
  afterAll(async () => { await server.close(); });

  it('creates a base owned by its creator, in UTC unless told', async () => {
    const base = await createBase(owner.client, '  华东客户  ');
    expect(base).toMatchObject({ id: expect.stringMatching(/^bas/), name: '华东客户', role: 'owner', timeZone: 'UTC' });
    const zoned = await owner.client.post('/bases', { name: 'Shanghai', timeZone: 'asia/shanghai' });
    expect(zoned.body.timeZone).toBe('Asia/Shanghai');
    expectError(await owner.client.post('/bases', { name: 'Mars', timeZone: 'Mars/Olympus' }), 400, 'INVALID_REQUEST');
    expectError(await owner.client.post('/bases', { name: '' }), 400, 'INVALID_REQUEST');
    expectError(await new ApiClient(server.url).post('/bases', { name: 'Anon' }), 401, 'UNAUTHENTICATED');

    const listed = await owner.client.get('/bases');
    expect(listed.body.bases).toEqual(expect.arrayContaining([expect.objectContaining({ id: base.id, name: '华东客户', role: 'owner' })]));
    expect((await stranger.client.get('/bases')).body).toEqual({ bases: [] });
    expect((await owner.client.get(`/bases/${base.id}`)).body).toMatchObject({ id: base.id, role: 'owner', createdAt: expect.any(String) });
  });

  it('hides a base from strangers with 404 on every route', async () => {
    const base = await createBase(owner.client, 'Secret');
    const notFound = await stranger.client.get(`/bases/${base.id}`);
    expectError(notFound, 404, 'NOT_FOUND');
    expect((await stranger.client.get('/bases/basDoesNotExist0')).body).toEqual(notFound.body);
    expectError(await stranger.client.patch(`/bases/${base.id}`, { name: 'Mine' }), 404);
    expectError(await stranger.client.delete(`/bases/${base.id}`), 404);
    expectError(await stranger.client.get(`/bases/${base.id}/members`), 404);
    expectError(await stranger.client.post(`/bases/${base.id}/members`, { email: stranger.user.email, role: 'owner' }), 404);
  });

  it('lets only owners rename and re-zone a base', async () => {
    const base = await createBase(owner.client, 'Leads');
    const editor = await signUp(server.url, 'Editor');
    await owner.client.post(`/bases/${base.id}/members`, { email: editor.user.email, role: 'editor' });
    expectError(await editor.client.patch(`/bases/${base.id}`, { name: 'Mine' }), 403, 'FORBIDDEN');
    expect((await editor.client.get(`/bases/${base.id}`)).body.role).toBe('editor');
    const renamed = await owner.client.patch(`/bases/${base.id}`, { name: 'Hot leads', timeZone: 'Asia/Shanghai' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Hot leads', timeZone: 'Asia/Shanghai', role: 'owner' });
    expectError(await owner.client.patch(`/bases/${base.id}`, { timeZone: 'nowhere' }), 400);
    const audit = server.ctx.db.all(server.ctx.db.kysely.selectFrom('audit_log').selectAll().where('base_id', '=', base.id).where('action', '=', 'base.updated'));
    expect(audit.map((row) => JSON.parse(row.details))).toEqual([{ name: ['Leads', 'Hot leads'], timeZone: ['UTC', 'Asia/Shanghai'] }]);
  });

  it('deletes a base with its tables, for owners only', async () => {
    const base = await createBase(owner.client, 'Doomed');
    const editor = await signUp(server.url, 'Editor2');
    await owner.client.post(`/bases/${base.id}/members`, { email: editor.user.email, role: 'editor' });
    const created = await owner.client.post(`/bases/${base.id}/tables`, { name: 'Leads', fields: [{ name: 'Company', type: 'singleLineText' }] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const tableId: string = created.body.id;
    const db = server.ctx.db;
    const sqlTable = () => db.sqlite.prepare('SELECT name FROM sqlite_master WHERE type = ? AND name = ?').get('table', `t_${tableId}`);
    expect(sqlTable()).toBeDefined();

    expectError(await editor.client.delete(`/bases/${base.id}`), 403, 'FORBIDDEN');
    expect((await owner.client.delete(`/bases/${base.id}`)).status).toBe(204);
    expectError(await owner.client.get(`/bases/${base.id}`), 404);
    expect(db.first(db.kysely.selectFrom('tables').selectAll().where('id', '=', tableId))).toBeUndefined();
    expect(sqlTable()).toBeUndefined();
    expectError(await owner.client.get(`/tables/${tableId}/records`), 404);
    expect(db.all(db.kysely.selectFrom('base_members').selectAll().where('base_id', '=', base.id))).toEqual([]);
    const audit = db.all(db.kysely.selectFrom('audit_log').select(['action', 'actor_id']).where('base_id', '=', base.id).orderBy('id'));
    expect(audit.map((row) => row.action)).toEqual(['base.created', 'member.added', 'table.created', 'base.deleted']);
  });
});
