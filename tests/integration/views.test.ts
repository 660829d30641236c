import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, postTable } from '../support/fixtures.ts';
import { seedTeam, type Team } from '../support/seed.ts';
import { startTestServer } from '../support/test-server.ts';

let tessera: Awaited<ReturnType<typeof startTestServer>>;
let team: Team;
let tableId: string;
let fieldIds: Record<string, string>;

beforeAll(async () => {
  tessera = await startTestServer();
  team = seedTeam(tessera);
  ({ id: tableId, field: fieldIds } = await postTable(team.owner.api, team.baseId, {
    name: 'Deals',
    fields: [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Amount', type: 'number' },
      { name: 'Stage', type: 'singleSelect', options: { choices: [{ name: 'Lead' }, { name: 'Won' }] } },
      { name: 'Notes', type: 'singleLineText' },
    ],
  }));
  await team.owner.api.post(`/tables/${tableId}/records`, {
    records: [{ fields: { Name: 'a', Amount: 5, Stage: 'Won', Notes: 'x' } }, { fields: { Name: 'b', Amount: 50, Stage: 'Lead' } }],
  });
});
afterAll(() => tessera.close());

const viewsPath = () => `/tables/${tableId}/views`;

describe('saved views', () => {
  it('stores field references as ids, so renaming a field keeps the view working', async () => {
    const created = await team.editor.api.post(viewsPath(), {
      name: 'Won deals', type: 'grid',
      filter: { conjunction: 'and', conditions: [{ field: 'Stage', operator: 'is', value: 'Won' }] },
      sorts: [{ field: 'Amount', direction: 'desc' }], hiddenFields: ['Notes'],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body).toMatchObject({
      name: 'Won deals', type: 'grid', personal: false, locked: false,
      filter: { conjunction: 'and', conditions: [{ field: fieldIds.Stage, operator: 'is', value: 'Won' }] },
      sorts: [{ field: fieldIds.Amount, direction: 'desc' }], hiddenFields: [fieldIds.Notes],
    });
    expect((await team.owner.api.patch(`/tables/${tableId}/fields/${fieldIds.Stage}`, { name: 'Deal stage' })).status).toBe(200);
    const records = await team.viewer.api.get(`/tables/${tableId}/records?view=${created.body.id}`);
    expect(records.body.records.map((r: { fields: { Name: string } }) => r.fields.Name)).toEqual(['a']);
  });

  it('keeps personal views to their owner and lets viewers have them', async () => {
    const personal = await team.viewer.api.post(viewsPath(), { name: 'Mine', personal: true });
    expect(personal.status, JSON.stringify(personal.body)).toBe(200);
    expectError(await team.viewer.api.post(viewsPath(), { name: 'Shared by a viewer' }), 403, 'FORBIDDEN');
    const ownerSees = await team.owner.api.get(viewsPath());
    expect(ownerSees.body.views.map((v: { name: string }) => v.name)).not.toContain('Mine');
    expectError(await team.owner.api.get(`${viewsPath()}/${personal.body.id}`), 404, 'NOT_FOUND');
    expectError(await team.stranger.api.get(viewsPath()), 404, 'NOT_FOUND');
  });

  it('refuses changes to a locked view until it is unlocked', async () => {
    const view = await team.editor.api.post(viewsPath(), { name: 'Board', type: 'kanban', stackField: 'Deal stage', locked: true });
    expect(view.body.stackField).toBe(fieldIds.Stage);
    expectError(await team.editor.api.patch(`${viewsPath()}/${view.body.id}`, { name: 'Renamed' }), 409, 'CONFLICT');
    expect((await team.editor.api.patch(`${viewsPath()}/${view.body.id}`, { locked: false, name: 'Renamed' })).body.name).toBe('Renamed');
    expect((await team.editor.api.delete(`${viewsPath()}/${view.body.id}`)).status).toBe(200);
  });

  it('refuses an invalid filter with a message naming the operator and field', async () => {
    const res = await team.editor.api.post(viewsPath(), {
      name: 'Bad', filter: { conjunction: 'and', conditions: [{ field: 'Amount', operator: 'hasAnyOf', value: ['x'] }] },
    });
    expectError(res, 400, 'INVALID_FILTER');
    expect(res.body.error.message).toMatch(/hasAnyOf.*Amount|Amount.*hasAnyOf/);
  });

  it('mends views when a field they use is deleted or changes type', async () => {
    const view = await team.editor.api.post(viewsPath(), {
      name: 'Mended', sorts: [{ field: 'Notes', direction: 'asc' }],
      filter: { conjunction: 'or', conditions: [{ field: 'Notes', operator: 'contains', value: 'x' }, { field: 'Amount', operator: '>', value: 1 }] },
    });
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    const converted = await team.owner.api.patch(`/tables/${tableId}/fields/${fieldIds.Amount}`, { type: 'singleLineText' });
    expect(converted.status, JSON.stringify(converted.body)).toBe(200);
    expect(await team.owner.api.delete(`/tables/${tableId}/fields/${fieldIds.Notes}`)).toMatchObject({ status: 200 });
    const after = await team.editor.api.get(`${viewsPath()}/${view.body.id}`);
    expect(after.body.sorts).toEqual([]);
    expect(after.body.filter ?? null).toBeNull();
    const records = await team.editor.api.get(`/tables/${tableId}/records?view=${view.body.id}`);
    expect(records.status, JSON.stringify(records.body)).toBe(200);
    expect(records.body.records).toHaveLength(2);
  });
});
