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

const CUSTOMER_TYPES = {
  客户名称: 'singleLineText', 统一社会信用代码: 'singleLineText', 所属行业: 'singleSelect', 企业规模: 'singleSelect', 城市: 'singleSelect',
  官方网站: 'url', 公司地址: 'singleLineText', 客户来源: 'singleSelect', 商机阶段: 'singleSelect', 客户级别: 'singleSelect', 负责人: 'singleSelect',
  预估金额: 'currency', 赢单概率: 'percent', 创建日期: 'date', 最后跟进日期: 'date', 下次跟进日期: 'date',
};

describe('CSV import of the 客户 sheet', () => {
  let utf8: { job: any; records: any[] };
  let gbk: { job: any; records: any[] };

  beforeAll(async () => {
    const api = team.owner.api;
    const one = async (name: string) => {
      const job = await importFile(api, team.baseId, { name, bytes: fixture(name) });
      return { job, records: await allRecords(api, job.tables[0].id) };
    };
    utf8 = await one('customers-utf8-bom.csv');
    gbk = await one('customers-gbk.csv');
  });

  it('imports 500 rows with every column typed', async () => {
    expect(utf8.job).toMatchObject({ status: 'done', rowsDone: 500, created: 500, updated: 0, skipped: 0, errorCount: 0, errors: [] });
    const table = await tableOf(team.owner.api, team.baseId, utf8.job.tables[0].id);
    expect(table.name).toBe('customers-utf8-bom');
    expect(typesOf(table)).toEqual(CUSTOMER_TYPES);
    expect(utf8.records).toHaveLength(500);
    expect(utf8.records[0]!.fields).toMatchObject({
      客户名称: '杭州领航德网络科技有限公司', 统一社会信用代码: '91330100130814539F', 官方网站: 'https://www.yf1.com.cn',
      预估金额: 2347275, 赢单概率: 0.5, 创建日期: '2025-02-06', 最后跟进日期: '2025-02-15', 下次跟进日期: '2025-07-17', 商机阶段: '方案报价',
    });
  });

  it('gives the same table from the GBK file as from the UTF-8 one', async () => {
    expect(gbk.job).toMatchObject({ status: 'done', created: 500, errorCount: 0 });
    const table = await tableOf(team.owner.api, team.baseId, gbk.job.tables[0].id);
    expect(typesOf(table)).toEqual(CUSTOMER_TYPES);
    expect(gbk.records.map((r) => r.fields)).toEqual(utf8.records.map((r) => r.fields));
  });

  it('previews encoding, delimiter, header and inferred types without writing anything', async () => {
    const before = (await team.owner.api.get(`/bases/${team.baseId}/tables`)).body.tables.length;
    const res = await upload(team.owner.api, `/bases/${team.baseId}/imports/preview`, { name: 'customers-gbk.csv', bytes: fixture('customers-gbk.csv') });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ format: 'csv', encoding: 'gb18030', bom: false, delimiter: ',' });
    const [sheet] = res.body.sheets;
    expect(sheet.headerRow).toBe(1);
    expect(sheet.rows).toHaveLength(50);
    expect(sheet.rows[0]).toEqual({ row: 2, cells: expect.arrayContaining(['杭州领航德网络科技有限公司', '2347275']) });
    expect(Object.fromEntries(sheet.columns.map((c: any) => [c.name, c.type]))).toEqual(CUSTOMER_TYPES);
    const stage = sheet.columns.find((c: any) => c.name === '商机阶段');
    expect(stage.options.choices.map((c: any) => c.name).sort()).toEqual(['初步接洽', '商务谈判', '已流失', '已签约', '方案报价', '需求分析'].sort());
    expect(sheet.columns.find((c: any) => c.name === '预估金额').options).toMatchObject({ symbol: '¥', precision: 2 });
    expect((await team.owner.api.get(`/bases/${team.baseId}/tables`)).body.tables.length).toBe(before);
  });

  it('detects tab, semicolon and pipe delimiters', async () => {
    for (const delimiter of ['\t', ';', '|']) {
      const text = `名称${delimiter}金额${delimiter}日期\r\n甲${delimiter}12${delimiter}2024-01-05\r\n乙${delimiter}7${delimiter}2024-02-05\r\n`;
      const res = await upload(team.owner.api, `/bases/${team.baseId}/imports/preview`, { name: 'x.csv', bytes: Buffer.from(text) });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.delimiter).toBe(delimiter);
      expect(res.body.sheets[0].columns.map((c: any) => c.name)).toEqual(['名称', '金额', '日期']);
    }
  });

  it('reads UTF-16 with a BOM', async () => {
    const text = '\uFEFF名称,数量\r\n甲,3\r\n';
    const le = Buffer.from(text, 'utf16le');
    const job = await importFile(team.owner.api, team.baseId, { name: 'utf16.csv', bytes: le });
    expect(job.status).toBe('done');
    const records = await allRecords(team.owner.api, job.tables[0].id);
    expect(records.map((r) => r.fields)).toEqual([{ 名称: '甲', 数量: 3 }]);
  });
});
