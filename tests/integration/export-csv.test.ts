import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTeam, type Team } from '../support/seed.ts';
import { startTestServer } from '../support/test-server.ts';
import { allRecords, download, fixture, importFile, tableOf, typesOf } from './import-support.ts';

let tessera: Awaited<ReturnType<typeof startTestServer>>;
let team: Team;
let customers: { id: string };
let messy: { id: string };

beforeAll(async () => {
  tessera = await startTestServer();
  team = seedTeam(tessera);
  customers = (await importFile(team.owner.api, team.baseId, { name: 'c.csv', bytes: fixture('customers-utf8-bom.csv') }, { tableName: '客户' })).tables[0];
  messy = (await importFile(team.owner.api, team.baseId, { name: 'messy.csv', bytes: fixture('messy.csv') })).tables[0];
});
afterAll(async () => tessera.close());

const values = async (tableId: string) => (await allRecords(team.owner.api, tableId)).map((r) => r.fields);

describe('CSV export', () => {
  it('streams UTF-8 with a BOM, CRLF and a Chinese file name', async () => {
    const res = await download(team.viewer.api, `/tables/${customers.id}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="export.csv"; filename*=UTF-8''%E5%AE%A2%E6%88%B7.csv`);
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines).toHaveLength(502);
    expect(lines[0]).toBe('客户名称,统一社会信用代码,所属行业,企业规模,城市,官方网站,公司地址,客户来源,商机阶段,客户级别,负责人,预估金额,赢单概率,创建日期,最后跟进日期,下次跟进日期');
    expect(lines[1]).toBe('杭州领航德网络科技有限公司,91330100130814539F,信息技术,1000人以上,杭州,https://www.yf1.com.cn,杭州市工业园区长江路451号,电话营销,方案报价,A,刘洋,"¥2,347,275.00",50%,2025-02-06,2025-02-15,2025-07-17');
  });

  it('round-trips through CSV, UTF-8 and GBK alike', async () => {
    const original = await values(customers.id);
    for (const encoding of ['utf-8', 'gbk']) {
      const res = await download(team.owner.api, `/tables/${customers.id}/export?format=csv&encoding=${encoding}`);
      expect(res.status).toBe(200);
      if (encoding === 'gbk') {
        expect(res.headers.get('content-type')).toBe('text/csv; charset=gb18030');
        expect(new TextDecoder('gb18030').decode(res.bytes)).toContain('杭州领航德网络科技有限公司');
      }
      const again = await importFile(team.owner.api, team.baseId, { name: `again-${encoding}.csv`, bytes: res.bytes });
      expect(again).toMatchObject({ status: 'done', created: 500, errorCount: 0 });
      expect(await values(again.tables[0].id)).toEqual(original);
      expect(typesOf(await tableOf(team.owner.api, team.baseId, again.tables[0].id))).toEqual(typesOf(await tableOf(team.owner.api, team.baseId, customers.id)));
    }
  });

  it('round-trips messy values, emoji and line breaks in GBK too', async () => {
    const original = await values(messy.id);
    for (const encoding of ['utf-8', 'gbk']) {
      const res = await download(team.owner.api, `/tables/${messy.id}/export?encoding=${encoding}`);
      const again = await importFile(team.owner.api, team.baseId, { name: 'messy-again.csv', bytes: res.bytes });
      expect(again).toMatchObject({ status: 'done', created: 8, errorCount: 0 });
      expect(await values(again.tables[0].id)).toEqual(original);
    }
  });

  it('neutralizes formulas but keeps negative amounts as numbers', async () => {
    await team.owner.api.post(`/tables/${messy.id}/records`, { records: [{ fields: { 客户名称: '@SUM(1+1)', 预估金额: -1234.5, 备注: '-2+3+cmd' } }] });
    const text = (await download(team.owner.api, `/tables/${messy.id}/export`)).bytes.toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://example.invalid"",""点我"")"`);
    expect(text).toContain("'+86 138 0013 8000");
    expect(text).toContain(`'@SUM(1+1),,"-¥1,234.50",,,,'-2+3+cmd`);
    expect(text).not.toMatch(/(^|,)[=+@]/m);
  });

  it("exports a view's rows, order and visible fields", async () => {
    const fields = (await tableOf(team.owner.api, team.baseId, customers.id)).fields;
    const id = (name: string) => fields.find((f) => f.name === name)!.id;
    const view = await team.owner.api.post(`/tables/${customers.id}/views`, {
      name: '已签约',
      filter: { conjunction: 'and', conditions: [{ field: '商机阶段', operator: 'is', value: '已签约' }] },
      sorts: [{ field: '预估金额', direction: 'desc' }],
      hiddenFields: [id('公司地址'), id('统一社会信用代码')],
    });
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    const res = await download(team.owner.api, `/tables/${customers.id}/export?view=${view.body.id}`);
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('客户 - 已签约.csv')}`);
    const rows = res.bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(rows[0]).not.toContain('公司地址');
    expect(rows[0]).not.toContain('统一社会信用代码');
    const all = await values(customers.id);
    const signed = all.filter((r) => r.商机阶段 === '已签约').sort((a, b) => (b.预估金额 as number) - (a.预估金额 as number));
    expect(rows).toHaveLength(signed.length + 1);
    expect(rows[1]!.startsWith(`${signed[0]!.客户名称},`)).toBe(true);
  });

  it('keeps tables from strangers and refuses unknown formats', async () => {
    expect((await download(team.stranger.api, `/tables/${customers.id}/export`)).status).toBe(404);
    expect((await download(team.owner.api, `/tables/${customers.id}/export?format=pdf`)).status).toBe(400);
  });
});
