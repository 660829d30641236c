import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/test-server.ts';
import { createBase, expectError, signUp, tokenClient, type SignedUp } from '../support/fixtures.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('base members', () => {
  let server: Server;
  let owner: SignedUp;
  let editor: SignedUp;
  let viewer: SignedUp;
  let stranger: SignedUp;
  let baseId: string;
  beforeAll(async () => {
    server = await startTestServer();
    owner = await signUp(server.url, 'Owner');
    editor = await signUp(server.url, 'Editor');
    viewer = await signUp(server.url, 'Viewer');
    stranger = await signUp(server.url, 'Stranger');
    baseId = (await createBase(owner.client, 'Team')).id;
  });
  afterAll(async () => { await server.close(); });

  it('adds existing accounts by email with a role', async () => {
    const added = await owner.client.post(`/bases/${baseId}/members`, { email: editor.user.email.toUpperCase(), role: 'editor' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ userId: editor.user.id, email: editor.user.email, role: 'editor' });
    await owner.client.post(`/bases/${baseId}/members`, { email: viewer.user.email, role: 'viewer' });

    const unknown = await owner.client.post(`/bases/${baseId}/members`, { email: 'nobody@example.com', role: 'viewer' });
    expectError(unknown, 404, 'NOT_FOUND');
    expect(unknown.body.error.message).toContain('nobody@example.com');
    expectError(await owner.client.post(`/bases/${baseId}/members`, { email: editor.user.email, role: 'viewer' }), 409, 'CONFLICT');
    expectError(await owner.client.post(`/bases/${baseId}/members`, { email: stranger.user.email, role: 'boss' }), 400, 'INVALID_REQUEST');

    const listed = await viewer.client.get(`/bases/${baseId}/members`);
    expect(listed.status).toBe(200);
    expect(listed.body.members.map((m: { userId: string; role: string }) => [m.userId, m.role])).toEqual([
      [owner.user.id, 'owner'], [editor.user.id, 'editor'], [viewer.user.id, 'viewer'],
    ]);
    expect((await editor.client.get('/bases')).body.bases).toEqual([expect.objectContaining({ id: baseId, role: 'editor' })]);
  });

  it('lets only owners manage members; strangers see 404', async () => {
    expectError(await editor.client.post(`/bases/${baseId}/members`, { email: stranger.user.email, role: 'viewer' }), 403, 'FORBIDDEN');
    expectError(await editor.client.patch(`/bases/${baseId}/members/${viewer.user.id}`, { role: 'editor' }), 403, 'FORBIDDEN');
    expectError(await viewer.client.delete(`/bases/${baseId}/members/${editor.user.id}`), 403, 'FORBIDDEN');
    expectError(await stranger.client.delete(`/bases/${baseId}/members/${viewer.user.id}`), 404, 'NOT_FOUND');
    expectError(await stranger.client.patch(`/bases/${baseId}/members/${viewer.user.id}`, { role: 'owner' }), 404, 'NOT_FOUND');
    expectError(await owner.client.patch(`/bases/${baseId}/members/${stranger.user.id}`, { role: 'viewer' }), 404, 'NOT_FOUND');
    const readOnly = await tokenClient(owner.client, { name: 'read', scopes: ['schema.bases:read'] });
    expect((await readOnly.get(`/bases/${baseId}/members`)).status).toBe(200);
    expectError(await readOnly.post(`/bases/${baseId}/members`, { email: stranger.user.email, role: 'viewer' }), 403, 'FORBIDDEN');
  });

  it('changes roles, and never leaves a base without an owner', async () => {
    expectError(await owner.client.patch(`/bases/${baseId}/members/${owner.user.id}`, { role: 'editor' }), 409, 'CONFLICT');
    expectError(await owner.client.delete(`/bases/${baseId}/members/${owner.user.id}`), 409, 'CONFLICT');

    const promoted = await owner.client.patch(`/bases/${baseId}/members/${editor.user.id}`, { role: 'owner' });
    expect(promoted.body).toMatchObject({ userId: editor.user.id, role: 'owner' });
    // Two owners now: the first may step down, and the second is then the last.
    expect((await owner.client.patch(`/bases/${baseId}/members/${owner.user.id}`, { role: 'editor' })).body.role).toBe('editor');
    expectError(await editor.client.patch(`/bases/${baseId}/members/${editor.user.id}`, { role: 'viewer' }), 409, 'CONFLICT');
    expectError(await owner.client.patch(`/bases/${baseId}/members/${editor.user.id}`, { role: 'viewer' }), 403, 'FORBIDDEN');
    expect((await editor.client.patch(`/bases/${baseId}/members/${owner.user.id}`, { role: 'owner' })).body.role).toBe('owner');
  });

  it('lets any member leave, and owners remove others', async () => {
    expect((await viewer.client.delete(`/bases/${baseId}/members/${viewer.user.id}`)).status).toBe(204);
    expectError(await viewer.client.get(`/bases/${baseId}`), 404);
    expect((await owner.client.delete(`/bases/${baseId}/members/${editor.user.id}`)).status).toBe(204);
    expectError(await owner.client.delete(`/bases/${baseId}/members/${editor.user.id}`), 404, 'NOT_FOUND');
    expect((await owner.client.get(`/bases/${baseId}/members`)).body.members.map((m: { userId: string }) => m.userId)).toEqual([owner.user.id]);
  });

  it('records every membership change in the audit log', () => {
    const db = server.ctx.db;
    const rows = db.all(db.kysely.selectFrom('audit_log').selectAll().where('base_id', '=', baseId).orderBy('id'));
    expect(rows.map((row) => [row.action, row.target])).toEqual([
      ['base.created', baseId],
      ['member.added', editor.user.id],
      ['member.added', viewer.user.id],
      ['member.updated', editor.user.id],
      ['member.updated', owner.user.id],
      ['member.updated', owner.user.id],
      ['member.removed', viewer.user.id],
      ['member.removed', editor.user.id],
    ]);
    expect(JSON.parse(rows[3]!.details)).toMatchObject({ role: ['editor', 'owner'] });
    expect(rows[6]!.actor_id).toBe(viewer.user.id);
  });
});
