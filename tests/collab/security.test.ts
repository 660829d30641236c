import { HocuspocusProvider } from '@hocuspocus/provider';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { recordDocName, tableChannelName, type TableMessage } from '../../collab/client/index.ts';
import { createSession } from '../../server/auth/sessions.service.ts';
import { createBase, createToken } from '../support/seed.ts';
import { startCollabFixture, waitFor, within, type CollabFixture } from './support/collab-fixture.ts';

let f: CollabFixture;
beforeEach(async () => {
  f = await startCollabFixture();
});
afterEach(async () => {
  await f.close();
});

/** A bare websocket speaking the Hocuspocus framing by hand, to send what no provider would. */
async function rawSocket(url = f.wsUrl): Promise<{ ws: WebSocket; closed: Promise<number> }> {
  const ws = new WebSocket(url);
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  ws.on('error', () => {}); // the close code is what the tests look at
  await within('the socket to open', 2000, (resolve) => ws.on('open', () => resolve(undefined)));
  return { ws, closed };
}

function frame(documentName: string, type: number, write: (encoder: encoding.Encoder) => void = () => {}): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

const auth = (documentName: string, token: string) =>
  frame(documentName, 2, (e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, token);
  });

/** The server still does its job for a well-behaved client. */
async function stillServes(value: string): Promise<void> {
  const doc = f.client(f.team.owner.api.token).openRecord(f.table.id, f.records[0]!);
  await within('a sync', 3000, (resolve) => void doc.synced().then(resolve));
  doc.fields.set(f.table.name, value);
  await waitFor('the edit in SQLite', () => f.sqlValues(f.records[0]!)[f.table.name] === value);
  doc.close();
}

/** Opens any document name on a fresh client and returns the reason it was refused. */
async function refusal(token: string | undefined, documentName: string): Promise<string> {
  const document = new Y.Doc();
  const messages: string[] = [];
  let reason = '';
  const provider = new HocuspocusProvider({
    name: documentName,
    document,
    websocketProvider: f.client(token).socket,
    token: token ?? '',
    onAuthenticationFailed: (data) => (reason = data.reason),
    onStateless: ({ payload }) => messages.push(payload),
  });
  provider.attach();
  await waitFor(`refusal of ${documentName}`, () => reason !== '', 3000);
  expect(document.store.clients.size, 'no content leaked').toBe(0);
  expect(messages, 'no message leaked').toEqual([]);
  provider.destroy();
  return reason;
}

describe('what the websocket refuses', () => {
  it('refuses unknown, malformed and foreign document names, and anonymous clients, without leaking', async () => {
    const otherBase = createBase(f.tessera.ctx, f.team.stranger.id, 'Elsewhere');
    const otherBaseToken = createToken(f.tessera.ctx, f.team.owner.id, { baseIds: [otherBase] });
    const record = recordDocName(f.table.id, f.records[0]!);
    const cases: Array<[string | undefined, string]> = [
      [f.team.owner.api.token, 'bogus'],
      [f.team.owner.api.token, `rec:${f.table.id}:abc`],
      [f.team.owner.api.token, `rec:${f.table.id}:1:2`],
      [f.team.owner.api.token, `table:../${f.table.id}`],
      [f.team.owner.api.token, recordDocName(f.table.id, 999_999)], // no such record
      [f.team.owner.api.token, recordDocName('tblDoesNotExist0', 1)],
      [f.team.stranger.api.token, record], // not a member
      [f.team.stranger.api.token, tableChannelName(f.table.id)],
      [otherBaseToken, record], // a token limited to another base
      [undefined, record], // nobody
      ['tsr_not-a-real-token', record],
    ];
    for (const [token, name] of cases) expect(await refusal(token, name), name).toBe('forbidden');
    await stillServes('after refusals');
  });

  it('authenticates a browser session cookie, but not from another origin', async () => {
    const { token } = createSession(f.tessera.ctx, f.team.editor.id);
    const cookie = `tessera_session=${token}`;
    const host = new URL(f.tessera.url).host;
    const ok = f.client(undefined, { headers: { cookie, origin: `http://${host}` } }).openRecord(f.table.id, f.records[0]!);
    await within('a sync with the cookie', 3000, (resolve) => void ok.synced().then(resolve));
    expect(await refusal(undefined, recordDocName(f.table.id, f.records[1]!))).toBe('forbidden');
    let reason = '';
    f.client(undefined, { headers: { cookie, origin: 'http://evil.example' } })
      .openRecord(f.table.id, f.records[0]!, { onForbidden: (r) => (reason = r) });
    await waitFor('the cross-origin refusal', () => reason === 'forbidden');
  });

  it('keeps a viewer\'s doc read-only: its edits reach neither the server\'s doc nor SQLite', async () => {
    const recordId = f.records[0]!;
    const before = f.sqlValues(recordId);
    const viewer = f.client(f.team.viewer.api.token).openRecord(f.table.id, recordId);
    const owner = f.client(f.team.owner.api.token).openRecord(f.table.id, recordId);
    await Promise.all([viewer.synced(), owner.synced()]);
    expect(viewer.provider.authorizedScope).toBe('readonly');
    viewer.fields.set(f.table.name, 'viewer was here');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(f.serverDocValues(recordId)).toEqual(before);
    expect(f.sqlValues(recordId)).toEqual(before);
    expect(owner.fields.get(f.table.name)).toBe(before[f.table.name]);
    expect(viewer.provider.hasUnsyncedChanges).toBe(true);
  });

  it('closes a socket that sends malformed binary, and serves others', async () => {
    const { ws, closed } = await rawSocket();
    ws.send(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]));
    expect(await within('the close', 3000, (resolve) => void closed.then(resolve))).toBeGreaterThanOrEqual(4000);
    await stillServes('after garbage');
  });

  it('closes a socket that sends an oversized message (1009), and serves others', async () => {
    const { ws, closed } = await rawSocket();
    ws.send(new Uint8Array(1024 * 1024 + 100));
    expect(await within('the close', 3000, (resolve) => void closed.then(resolve))).toBe(1009);
    await stillServes('after an oversized message');
  });

  it('refuses other upgrade paths', async () => {
    const ws = new WebSocket(`${f.tessera.url.replace(/^http/, 'ws')}/not-collab`);
    const failed = await within<string>('the failure', 3000, (resolve) => {
      ws.on('error', (error) => resolve(error.message));
      ws.on('open', () => resolve('opened'));
    });
    expect(failed).not.toBe('opened');
  });

  it('refuses forged server messages and presence in someone else\'s name', async () => {
    const name = tableChannelName(f.table.id);
    const received: TableMessage[] = [];
    const listener = f.client(f.team.owner.api.token).openTable(f.table.id, { onMessage: (m) => received.push(m) });
    await within('sync', 2000, (resolve) => listener.provider.on('synced', resolve));
    const { ws } = await rawSocket();
    ws.send(auth(name, f.team.editor.api.token!));
    const forged: TableMessage = { type: 'patch', recordId: `rec${f.records[0]}`, version: 99, values: { [f.table.name]: 'forged' }, by: null };
    ws.send(frame(name, 6, (e) => encoding.writeVarString(e, JSON.stringify(forged))));
    const presence = f.client(f.team.editor.api.token).openTable(f.table.id);
    await within('sync', 2000, (resolve) => presence.provider.on('synced', resolve));
    presence.setPresence({ user: { id: f.team.owner.id } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received).toEqual([]);
    const states = [...(listener.provider.awareness?.getStates().values() ?? [])];
    expect(states.some((state) => state.user?.id === f.team.owner.id && state !== listener.provider.awareness?.getLocalState())).toBe(false);
  });

  it('closes a socket that floods messages (4429)', async () => {
    const { ws, closed } = await rawSocket();
    const message = frame('flood', 3);
    for (let i = 0; i < 5000 && ws.readyState === WebSocket.OPEN; i++) ws.send(message);
    expect(await within('the close', 5000, (resolve) => void closed.then(resolve))).toBe(4429);
    await stillServes('after a flood');
  });
});
