import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/test-server.ts';
import { seedTeam, type Team } from '../support/seed.ts';
import { findHistory, writeRecords } from '../../server/records/index.ts';
import type { SchemaChanged } from '../../server/events/index.ts';

let tessera: Awaited<ReturnType<typeof startTestServer>>;
let team: Team;
let table: { id: string; fields: Array<{ id: string; name: string }> };
const schemaEvents: SchemaChanged[] = [];

beforeAll(async () => {
  tessera = await startTestServer();
  team = seedTeam(tessera);
  tessera.ctx.events.on('schema', (event) => schemaEvents.push(event));
});
afterAll(async () => {
  await tessera?.close();
});
beforeEach(async () => {
  const res = await team.owner.api.post(`/bases/${team.baseId}/tables`, {
    name: `Leads ${Math.random().toString(36).slice(2, 8)}`,
    fields: [{ name: 'Name', type: 'singleLineText' }, { name: 'Stage', type: 'singleSelect', options: { choices: [{ name: 'New' }] } }],
  });
  table = res.body;
  schemaEvents.length = 0;
});

const columns = () =>
  tessera.ctx.db.sqlite.prepare('SELECT name, type FROM pragma_table_info(?)').all(`t_${table.id}`) as Array<{ name: string; type: string }>;
const fieldsPath = () => `/tables/${table.id}/fields`;

describe('adding fields', () => {
  it('adds the field row and its column, with the type\'s SQL type', async () => {
    const res = await team.owner.api.post(fieldsPath(), { name: ' Amount ', type: 'currency', options: { symbol: 'US$', precision: 0 }, description: 'Deal size' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.stringMatching(/^fld/), name: 'Amount', type: 'currency', options: { symbol: 'US$', precision: 0 }, description: 'Deal size' });
    expect(columns()).toContainEqual({ name: `f_${res.body.id}`, type: 'REAL' });
    expect(schemaEvents).toEqual([{ baseId: team.baseId, tableId: table.id, kind: 'field', action: 'created', id: res.body.id }]);
  });

  it('adds system fields without a column, reading the row\'s own values', async () => {
    writeRecords(tessera.ctx, { tableId: table.id, creates: [{ [table.fields[0]!.id]: 'Acme' }] }, { origin: 'api', typecast: false, actor: undefined });
    const before = columns().length;
    const res = await team.owner.api.post(fieldsPath(), { name: 'Created', type: 'createdTime' });
    expect(res.status).toBe(201);
    expect(columns()).toHaveLength(before);
  });

  it.each([
    [{ name: 'name', type: 'number' }, 409, 'a field named "Name" already exists'],
    [{ name: 'NAME ', type: 'number' }, 409, 'a field named "Name" already exists'],
    [{ name: '', type: 'number' }, 400, 'the field name cannot be empty'],
    [{ name: 'Link', type: 'link' }, 422, 'field type "link" is not supported yet'],
    [{ name: 'X', type: 'spreadsheet' }, 400, 'unknown field type "spreadsheet"'],
    [{ name: 'X', type: 'date', options: { dateFormat: 'klingon' } }, 400, 'date option dateFormat:'],
    [{ name: 'X', type: 'singleSelect', options: { choices: [{ name: 'A' }, { name: 'A' }] } }, 400, 'singleSelect option choices.1.name: choice "A" appears twice'],
    [{ name: 'X', type: 'number', extra: 1 }, 400, 'Unrecognized key'],
  ])('refuses %j', async (body, status, message) => {
    const res = await team.owner.api.post(fieldsPath(), body);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toContain(message);
  });
});

describe('renaming and describing fields', () => {
  it('renames and describes without touching values', async () => {
    const stage = table.fields[1]!;
    const res = await team.owner.api.patch(`${fieldsPath()}/${stage.id}`, { name: 'Pipeline stage', description: '  Where the deal is ' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ field: expect.objectContaining({ name: 'Pipeline stage', description: 'Where the deal is' }) });
    expect((await team.owner.api.patch(`${fieldsPath()}/${stage.id}`, { name: 'name' })).status).toBe(409);
    // The field's own name in another case is not a clash.
    expect((await team.owner.api.patch(`${fieldsPath()}/${stage.id}`, { name: 'PIPELINE STAGE' })).status).toBe(200);
    expect(schemaEvents.map((e) => e.action)).toEqual(['updated', 'updated']);
  });

  it('answers 404 for a field of another table', async () => {
    const other = (await team.owner.api.post(`/bases/${team.baseId}/tables`, { name: `Other ${Math.random()}` })).body;
    expect((await team.owner.api.patch(`${fieldsPath()}/${other.fields[0].id}`, { name: 'x' })).status).toBe(404);
    expect((await team.owner.api.delete(`${fieldsPath()}/${other.fields[0].id}`)).status).toBe(404);
  });
});

describe('deleting fields', () => {
  it('drops the column (and its indexes) and keeps its values in the record history', async () => {
    const stage = table.fields[1]!;
    const [a, b] = writeRecords(tessera.ctx, {
      tableId: table.id,
      creates: [{ [table.fields[0]!.id]: 'Acme', [stage.id]: 'New' }, { [table.fields[0]!.id]: 'Globex' }],
    }, { origin: 'api', typecast: false }).created;
    // An index such as the views capability adds for sorting; SQLite refuses to drop an indexed column.
    tessera.ctx.db.sqlite.exec(`CREATE INDEX "ix_stage_${table.id}" ON "t_${table.id}" ("f_${stage.id}", id)`);

    const res = await team.owner.api.delete(`${fieldsPath()}/${stage.id}`);
    expect(res.status).toBe(200);
    expect(columns().map((c) => c.name)).not.toContain(`f_${stage.id}`);
    expect(tessera.ctx.db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?").all(`t_${table.id}`)).toEqual([]);
    expect((await team.owner.api.get(`/tables/${table.id}`)).body.fields.map((f: any) => f.name)).toEqual(['Name']);

    const [latest] = findHistory(tessera.ctx.db, table.id, a!.id);
    expect(latest).toMatchObject({ action: 'update', origin: 'schema', actorId: team.owner.id, changes: { [stage.id]: ['New', null] } });
    expect(findHistory(tessera.ctx.db, table.id, b!.id)).toHaveLength(1); // only its creation: it had no value
    expect(schemaEvents.at(-1)).toMatchObject({ kind: 'field', action: 'deleted', id: stage.id });
  });

  it('protects the primary field', async () => {
    const res = await team.owner.api.delete(`${fieldsPath()}/${table.fields[0]!.id}`);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('"Name" is the primary field and cannot be deleted; make another field primary first');
    expect(columns().map((c) => c.name)).toContain(`f_${table.fields[0]!.id}`);
  });

  it('deletes system fields, which own no column', async () => {
    const created = (await team.owner.api.post(fieldsPath(), { name: 'By', type: 'createdBy' })).body;
    const before = columns();
    expect((await team.owner.api.delete(`${fieldsPath()}/${created.id}`)).status).toBe(200);
    expect(columns()).toEqual(before);
  });
});

describe('who may change fields', () => {
  it('refuses editors and viewers (403) and hides the table from strangers (404)', async () => {
    const stage = table.fields[1]!;
    for (const [user, status] of [[team.editor, 403], [team.viewer, 403], [team.stranger, 404]] as const) {
      const attempts = await Promise.all([
        user.api.post(fieldsPath(), { name: 'X', type: 'number' }),
        user.api.patch(`${fieldsPath()}/${stage.id}`, { name: 'X' }),
        user.api.post(`${fieldsPath()}/${stage.id}/preview-conversion`, { type: 'singleLineText' }),
        user.api.delete(`${fieldsPath()}/${stage.id}`),
      ]);
      expect(attempts.map((r) => r.status)).toEqual([status, status, status, status]);
    }
    expect((await team.owner.api.get(`/tables/${table.id}`)).body.fields.map((f: any) => f.name)).toEqual(['Name', 'Stage']);
  });
});
