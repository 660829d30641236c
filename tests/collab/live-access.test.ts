import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordDocMessage, TableMessage } from '../../collab/client/index.ts';
import { TOKEN_SCOPES, type Actor } from '../../server/auth/actor.ts';
import { sha256 } from '../../server/auth/secrets.ts';
import { createSession, expireSessions } from '../../server/auth/sessions.service.ts';
import { createApiToken, deleteApiToken } from '../../server/auth/tokens.service.ts';
import { startCollabFixture, waitFor, within, type CollabFixture } from './support/collab-fixture.ts';

// Decision 0014: membership changes and revoked credentials take effect on open sockets.

let f: CollabFixture;
beforeEach(async () => {
  f = await startCollabFixture();
});
afterEach(async () => {
  await f.close();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A client of `token` with the table channel and one record doc open and synced. */
async function openBoth(token: string, recordId: number) {
  const client = f.client(token);
  const channelMessages: TableMessage[] = [];
  const docMessages: RecordDocMessage[] = [];
  const closed = { channel: '', doc: '' };
  let ended = '';
  client.onEnded((reason) => (ended = reason));
  const channel = client.openTable(f.table.id, { onMessage: (m) => channelMessages.push(m), onClosed: (r) => (closed.channel = r) });
  const doc = client.openRecord(f.table.id, recordId, { onMessage: (m) => docMessages.push(m), onClosed: (r) => (closed.doc = r) });
  await within('the channel to sync', 3000, (resolve) => channel.provider.on('synced', resolve));
  await within('the doc to sync', 3000, (resolve) => void doc.synced().then(resolve));
  return { client, channel, doc, channelMessages, docMessages, closed, ended: () => ended };
}

describe('a member removed from the base', () => {
  it('has their table channel and record doc closed, hears nothing more, and is refused on reconnect', async () => {
    const recordId = f.records[0]!;
    const editor = await openBoth(f.team.editor.api.token!, recordId);
    const viewer = await openBoth(f.team.viewer.api.token!, recordId);

    const removed = await f.team.owner.api.delete(`/bases/${f.team.baseId}/members/${f.team.editor.id}`);
    expect(removed.status).toBe(204);
    await waitFor('both closes', () => editor.closed.channel === 'access-revoked' && editor.closed.doc === 'access-revoked');
    expect(f.tessera.collab.hocuspocus.documents.get(`table:${f.table.id}`)?.getConnectionsCount()).toBe(1);
    // The client ends itself: its socket is shut and does not come back.
    await waitFor('the client to end', () => editor.ended() === 'access-revoked');
    expect(editor.client.socket.shouldConnect).toBe(false);

    // Others go on; the removed member receives nothing of it.
    const seenBefore = editor.channelMessages.length;
    expect((await f.team.owner.api.patch(`/tables/${f.table.id}/records/rec${recordId}`, { fields: { Name: 'after removal' } })).status).toBe(200);
    await waitFor('the viewer to get the patch', () => viewer.channelMessages.some((m) => m.type === 'patch' && m.values[f.table.name] === 'after removal'));
    await waitFor('the viewer\'s doc to follow', () => viewer.doc.fields.get(f.table.name)?.toString() === 'after removal');
    await pause(200);
    expect(editor.channelMessages.length).toBe(seenBefore);
    expect(editor.doc.fields.get(f.table.name)?.toString()).not.toBe('after removal');

    // A fresh connection with the same token is refused, table channel and record doc alike.
    const again = f.client(f.team.editor.api.token!);
    let refusedChannel = '';
    let refusedDoc = '';
    again.openTable(f.table.id, { onForbidden: (reason) => (refusedChannel = reason) });
    again.openRecord(f.table.id, recordId, { onForbidden: (reason) => (refusedDoc = reason) });
    await waitFor('the refusals', () => refusedChannel === 'forbidden' && refusedDoc === 'forbidden');
    expect(again.ended).toBe('access-revoked');
  });

  it('keeps their other bases open on the same socket', async () => {
    // A second base where the editor stays: closing is per base, not per socket.
    const other = await f.team.owner.api.post('/bases', { name: 'Elsewhere' });
    const baseId = other.body.id as string;
    expect((await f.team.owner.api.post(`/bases/${baseId}/members`, { email: f.team.editor.email, role: 'editor' })).status).toBe(201);
    const table = await f.team.owner.api.post(`/bases/${baseId}/tables`, { name: 'Leads' });
    const created = await f.team.owner.api.post(`/tables/${table.body.id}/records`, { records: [{ fields: { Name: 'Lead 1' } }] });
    const otherRecord = Number(String(created.body.records[0].id).slice(3));

    const client = f.client(f.team.editor.api.token!);
    let closedHere = '';
    let closedThere = '';
    const here = client.openRecord(f.table.id, f.records[0]!, { onClosed: (r) => (closedHere = r) });
    const there = client.openRecord(table.body.id, otherRecord, { onClosed: (r) => (closedThere = r) });
    await Promise.all([here.synced(), there.synced()]);

    await f.team.owner.api.delete(`/bases/${f.team.baseId}/members/${f.team.editor.id}`);
    await waitFor('the close in the base left', () => closedHere === 'access-revoked');
    const fieldId = table.body.fields[0].id as string;
    there.fields.set(fieldId, 'still editing');
    await waitFor('the other base to take the edit', () => {
      const row = f.tessera.ctx.db.sqlite.prepare(`SELECT "f_${fieldId}" AS v FROM "t_${table.body.id}" WHERE id = ?`).get(otherRecord) as { v: string } | undefined;
      return row?.v === 'still editing';
    });
    expect(closedThere).toBe('');
  });
});

describe('an editor lowered to viewer', () => {
  it('has the next edit over the open doc refused and not stored, and still receives updates', async () => {
    const recordId = f.records[0]!;
    const before = f.sqlValues(recordId);
    const editor = await openBoth(f.team.editor.api.token!, recordId);
    expect(editor.doc.provider.authorizedScope).toBe('read-write');
    const owner = f.client(f.team.owner.api.token).openRecord(f.table.id, recordId);
    await owner.synced();

    const lowered = await f.team.owner.api.patch(`/bases/${f.team.baseId}/members/${f.team.editor.id}`, { role: 'viewer' });
    expect(lowered.status).toBe(200);
    // The page is told to reload what it may do.
    await waitFor('the access message', () => editor.channelMessages.some((m) => m.type === 'schema' && m.kind === 'access'));

    editor.doc.fields.set(f.table.email, 'demoted@example.com');
    await waitFor('the refusal', () => editor.docMessages.some((m) => m.type === 'rejected' && m.fieldId === f.table.email && m.code === 'FORBIDDEN'));
    await pause(300);
    expect(f.sqlValues(recordId)).toEqual(before);
    expect(f.serverDocValues(recordId)).toEqual(before);
    expect(owner.fields.get(f.table.email) ?? null).toBe(before[f.table.email]);
    expect(editor.closed).toEqual({ channel: '', doc: '' });

    // Still a member: the owner's edits reach the open doc and the channel.
    owner.fields.set(f.table.amount, 42);
    await waitFor('the owner\'s edit in the demoted doc', () => editor.doc.fields.get(f.table.amount) === 42);
    await waitFor('the patch on the channel', () => editor.channelMessages.some((m) => m.type === 'patch' && m.values[f.table.amount] === 42));
    expect(f.sqlValues(recordId)[f.table.amount]).toBe(42);
  });

  it('lets a viewer raised to editor write over the doc opened read-only', async () => {
    const recordId = f.records[1]!;
    const viewer = await openBoth(f.team.viewer.api.token!, recordId);
    expect((await f.team.owner.api.patch(`/bases/${f.team.baseId}/members/${f.team.viewer.id}`, { role: 'editor' })).status).toBe(200);
    await waitFor('the access message', () => viewer.channelMessages.some((m) => m.type === 'schema' && m.kind === 'access'));
    viewer.doc.fields.set(f.table.email, 'promoted@example.com');
    await waitFor('the edit in SQLite', () => f.sqlValues(recordId)[f.table.email] === 'promoted@example.com');
  });
});

describe('revoked credentials', () => {
  it('closes a socket signed in with a session that logged out, as signed-out', async () => {
    const { token } = createSession(f.tessera.ctx, f.team.editor.id);
    const cookie = `tessera_session=${token}`;
    const host = new URL(f.tessera.url).host;
    const client = f.client(undefined, { headers: { cookie, origin: `http://${host}` } });
    let closed = '';
    let ended = '';
    client.onEnded((reason) => (ended = reason));
    const channel = client.openTable(f.table.id, { onClosed: (reason) => (closed = reason) });
    await within('the channel to sync', 3000, (resolve) => channel.provider.on('synced', resolve));

    const out = await fetch(`${f.tessera.url}/api/v1/auth/logout`, { method: 'POST', headers: { cookie, origin: `http://${host}` } });
    expect(out.status).toBeLessThan(300);
    await waitFor('the close', () => closed === 'signed-out');
    // One fresh connection is tried (a new cookie would be carried); the old one is refused.
    await waitFor('the client to end', () => ended === 'signed-out');
    expect(client.socket.shouldConnect).toBe(false);
  });

  it('closes a socket signed in with a session once the session expires, and keeps the user\'s other sessions', async () => {
    const expiring = createSession(f.tessera.ctx, f.team.editor.id);
    const lasting = createSession(f.tessera.ctx, f.team.editor.id);
    const host = new URL(f.tessera.url).host;
    const socketOf = (token: string) => {
      const client = f.client(undefined, { headers: { cookie: `tessera_session=${token}`, origin: `http://${host}` } });
      const state = { closed: '', messages: 0 };
      const channel = client.openTable(f.table.id, { onClosed: (reason) => (state.closed = reason), onMessage: () => state.messages++ });
      return { client, channel, state };
    };
    const old = socketOf(expiring.token);
    const fresh = socketOf(lasting.token);
    await within('the channels to sync', 3000, (resolve) => old.channel.provider.on('synced', resolve));
    await within('the other channel to sync', 3000, (resolve) => fresh.channel.provider.on('synced', resolve));

    f.tessera.ctx.db.sqlite.prepare('UPDATE sessions SET expires_at = ? WHERE id_hash = ?').run(new Date(Date.now() - 1000).toISOString(), sha256(expiring.token));
    expect(expireSessions(f.tessera.ctx)).toBe(1);
    await waitFor('the expired session\'s socket to close', () => old.state.closed === 'signed-out');
    // The session that is still valid keeps its socket.
    await pause(200);
    expect(fresh.state.closed).toBe('');
    expect(expireSessions(f.tessera.ctx)).toBe(0);
  });

  it('closes a socket opened with an API token once the token is deleted, and ends the client', async () => {
    const owner: Actor = { userId: f.team.editor.id, isAdmin: false, via: 'session', scopes: new Set(TOKEN_SCOPES) };
    const minted = createApiToken(f.tessera.ctx, owner, { name: 'sync script' });
    const client = f.client(minted.token);
    let closedChannel = '';
    let closedDoc = '';
    const channel = client.openTable(f.table.id, { onClosed: (reason) => (closedChannel = reason) });
    const doc = client.openRecord(f.table.id, f.records[0]!, { onClosed: (reason) => (closedDoc = reason) });
    await within('the channel to sync', 3000, (resolve) => channel.provider.on('synced', resolve));
    await doc.synced();
    deleteApiToken(f.tessera.ctx, owner, minted.id);
    await waitFor('both closes', () => closedChannel === 'signed-out' && closedDoc === 'signed-out');
    await waitFor('the client to end', () => client.ended === 'signed-out');
    // The editor's other connections (another token) are left alone.
    const still = f.client(f.team.editor.api.token!).openRecord(f.table.id, f.records[0]!);
    await within('a sync with the other token', 3000, (resolve) => void still.synced().then(resolve));
  });
});
