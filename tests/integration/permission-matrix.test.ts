import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_SCOPES, type BaseRole } from '../../server/auth/actor.ts';
import { newId } from '../../server/db/index.ts';
import { addMember, createBase, createToken, createUser } from '../support/seed.ts';
import { ApiClient, startTestServer, type ApiResponse } from '../support/test-server.ts';

// Every base-scoped API route × every kind of caller: what each may do, and that a refused
// caller gets the right status, learns nothing (no data of the base in the body) and
// changes nothing.

type Caller = BaseRole | 'stranger' | 'anonymous' | 'otherBaseToken' | 'readOnlyToken';
const CALLERS: Caller[] = ['owner', 'editor', 'commenter', 'viewer', 'stranger', 'anonymous', 'otherBaseToken', 'readOnlyToken'];
const RANK: Record<BaseRole, number> = { viewer: 0, commenter: 1, editor: 2, owner: 3 };
const SECRET = 'SECRET';

interface Fixture {
  baseId: string;
  tableId: string;
  fieldId: string;
  recordId: string;
  viewId: string;
  memberId: string;
  hash: string;
}

interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: (f: Fixture) => string;
  body?: (f: Fixture) => unknown;
  raw?: string;
  least: BaseRole;
  writes: boolean;
}

const ROUTES: Route[] = [
  { method: 'GET', path: (f) => `/bases/${f.baseId}`, least: 'viewer', writes: false },
  { method: 'PATCH', path: (f) => `/bases/${f.baseId}`, body: () => ({ name: 'Renamed' }), least: 'owner', writes: true },
  { method: 'DELETE', path: (f) => `/bases/${f.baseId}`, least: 'owner', writes: true },
  { method: 'GET', path: (f) => `/bases/${f.baseId}/members`, least: 'viewer', writes: false },
  { method: 'POST', path: (f) => `/bases/${f.baseId}/members`, body: () => ({ email: 'spare@example.com', role: 'viewer' }), least: 'owner', writes: true },
  { method: 'PATCH', path: (f) => `/bases/${f.baseId}/members/${f.memberId}`, body: () => ({ role: 'editor' }), least: 'owner', writes: true },
  { method: 'DELETE', path: (f) => `/bases/${f.baseId}/members/${f.memberId}`, least: 'owner', writes: true },
  { method: 'GET', path: (f) => `/bases/${f.baseId}/tables`, least: 'viewer', writes: false },
  { method: 'POST', path: (f) => `/bases/${f.baseId}/tables`, body: () => ({ name: 'New', fields: [{ name: 'Name', type: 'singleLineText' }] }), least: 'owner', writes: true },
  { method: 'GET', path: (f) => `/tables/${f.tableId}`, least: 'viewer', writes: false },
  { method: 'PATCH', path: (f) => `/tables/${f.tableId}`, body: () => ({ name: 'Renamed' }), least: 'owner', writes: true },
  { method: 'DELETE', path: (f) => `/tables/${f.tableId}`, least: 'owner', writes: true },
  { method: 'POST', path: (f) => `/tables/${f.tableId}/fields`, body: () => ({ name: 'Extra', type: 'number' }), least: 'owner', writes: true },
  { method: 'PATCH', path: (f) => `/tables/${f.tableId}/fields/${f.fieldId}`, body: () => ({ type: 'singleLineText' }), least: 'owner', writes: true },
  { method: 'DELETE', path: (f) => `/tables/${f.tableId}/fields/${f.fieldId}`, least: 'owner', writes: true },
  { method: 'POST', path: (f) => `/tables/${f.tableId}/fields/${f.fieldId}/preview-conversion`, body: () => ({ type: 'singleLineText' }), least: 'owner', writes: false },
  { method: 'GET', path: (f) => `/tables/${f.tableId}/records`, least: 'viewer', writes: false },
  { method: 'GET', path: (f) => `/tables/${f.tableId}/records/${f.recordId}`, least: 'viewer', writes: false },
  { method: 'GET', path: (f) => `/tables/${f.tableId}/records/${f.recordId}/history`, least: 'viewer', writes: false },
  { method: 'POST', path: (f) => `/tables/${f.tableId}/records`, body: () => ({ records: [{ fields: { Name: 'x' } }] }), least: 'editor', writes: true },
  { method: 'PATCH', path: (f) => `/tables/${f.tableId}/records`, body: (f) => ({ records: [{ id: f.recordId, fields: { Name: 'y' } }] }), least: 'editor', writes: true },
  { method: 'PATCH', path: (f) => `/tables/${f.tableId}/records/${f.recordId}`, body: () => ({ fields: { Name: 'z' } }), least: 'editor', writes: true },
  { method: 'DELETE', path: (f) => `/tables/${f.tableId}/records?records[]=${f.recordId}`, least: 'editor', writes: true },
  { method: 'DELETE', path: (f) => `/tables/${f.tableId}/records/${f.recordId}`, least: 'editor', writes: true },
  { method: 'GET', path: (f) => `/tables/${f.tableId}/views`, least: 'viewer', writes: false },
  { method: 'GET', path: (f) => `/tables/${f.tableId}/views/${f.viewId}`, least: 'viewer', writes: false },
  { method: 'POST', path: (f) => `/tables/${f.tableId}/views`, body: () => ({ name: 'Shared' }), least: 'editor', writes: true },
  { method: 'PATCH', path: (f) => `/tables/${f.tableId}/views/${f.viewId}`, body: () => ({ name: 'Renamed' }), least: 'editor', writes: true },
  { method: 'DELETE', path: (f) => `/tables/${f.tableId}/views/${f.viewId}`, least: 'editor', writes: true },
  { method: 'POST', path: (f) => `/bases/${f.baseId}/attachments?filename=a.txt`, raw: 'hello', least: 'editor', writes: true },
  { method: 'GET', path: (f) => `/attachments/${f.hash}`, least: 'viewer', writes: false },
];

let tessera: Awaited<ReturnType<typeof startTestServer>>;
const users = {} as Record<BaseRole | 'stranger', { id: string; token: string }>;
let otherBaseToken: string;
let readOnlyToken: string;

beforeAll(async () => {
  tessera = await startTestServer();
  for (const role of ['owner', 'editor', 'commenter', 'viewer', 'stranger'] as const) {
    const user = createUser(tessera.ctx, { email: `${role}@example.com`, name: role });
    users[role] = { id: user.id, token: createToken(tessera.ctx, user.id) };
  }
  createUser(tessera.ctx, { email: 'spare@example.com', name: 'spare' });
  const elsewhere = createBase(tessera.ctx, users.owner.id, 'Elsewhere');
  otherBaseToken = createToken(tessera.ctx, users.owner.id, { baseIds: [elsewhere] });
  readOnlyToken = createToken(tessera.ctx, users.owner.id, { scopes: TOKEN_SCOPES.filter((s) => s.endsWith(':read')) });
});
afterAll(() => tessera.close());

/** A fresh base with the team, a table, a record, a view, a member and an attachment. */
async function freshFixture(): Promise<Fixture> {
  const ctx = tessera.ctx;
  const baseId = createBase(ctx, users.owner.id, `${SECRET} base`);
  for (const role of ['editor', 'commenter', 'viewer'] as const) addMember(ctx, baseId, users[role].id, role);
  const extra = createUser(ctx, { email: `member-${newId('user', 8)}@example.com`, name: `${SECRET} member` });
  addMember(ctx, baseId, extra.id, 'viewer');
  const owner = new ApiClient(tessera.url, users.owner.token);
  const table = await owner.post(`/bases/${baseId}/tables`, { name: `${SECRET} table`, fields: [{ name: 'Name', type: 'singleLineText' }, { name: 'Amount', type: 'number' }] });
  const record = await owner.post(`/tables/${table.body.id}/records`, { records: [{ fields: { Name: `${SECRET} value`, Amount: 7 } }] });
  const view = await owner.post(`/tables/${table.body.id}/views`, { name: `${SECRET} view` });
  const upload = await owner.request('POST', `/bases/${baseId}/attachments?filename=${SECRET}.txt`, `${SECRET} file`, { headers: { 'Content-Type': 'text/plain' } });
  expect(upload.status, JSON.stringify(upload.body)).toBeLessThan(300);
  return {
    baseId, tableId: table.body.id, fieldId: table.body.fields[1].id, recordId: record.body.records[0].id,
    viewId: view.body.id, memberId: extra.id, hash: upload.body.id,
  };
}

function clientFor(caller: Caller): ApiClient {
  if (caller === 'anonymous') return new ApiClient(tessera.url);
  if (caller === 'otherBaseToken') return new ApiClient(tessera.url, otherBaseToken);
  if (caller === 'readOnlyToken') return new ApiClient(tessera.url, readOnlyToken);
  return new ApiClient(tessera.url, users[caller].token);
}

function expectedStatus(route: Route, caller: Caller): 'ok' | 401 | 403 | 404 {
  if (caller === 'anonymous') return 401;
  if (caller === 'stranger' || caller === 'otherBaseToken') return 404;
  if (caller === 'readOnlyToken') return route.writes || route.least === 'owner' && route.method !== 'GET' ? 403 : 'ok';
  return RANK[caller] >= RANK[route.least] ? 'ok' : 403;
}

/** Everything a refused request must leave untouched. */
function snapshot(f: Fixture): string {
  const db = tessera.ctx.db.sqlite;
  const tables = db.prepare('SELECT * FROM tables WHERE base_id = ? ORDER BY id').all(f.baseId);
  return JSON.stringify({
    base: db.prepare('SELECT * FROM bases WHERE id = ?').all(f.baseId),
    members: db.prepare('SELECT * FROM base_members WHERE base_id = ? ORDER BY user_id').all(f.baseId),
    tables,
    fields: db.prepare('SELECT * FROM fields WHERE table_id = ? ORDER BY id').all(f.tableId),
    views: db.prepare('SELECT * FROM views WHERE table_id = ? ORDER BY id').all(f.tableId),
    records: tables.length ? db.prepare(`SELECT * FROM t_${f.tableId} ORDER BY id`).all() : [],
    attachments: db.prepare('SELECT count(*) AS n FROM attachments').get(),
  });
}

async function send(client: ApiClient, route: Route, f: Fixture): Promise<ApiResponse> {
  if (route.raw !== undefined) return client.request(route.method, route.path(f), route.raw, { headers: { 'Content-Type': 'text/plain' } });
  return client.request(route.method, route.path(f), route.body?.(f));
}

describe('permission matrix: every base route × every caller', () => {
  for (const route of ROUTES) {
    it(`${route.method} ${route.path({ baseId: ':baseId', tableId: ':tableId', fieldId: ':fieldId', recordId: ':recordId', viewId: ':viewId', memberId: ':userId', hash: ':hash' })}`, async () => {
      for (const caller of CALLERS) {
        const fixture = await freshFixture();
        const before = snapshot(fixture);
        const res = await send(clientFor(caller), route, fixture);
        const expected = expectedStatus(route, caller);
        const label = `${caller} → ${res.status} ${JSON.stringify(res.body ?? null).slice(0, 200)}`;
        if (expected === 'ok') {
          expect(res.status, label).toBeGreaterThanOrEqual(200);
          expect(res.status, label).toBeLessThan(300);
        } else {
          expect(res.status, label).toBe(expected);
          expect(Object.keys(res.body), label).toEqual(['error']);
          expect(JSON.stringify(res.body), label).not.toContain(SECRET);
          expect(snapshot(fixture), `${label} changed data`).toBe(before);
        }
      }
    });
  }
});
