import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTeam, type Team } from '../support/seed.ts';
import { startTestServer } from '../support/test-server.ts';
import { allRecords, fixture, importFile, upload } from './import-support.ts';

let tessera: Awaited<ReturnType<typeof startTestServer>>;
let team: Team;

beforeAll(async () => {
  tessera = await startTestServer();
  team = seedTeam(tessera);
});
afterAll(async () => tessera.close());

async function customersTable(): Promise<string> {
  const res = await team.owner.api.post(`/bases/${team.baseId}/tables`, {
    name: `Customers ${Math.random().toString(36).slice(2, 8)}`,
    fields: [
      { name: '客户名称', type: 'singleLineText' },
      { name: '统一社会信用代码', type: 'singleLineText' },
      { name: '预估金额', type: 'currency', options: { symbol: '¥', precision: 2 } },
      { name: 'Notes', type: 'longText' },
    ],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const seeded = await team.owner.api.post(`/tables/${res.body.id}/records`, {
    records: [
      { fields: { 客户名称: '旧名称', 统一社会信用代码: '91330100130814539F', 预估金额: 1, Notes: 'kept' } },
      { fields: { 客户名称: '不在文件里的客户', 统一社会信用代码: '91110000000000000X', 预估金额: 2 } },
      { fields: { 客户名称: '旧名称二', 统一社会信用代码: '91420100819867454E', 预估金额: 3 } },
    ],
  });
  expect(seeded.status, JSON.stringify(seeded.body)).toBe(200);
  return res.body.id;
}

describe('upsert by a key field', () => {
  it('updates the records whose key matches and creates the rest', async () => {
    const tableId = await customersTable();
    // An editor may import into an existing table: columns go to the fields of the same name.
    const job = await importFile(team.editor.api, team.baseId, { name: 'customers-utf8-bom.csv', bytes: fixture('customers-utf8-bom.csv') }, { tableId, keyField: '统一社会信用代码' });
    expect(job).toMatchObject({ status: 'done', created: 498, updated: 2, skipped: 0, errorCount: 0, tables: [{ id: tableId }] });
    const records = await allRecords(team.owner.api, tableId);
    expect(records).toHaveLength(501);
    expect(records[0]!.fields).toEqual({ 客户名称: '杭州领航德网络科技有限公司', 统一社会信用代码: '91330100130814539F', 预估金额: 2347275, Notes: 'kept' });
    expect(records[1]!.fields).toEqual({ 客户名称: '不在文件里的客户', 统一社会信用代码: '91110000000000000X', 预估金额: 2 });
    expect(records[2]!.fields).toMatchObject({ 客户名称: '武汉天成远建设工程有限公司', 预估金额: 21128 });
    const history = await team.owner.api.get(`/tables/${tableId}/records/${records[0]!.id}/history`);
    expect(history.body.history[0]).toMatchObject({ origin: 'import' });
  });

  it('runs the same file twice without duplicates', async () => {
    const tableId = await customersTable();
    const options = { tableId, keyField: '统一社会信用代码' };
    await importFile(team.owner.api, team.baseId, { name: 'c.csv', bytes: fixture('customers-utf8-bom.csv') }, options);
    const again = await importFile(team.owner.api, team.baseId, { name: 'c.csv', bytes: fixture('customers-gbk.csv') }, options);
    expect(again).toMatchObject({ status: 'done', created: 0, updated: 500 });
    expect(await allRecords(team.owner.api, tableId)).toHaveLength(501);
  });

  it('maps columns explicitly, skipping and creating fields', async () => {
    const tableId = await customersTable();
    const job = await importFile(team.owner.api, team.baseId, { name: 'c.csv', bytes: fixture('customers-utf8-bom.csv') }, {
      tableId,
      columns: [
        { column: '公司地址', field: 'Notes' },
        { column: '预估金额', skip: true },
        { column: '城市', name: 'City', type: 'singleSelect' },
      ],
    });
    expect(job).toMatchObject({ status: 'done', created: 500 });
    const records = await allRecords(team.owner.api, tableId);
    expect(records[3]!.fields).toEqual({ 客户名称: '杭州领航德网络科技有限公司', 统一社会信用代码: '91330100130814539F', Notes: '杭州市工业园区长江路451号', City: '杭州' });
  });

  it('refuses what the role does not allow, before anything is written', async () => {
    const tableId = await customersTable();
    const file = { name: 'c.csv', bytes: fixture('customers-utf8-bom.csv') };
    const newTable = await upload(team.editor.api, `/bases/${team.baseId}/imports`, file);
    expect(newTable.status).toBe(403);
    const newField = await upload(team.editor.api, `/bases/${team.baseId}/imports`, file, { tableId, columns: [{ column: '城市', type: 'singleLineText' }] });
    expect(newField.status).toBe(403);
    expect((await upload(team.viewer.api, `/bases/${team.baseId}/imports`, file, { tableId })).status).toBe(403);
    expect((await upload(team.stranger.api, `/bases/${team.baseId}/imports`, file, { tableId })).status).toBe(404);
    const badKey = await upload(team.owner.api, `/bases/${team.baseId}/imports`, file, { tableId, keyField: 'Nope' });
    expect(badKey.status).toBe(400);
    expect(await allRecords(team.owner.api, tableId)).toHaveLength(3);
  });
});
