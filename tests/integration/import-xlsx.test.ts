import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTeam, type Team } from '../support/seed.ts';
import { startTestServer } from '../support/test-server.ts';
import { allRecords, fixture, importFile, tableOf, typesOf, upload } from './import-support.ts';

let tessera: Awaited<ReturnType<typeof startTestServer>>;
let team: Team;

beforeAll(async () => {
  tessera = await startTestServer();
  team = seedTeam(tessera);
});
afterAll(async () => tessera.close());

describe('customers.xlsx: three sheets, three tables', () => {
  let job: any;
  const byName = (name: string) => job.tables.find((t: { name: string }) => t.name === name);

  beforeAll(async () => {
    job = await importFile(team.owner.api, team.baseId, { name: 'customers.xlsx', bytes: fixture('customers.xlsx') });
  });

  it('makes one table per sheet, with every row', async () => {
    expect(job).toMatchObject({ status: 'done', format: 'xlsx', errorCount: 0, updated: 0, skipped: 0 });
    expect(job.tables.map((t: { name: string }) => t.name)).toEqual(['客户', '联系人', '跟进记录']);
    expect(job.rowsTotal).toBe(500 + 1028 + 1521);
    expect(job.created).toBe(500 + 1028 + 1521);
    expect(await allRecords(team.owner.api, byName('客户').id)).toHaveLength(500);
  });

  it('keeps Excel dates as dates and ¥ amounts and % as numbers', async () => {
    const table = await tableOf(team.owner.api, team.baseId, byName('客户').id);
    expect(typesOf(table)).toMatchObject({ 预估金额: 'currency', 赢单概率: 'percent', 创建日期: 'date', 最后跟进日期: 'date', 下次跟进日期: 'date', 官方网站: 'url' });
    expect(table.fields.find((f) => f.name === '预估金额')!.options).toMatchObject({ symbol: '¥', precision: 2 });
    const [first] = await allRecords(team.owner.api, table.id);
    expect(first!.fields).toMatchObject({ 客户名称: '杭州领航德网络科技有限公司', 预估金额: 2347275, 赢单概率: 0.5, 创建日期: '2025-02-06', 最后跟进日期: '2025-02-15', 下次跟进日期: '2025-07-17' });
  });

  it('gives the same values as the CSV of the same sheet', async () => {
    const csv = await importFile(team.owner.api, team.baseId, { name: 'customers-utf8-bom.csv', bytes: fixture('customers-utf8-bom.csv') });
    const fromCsv = await allRecords(team.owner.api, csv.tables[0].id);
    const fromXlsx = await allRecords(team.owner.api, byName('客户').id);
    expect(fromXlsx.map((r) => r.fields)).toEqual(fromCsv.map((r) => r.fields));
  });

  it('skips the merged title row above the 联系人 header', async () => {
    const table = await tableOf(team.owner.api, team.baseId, byName('联系人').id);
    expect(table.fields.map((f) => f.name)).toEqual(['姓名', '所属客户', '职位', '部门', '手机', '邮箱', '微信', '决策链角色']);
    expect(typesOf(table)).toMatchObject({ 手机: 'phoneNumber', 邮箱: 'email' });
    const records = await allRecords(team.owner.api, table.id);
    expect(records).toHaveLength(1028);
    expect(records[0]!.fields).toMatchObject({ 姓名: '刘芳', 所属客户: '杭州领航德网络科技有限公司', 手机: '15259774975', 邮箱: 'liu.1@corp1.cn' });
  });

  it('imports the follow-ups with their dates', async () => {
    const table = await tableOf(team.owner.api, team.baseId, byName('跟进记录').id);
    expect(typesOf(table)).toMatchObject({ 跟进日期: 'date', 下次跟进: 'date' });
    const records = await allRecords(team.owner.api, table.id);
    expect(records).toHaveLength(1521);
    expect(records[0]!.fields).toMatchObject({ 客户: '武汉天成远建设工程有限公司', 跟进日期: '2026-05-11', 跟进方式: '拜访' });
  });

  it('previews each sheet with its header row', async () => {
    const res = await upload(team.owner.api, `/bases/${team.baseId}/imports/preview`, { name: 'customers.xlsx', bytes: fixture('customers.xlsx') });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.sheets.map((s: any) => [s.name, s.headerRow, s.rowsTotal, s.hidden])).toEqual([
      ['客户', 1, 500, false], ['联系人', 2, 1028, false], ['跟进记录', 1, 1521, false],
    ]);
    expect(res.body.sheets[0].rows[0].cells).toContain('2025-02-06');
  });

  it('imports only the sheets asked for, into the table named', async () => {
    const picked = await importFile(team.owner.api, team.baseId, { name: 'customers.xlsx', bytes: fixture('customers.xlsx') }, { sheets: [{ name: '跟进记录', tableName: 'Follow-ups' }] });
    expect(picked).toMatchObject({ status: 'done', created: 1521 });
    expect(picked.tables.map((t: { name: string }) => t.name)).toEqual(['Follow-ups']);
  });
});
