import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ApiClient, startTestServer } from '../support/test-server.ts';
import { addMember, createBase, createToken, seedTeam, type Team } from '../support/seed.ts';
import { dropBaseTables } from '../../server/tables/index.ts';
import { writeRecords } from '../../server/records/index.ts';

let tessera: Awaited<ReturnType<typeof startTestServer>>;
let team: Team;

beforeAll(async () => {
  tessera = await startTestServer();
  team = seedTeam(tessera);
});
afterAll(async () => {
  await tessera?.close();
});

const sqliteTable = (id: string) =>
  tessera.ctx.db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?").get(`t_${id}`);
const columns = (id: string) =>
  tessera.ctx.db.sqlite.prepare(`SELECT name, type FROM pragma_table_info(?)`).all(`t_${id}`) as Array<{ name: string; type: string }>;

async function newTable(name: string, fields?: unknown[]) {
  const res = await team.owner.api.post(`/bases/${team.baseId}/tables`, { name, ...(fields ? { fields } : {}) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('creating tables', () => {
  it('creates the meta rows, the SQLite table with one typed column per stored field, and a grid view', async () => {
    const table = await newTable('  Customers ', [
      { name: 'Company', type: 'singleLineText', description: 'Legal name' },
      { name: 'Revenue', type: 'currency', options: { symbol: '$' } },
      { name: 'VIP', type: 'checkbox' },
      { name: 'Created', type: 'createdTime' },
    ]);
    expect(table).toMatchObject({ name: 'Customers', primaryFieldId: table.fields[0].id });
    expect(table.fields.map((f: any) => [f.name, f.type])).toEqual([
      ['Company', 'singleLineText'], ['Revenue', 'currency'], ['VIP', 'checkbox'], ['Created', 'createdTime'],
    ]);
    expect(table.fields[0].description).toBe('Legal name');
    expect(table.fields[1].options).toEqual({ symbol: '$', precision: 2 });
    expect(table.views).toMatchObject([{ name: 'Grid view', type: 'grid', personal: false }]);

    expect(sqliteTable(table.id)).toBeTruthy();
    const [company, revenue, vip] = table.fields;
    expect(columns(table.id)).toEqual([
      { name: 'id', type: 'INTEGER' }, { name: 'version', type: 'INTEGER' }, { name: 'created_at', type: 'TEXT' },
      { name: 'updated_at', type: 'TEXT' }, { name: 'created_by', type: 'TEXT' }, { name: 'updated_by', type: 'TEXT' },
      { name: `f_${company.id}`, type: 'TEXT' }, { name: `f_${revenue.id}`, type: 'REAL' }, { name: `f_${vip.id}`, type: 'INTEGER' },
    ]);
    const audit = tessera.ctx.db.sqlite.prepare("SELECT action, actor_id FROM audit_log WHERE target = ?").all(table.id);
    expect(audit).toEqual([{ action: 'table.created', actor_id: team.owner.id }]);
  });

  it('gives a table without fields one "Name" text field', async () => {
    const table = await newTable('Notes');
    expect(table.fields).toMatchObject([{ name: 'Name', type: 'singleLineText' }]);
    expect(table.primaryFieldId).toBe(table.fields[0].id);
  });

  it('refuses duplicate names in a base, whatever their case', async () => {
    await newTable('Deals');
    const res = await team.owner.api.post(`/bases/${team.baseId}/tables`, { name: 'DEALS' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CONFLICT');
    const other = createBase(tessera.ctx, team.owner.id, 'Other');
    expect((await team.owner.api.post(`/bases/${other}/tables`, { name: 'Deals' })).status).toBe(201);
  });

  it.each([
    [{ name: '   ' }, 400, 'the table name cannot be empty'],
    [{ name: 'x'.repeat(101) }, 400, 'the table name is longer than 100 characters'],
    [{ name: 'T', fields: [{ name: 'A', type: 'text' }] }, 400, 'unknown field type "text"'],
    [{ name: 'T', fields: [{ name: 'A', type: 'formula' }] }, 422, 'field type "formula" is not supported yet'],
    [{ name: 'T', fields: [{ name: 'A', type: 'rating', options: { max: 11 } }] }, 400, 'rating option max:'],
    [{ name: 'T', fields: [{ name: 'Files', type: 'attachment' }] }, 400, 'primary field and cannot be of type attachment'],
    [{ name: 'T', fields: [{ name: 'A', type: 'number' }, { name: 'a', type: 'number' }] }, 409, 'a field named "A" already exists'],
  ])('refuses %j', async (body, status, message) => {
    const res = await team.owner.api.post(`/bases/${team.baseId}/tables`, body);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toContain(message);
  });

  it('rolls back everything when creating the SQLite table fails', async () => {
    const before = (await team.owner.api.get(`/bases/${team.baseId}/tables`)).body.tables.length;
    const db = tessera.ctx.db;
    // Simulates a failure in the middle of the transaction: the meta rows are written first.
    const original = db.sqlite.exec.bind(db.sqlite);
    db.sqlite.exec = ((sql: string) => {
      if (sql.startsWith('CREATE TABLE')) throw new Error('disk full');
      return original(sql);
    }) as typeof db.sqlite.exec;
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const res = await team.owner.api.post(`/bases/${team.baseId}/tables`, { name: 'Doomed' });
      expect(res.status).toBe(500);
      expect(logged).toHaveBeenCalledOnce();
    } finally {
      db.sqlite.exec = original;
      logged.mockRestore();
    }
    expect((await team.owner.api.get(`/bases/${team.baseId}/tables`)).body.tables).toHaveLength(before);
  });
});

describe('listing, renaming, moving and deleting tables', () => {
  it('lists tables with their fields and the views the caller may see', async () => {
    const table = await newTable('Contacts', [{ name: 'Full name', type: 'singleLineText' }]);
    const at = new Date().toISOString();
    const insertView = tessera.ctx.db.sqlite.prepare(
      "INSERT INTO views (id, table_id, name, type, config, personal_user_id, locked, position, created_at) VALUES (?, ?, ?, 'grid', '{}', ?, 0, ?, ?)",
    );
    insertView.run('viwMinexxxxxxxxxx', table.id, 'Mine', team.viewer.id, 1, at);
    insertView.run('viwTheirsxxxxxxxx', table.id, 'Theirs', team.editor.id, 2, at);

    const res = await team.viewer.api.get(`/bases/${team.baseId}/tables`);
    expect(res.status).toBe(200);
    const listed = res.body.tables.find((t: any) => t.id === table.id);
    expect(listed.fields).toEqual([{ id: table.fields[0].id, name: 'Full name', type: 'singleLineText', options: {}, description: null }]);
    expect(listed.views.map((v: any) => v.name)).toEqual(['Grid view', 'Mine']);
    expect((await team.viewer.api.get(`/tables/${table.id}`)).body).toEqual(listed);
  });

  it('renames, moves and changes the primary field', async () => {
    const a = await newTable('Alpha', [{ name: 'Title', type: 'singleLineText' }, { name: 'Amount', type: 'number' }, { name: 'Done', type: 'checkbox' }]);
    const renamed = await team.owner.api.patch(`/tables/${a.id}`, { name: ' Alpha 2 ' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.name).toBe('Alpha 2');
    expect((await team.owner.api.patch(`/tables/${a.id}`, { name: 'customers' })).status).toBe(409);
    expect((await team.owner.api.patch(`/tables/${a.id}`, { name: 'ALPHA 2' })).status).toBe(200);

    expect((await team.owner.api.patch(`/tables/${a.id}`, { position: 0 })).status).toBe(200);
    const names = (await team.owner.api.get(`/bases/${team.baseId}/tables`)).body.tables.map((t: any) => t.name);
    expect(names[0]).toBe('ALPHA 2');

    const primary = await team.owner.api.patch(`/tables/${a.id}`, { primaryFieldId: a.fields[1].id });
    expect(primary.body.primaryFieldId).toBe(a.fields[1].id);
    const refused = await team.owner.api.patch(`/tables/${a.id}`, { primaryFieldId: a.fields[2].id });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('a checkbox field cannot be the primary field');
  });

  it('deletes the table, its SQLite table, meta rows and record history', async () => {
    const table = await newTable('Temporary', [{ name: 'Title', type: 'singleLineText' }]);
    writeRecords(tessera.ctx, { tableId: table.id, creates: [{ [table.fields[0].id]: 'a' }] }, { origin: 'api', typecast: false });
    const count = (sql: string) => (tessera.ctx.db.sqlite.prepare(sql).get(table.id) as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM record_history WHERE table_id = ?')).toBe(1);

    const res = await team.owner.api.delete(`/tables/${table.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: table.id, deleted: true });
    expect(sqliteTable(table.id)).toBeUndefined();
    for (const sql of ['record_history WHERE table_id', 'outbox WHERE table_id', 'fields WHERE table_id', 'views WHERE table_id', 'tables WHERE id']) {
      expect(count(`SELECT count(*) AS n FROM ${sql} = ?`)).toBe(0);
    }
    expect((await team.owner.api.get(`/tables/${table.id}`)).status).toBe(404);
  });

  it('drops every table of a base for base deletion', async () => {
    const baseId = createBase(tessera.ctx, team.owner.id, 'Doomed base');
    const ids: string[] = [];
    for (const name of ['One', 'Two']) ids.push((await team.owner.api.post(`/bases/${baseId}/tables`, { name })).body.id);
    expect(tessera.ctx.db.transaction(() => dropBaseTables(tessera.ctx, baseId)).sort()).toEqual(ids.sort());
    for (const id of ids) expect(sqliteTable(id)).toBeUndefined();
  });
});

describe('who may do what', () => {
  let tableId: string;
  beforeAll(async () => {
    tableId = (await newTable('Guarded')).id;
  });

  it('lets viewers read the schema but only owners change it', async () => {
    for (const user of [team.viewer, team.editor]) {
      expect((await user.api.get(`/bases/${team.baseId}/tables`)).status).toBe(200);
      expect((await user.api.get(`/tables/${tableId}`)).status).toBe(200);
      const attempts = await Promise.all([
        user.api.post(`/bases/${team.baseId}/tables`, { name: 'Nope' }),
        user.api.patch(`/tables/${tableId}`, { name: 'Nope' }),
        user.api.delete(`/tables/${tableId}`),
      ]);
      expect(attempts.map((r) => r.status)).toEqual([403, 403, 403]);
    }
  });

  it('hides the base and its tables from strangers, and asks anonymous callers to sign in', async () => {
    const attempts = await Promise.all([
      team.stranger.api.get(`/bases/${team.baseId}/tables`),
      team.stranger.api.post(`/bases/${team.baseId}/tables`, { name: 'Nope' }),
      team.stranger.api.get(`/tables/${tableId}`),
      team.stranger.api.patch(`/tables/${tableId}`, { name: 'Nope' }),
      team.stranger.api.delete(`/tables/${tableId}`),
      team.owner.api.get('/tables/tblDoesNotExist000'),
    ]);
    expect(attempts.map((r) => r.status)).toEqual([404, 404, 404, 404, 404, 404]);
    expect((await new ApiClient(tessera.url).get(`/bases/${team.baseId}/tables`)).status).toBe(401);
  });

  it('honours a token limited to another base and a token without the schema scope', async () => {
    const other = createBase(tessera.ctx, team.owner.id, 'Elsewhere');
    const limited = new ApiClient(tessera.url, createToken(tessera.ctx, team.owner.id, { baseIds: [other] }));
    expect((await limited.get(`/tables/${tableId}`)).status).toBe(404);
    const readOnly = new ApiClient(tessera.url, createToken(tessera.ctx, team.owner.id, { scopes: ['schema.bases:read'] }));
    expect((await readOnly.get(`/tables/${tableId}`)).status).toBe(200);
    expect((await readOnly.patch(`/tables/${tableId}`, { name: 'x' })).status).toBe(403);
    addMember(tessera.ctx, other, team.viewer.id, 'owner');
    expect((await team.viewer.api.patch(`/tables/${tableId}`, { name: 'x' })).status).toBe(403);
  });
});
