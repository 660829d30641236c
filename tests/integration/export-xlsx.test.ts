import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZipArchive } from '../../server/imports/xlsx/zip-archive.ts';
import { seedTeam, type Team } from '../support/seed.ts';
import { startTestServer } from '../support/test-server.ts';
import { allRecords, download, fixture, importFile, tableOf, typesOf } from './import-support.ts';

let tessera: Awaited<ReturnType<typeof startTestServer>>;
let team: Team;

beforeAll(async () => {
  tessera = await startTestServer();
  team = seedTeam(tessera);
});
afterAll(async () => tessera.close());

const values = async (tableId: string) => (await allRecords(team.owner.api, tableId)).map((r) => r.fields);

/** The parts of an .xlsx, read with the import's own zip reader. */
async function part(bytes: Buffer, name: string): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-')), 'export.xlsx');
  fs.writeFileSync(file, bytes);
  const zip = await ZipArchive.open(file);
  try {
    return await zip.readText(name);
  } finally {
    zip.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

describe('.xlsx export', () => {
  it('round-trips the customers workbook sheet with typed cells', async () => {
    const job = await importFile(team.owner.api, team.baseId, { name: 'customers.xlsx', bytes: fixture('customers.xlsx') }, { sheets: [{ name: '客户' }] });
    const table = job.tables[0];
    const res = await download(team.owner.api, `/tables/${table.id}/export?format=xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="export.xlsx"; filename*=UTF-8''%E5%AE%A2%E6%88%B7.xlsx`);

    const sheet = await part(res.bytes, 'xl/worksheets/sheet1.xml');
    // 预估金额 (L) a number with the ¥ format, 赢单概率 (M) a number with %, 创建日期 (N) an Excel date.
    expect(sheet).toMatch(/<c r="L2" s="\d+"><v>2347275<\/v><\/c><c r="M2" s="\d+"><v>0.5<\/v><\/c><c r="N2" s="\d+"><v>45694<\/v><\/c>/);
    const styles = await part(res.bytes, 'xl/styles.xml');
    expect(styles).toContain('formatCode="&quot;¥&quot;#,##0.00"');
    expect(styles).toContain('formatCode="yyyy-mm-dd"');
    expect(styles).toContain('formatCode="0%"');

    const again = await importFile(team.owner.api, team.baseId, { name: 'again.xlsx', bytes: res.bytes });
    expect(again).toMatchObject({ status: 'done', created: 500, errorCount: 0 });
    expect(await values(again.tables[0].id)).toEqual(await values(table.id));
    expect(typesOf(await tableOf(team.owner.api, team.baseId, again.tables[0].id))).toEqual(typesOf(await tableOf(team.owner.api, team.baseId, table.id)));
  });

  it('round-trips messy values; formulas stay text, negative amounts stay numbers', async () => {
    const job = await importFile(team.owner.api, team.baseId, { name: 'messy.csv', bytes: fixture('messy.csv') });
    const tableId = job.tables[0].id;
    await team.owner.api.post(`/tables/${tableId}/records`, { records: [{ fields: { 客户名称: '负数', 预估金额: -1234.5 } }] });
    const res = await download(team.owner.api, `/tables/${tableId}/export?format=xlsx`);
    const sheet = await part(res.bytes, 'xl/worksheets/sheet1.xml');
    expect(sheet).toContain(`<t xml:space="preserve">'=HYPERLINK(&quot;http://example.invalid&quot;,&quot;点我&quot;)</t>`);
    expect(sheet).toContain(`<t xml:space="preserve">'+86 138 0013 8000</t>`);
    expect(sheet).toMatch(/<c r="C10" s="\d+"><v>-1234.5<\/v><\/c>/);
    expect(sheet).not.toContain('<f>');

    const again = await importFile(team.owner.api, team.baseId, { name: 'messy.xlsx', bytes: res.bytes });
    expect(again).toMatchObject({ status: 'done', created: 9, errorCount: 0 });
    expect(await values(again.tables[0].id)).toEqual(await values(tableId));
  });
});
