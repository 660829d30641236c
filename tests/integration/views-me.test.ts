import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTeam, type Team, type TeamMember } from '../support/seed.ts';
import { startTestServer } from '../support/test-server.ts';
import { download } from './import-support.ts';

// A shared view "assigned to me" (`"@me"` in a user condition) is one view for the whole team
// that shows each person their own rows: the grid's rows, the records list and exports all
// bind "@me" to whoever asks.
let tessera: Awaited<ReturnType<typeof startTestServer>>;
let team: Team;
let tableId: string;
let viewId: string;
let anyOfViewId: string;
let nameField: string;

const ASSIGNED = { owner: ['Alpha', 'Delta'], editor: ['Beta', 'Epsilon', 'Zeta'], viewer: ['Gamma'] } as const;

beforeAll(async () => {
  tessera = await startTestServer();
  team = seedTeam(tessera);
  const table = await team.owner.api.post(`/bases/${team.baseId}/tables`, {
    name: 'Deals',
    fields: [{ name: 'Name', type: 'singleLineText' }, { name: 'Owner', type: 'user' }],
  });
  expect(table.status, JSON.stringify(table.body)).toBe(201);
  tableId = table.body.id;
  nameField = table.body.fields.find((f: { name: string }) => f.name === 'Name').id;
  const records = [
    ...Object.entries(ASSIGNED).flatMap(([role, names]) => names.map((Name) => ({ fields: { Name, Owner: team[role as keyof typeof ASSIGNED].id } }))),
    { fields: { Name: 'Nobody' } },
  ];
  expect((await team.owner.api.post(`/tables/${tableId}/records`, { records })).status).toBe(200);
  const view = await team.owner.api.post(`/tables/${tableId}/views`, {
    name: 'Assigned to me',
    filter: { conjunction: 'and', conditions: [{ field: 'Owner', operator: 'is', value: '@me' }] },
    sorts: [{ field: 'Name', direction: 'asc' }],
  });
  expect(view.status, JSON.stringify(view.body)).toBe(200);
  viewId = view.body.id;
  const anyOf = await team.owner.api.post(`/tables/${tableId}/views`, {
    name: 'Mine or the viewer’s',
    filter: { conjunction: 'or', conditions: [
      { field: 'Owner', operator: 'isAnyOf', value: ['@me', team.viewer.id] },
      { field: 'Owner', operator: 'isEmpty' },
    ] },
  });
  expect(anyOf.status, JSON.stringify(anyOf.body)).toBe(200);
  anyOfViewId = anyOf.body.id;
});
afterAll(() => tessera.close());

type Row = { values: Record<string, unknown> };
const gridNames = async (who: TeamMember, view = viewId) => {
  const res = await who.api.get(`/tables/${tableId}/rows?view=${view}&start=0&limit=100`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { names: (res.body.rows as Row[]).map((row) => row.values[nameField]).sort(), total: res.body.total as number };
};

describe('"@me" in a shared view', () => {
  it('stores the token as written, so the view stays one view for everyone', async () => {
    const res = await team.editor.api.get(`/tables/${tableId}/views`);
    const view = res.body.views.find((v: { id: string }) => v.id === viewId);
    expect(view.filter.conditions[0]).toMatchObject({ operator: 'is', value: '@me' });
  });

  it.each(['owner', 'editor', 'viewer'] as const)('gives the %s their own rows in the grid', async (role) => {
    const { names, total } = await gridNames(team[role]);
    expect(names).toEqual([...ASSIGNED[role]].sort());
    expect(total).toBe(ASSIGNED[role].length);
  });

  it.each(['owner', 'editor', 'viewer'] as const)('gives the %s their own rows in the records list, in the view’s order', async (role) => {
    const res = await team[role].api.get(`/tables/${tableId}/records?view=${viewId}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.records.map((r: { fields: { Name: string } }) => r.fields.Name)).toEqual([...ASSIGNED[role]].sort());
  });

  it('binds "@me" inside a request filter too, alongside other ids and groups', async () => {
    const filter = JSON.stringify({ conjunction: 'or', conditions: [{ field: 'Owner', operator: 'is', value: '@me' }, { field: 'Name', operator: 'is', value: 'Nobody' }] });
    const res = await team.editor.api.get(`/tables/${tableId}/records?filter=${encodeURIComponent(filter)}`);
    expect(res.body.records.map((r: { fields: { Name: string } }) => r.fields.Name).sort()).toEqual(['Beta', 'Epsilon', 'Nobody', 'Zeta']);
    const anyOf = await gridNames(team.owner, anyOfViewId);
    expect(anyOf.names).toEqual(['Alpha', 'Delta', 'Gamma', 'Nobody']);
    const asViewer = await gridNames(team.viewer, anyOfViewId);
    expect(asViewer.names).toEqual(['Gamma', 'Nobody']);
  });

  it('exports each caller their own rows', async () => {
    for (const role of ['owner', 'editor'] as const) {
      const res = await download(team[role].api, `/tables/${tableId}/export?format=csv&view=${viewId}`);
      expect(res.status).toBe(200);
      const lines = res.bytes.toString('utf8').slice(1).trim().split('\r\n');
      expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual([...ASSIGNED[role]].sort());
    }
  });

  it('keeps the row counts of different people apart', async () => {
    // The grid caches counts per view filter: one person's count must never serve another.
    for (let i = 0; i < 2; i++) {
      for (const role of ['owner', 'editor', 'viewer'] as const) expect((await gridNames(team[role])).total).toBe(ASSIGNED[role].length);
    }
  });

  it('refuses "@me" where it means nothing, naming the problem', async () => {
    const res = await team.owner.api.post(`/tables/${tableId}/views`, {
      name: 'Bad', filter: { conjunction: 'and', conditions: [{ field: 'Owner', operator: 'is', value: { me: 'yes' } }] },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_FILTER');
    expect(res.body.error.message).toContain('Owner');
  });
});
