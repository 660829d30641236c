import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTeam, type Team } from '../support/seed.ts';
import { startTestServer } from '../support/test-server.ts';
import { allRecords, fixture, importFile, tableOf, typesOf } from './import-support.ts';

let tessera: Awaited<ReturnType<typeof startTestServer>>;
let team: Team;

beforeAll(async () => {
  tessera = await startTestServer();
  team = seedTeam(tessera);
});
afterAll(async () => tessera.close());

describe('messy.csv', () => {
  let job: any;
  beforeAll(async () => {
    job = await importFile(team.owner.api, team.baseId, { name: 'messy.csv', bytes: fixture('messy.csv') });
  });

  it('imports every row, leaving bad cells empty', async () => {
    expect(job).toMatchObject({ status: 'done', created: 8, rowsDone: 8, skipped: 0, errorCount: 3 });
    const table = await tableOf(team.owner.api, team.baseId, job.tables[0].id);
    expect(typesOf(table)).toEqual({
      客户名称: 'singleLineText', 联系电话: 'phoneNumber', 预估金额: 'currency', 签约日期: 'date', 赢单概率: 'percent', 标签: 'multipleSelects', 备注: 'longText',
    });
    const records = (await allRecords(team.owner.api, table.id)).map((r) => r.fields);
    expect(records[0]).toMatchObject({ 客户名称: '杭州云帆信息科技有限公司', 联系电话: '+86 138 0013 8000', 预估金额: 1234.5, 赢单概率: 0.12, 标签: ['重点', '华东'], 备注: '第一行' });
    expect(records[1]).toMatchObject({ 预估金额: 1_000_000, 赢单概率: 0.35, 备注: '含,逗号' });
    expect(records[2]).toMatchObject({ 备注: '多行\n备注', 预估金额: 88 });
    expect(records[4]).toMatchObject({ 客户名称: '成都恒信软件有限公司', 赢单概率: 1.2, 标签: ['西南'] });
    expect(records[4]).not.toHaveProperty('联系电话');
    expect(records[4]).not.toHaveProperty('预估金额');
    expect(records[4]).not.toHaveProperty('签约日期');
    expect(records[6]).toMatchObject({ 客户名称: '=HYPERLINK("http://example.invalid","点我")', 预估金额: 3500 });
    expect(records[7]).toMatchObject({ 客户名称: '武汉瑞丰物流有限公司 🚚' });
  });

  it('reports each bad cell with its row, column, value and reason', () => {
    expect(job.errors).toEqual([
      { row: 7, column: '联系电话', value: '1380013800', reason: '"1380013800" is not a phone number: a Chinese mobile number has 11 digits, this has 10' },
      { row: 7, column: '预估金额', value: 'abc', reason: '"abc" is not a number' },
      { row: 7, column: '签约日期', value: '2024-13-45', reason: '"2024-13-45" is not a valid date' },
    ]);
  });

  it('serves the report as a CSV Excel opens', async () => {
    const res = await fetch(`${team.owner.api.baseUrl}/api/v1/imports/${job.id}/errors.csv`, { headers: { Authorization: `Bearer ${team.owner.api.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = Buffer.from(await res.arrayBuffer());
    const text = bytes.toString('utf8');
    expect(text.startsWith('\uFEFFsheet,row,column,value,reason\r\n')).toBe(true);
    expect(text).toContain(',7,预估金额,abc,"""abc"" is not a number"\r\n');
  });

  it('reports duplicate keys within the file and skips the later row', async () => {
    const keyed = await importFile(team.owner.api, team.baseId, { name: 'messy.csv', bytes: fixture('messy.csv') }, { keyField: '客户名称' });
    expect(keyed).toMatchObject({ status: 'done', created: 7, skipped: 1 });
    expect(keyed.errors).toContainEqual({ row: 8, column: '客户名称', value: '杭州云帆信息科技有限公司', reason: 'duplicate key: row 2 has the same 客户名称; this row was skipped' });
  });

  it('hides the report from strangers and lets viewers read it', async () => {
    expect((await team.stranger.api.get(`/imports/${job.id}`)).status).toBe(404);
    expect((await team.viewer.api.get(`/imports/${job.id}`)).status).toBe(200);
    expect((await team.viewer.api.post(`/imports/${job.id}/cancel`)).status).toBe(403);
  });
});
