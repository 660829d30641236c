import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, PARSE_WORKER_MIN_BYTES } from '../../server/imports/limits.ts';
import { seedTeam, type Team } from '../support/seed.ts';
import { startTestServer } from '../support/test-server.ts';
import { xlsxFile, type XlsxSheet } from '../support/xlsx-file.ts';
import { allRecords, importFile, tableOf, typesOf, upload } from './import-support.ts';

// Merged cells in an .xlsx import (decision 0038): every cell of a merged range takes its
// top-left value, a title merged across the table is never the header, a two-row header
// with group labels names its columns "联系方式 电话", and the preview shows what the import
// writes — through the inline reader and the parse worker alike.

let tessera: Awaited<ReturnType<typeof startTestServer>>;
let team: Team;

beforeAll(async () => {
  tessera = await startTestServer();
  team = seedTeam(tessera);
});
afterAll(async () => tessera?.close());

async function preview(name: string, sheets: XlsxSheet[]): Promise<any> {
  const res = await upload(team.owner.api, `/bases/${team.baseId}/imports/preview`, { name, bytes: await xlsxFile(sheets) });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function imported(name: string, sheets: XlsxSheet[]): Promise<{ job: any; records: Array<Record<string, unknown>>; table: Awaited<ReturnType<typeof tableOf>> }> {
  const job = await importFile(team.owner.api, team.baseId, { name, bytes: await xlsxFile(sheets) });
  expect(job, JSON.stringify(job)).toMatchObject({ status: 'done', errorCount: 0 });
  const tableId = job.tables[0].id;
  return { job, records: (await allRecords(team.owner.api, tableId)).map((r) => r.fields), table: await tableOf(team.owner.api, team.baseId, tableId) };
}

/** The preview's rows as records: column name → cell (cells are by the column's index in the file), empty cells left out like the API leaves them. */
function previewRecords(sheet: any): Array<Record<string, unknown>> {
  return sheet.rows.map((row: any) => Object.fromEntries(sheet.columns.flatMap((column: any) => (row.cells[column.index] === null ? [] : [[column.name, row.cells[column.index]]]))));
}

describe('a title merged across the table', () => {
  // Wider than the table, as titles often are: it must add no columns and never be the header.
  const sheet: XlsxSheet = {
    name: '联系人',
    rows: [
      ['2025年重点客户联系人表'],
      ['姓名', '所属客户', '手机', '邮箱'],
      ['刘芳', '杭州领航德网络科技有限公司', '15259774975', 'liu.fang@lhd.cn'],
      ['王伟', '上海启明星贸易有限公司', '13816620931', 'wang.wei@qmx.com.cn'],
      ['陈静', '深圳华信达电子有限公司', '18620017734', 'chen.jing@hxd.cn'],
    ],
    merges: ['A1:G1'],
  };

  it('previews the row under it as the header, with the table’s columns only', async () => {
    const [inspection] = (await preview('title.xlsx', [sheet])).sheets;
    expect(inspection.headerRow).toBe(2);
    expect(inspection.columns.map((c: any) => [c.name, c.type])).toEqual([['姓名', 'singleLineText'], ['所属客户', 'singleLineText'], ['手机', 'phoneNumber'], ['邮箱', 'email']]);
    expect(inspection.rows.map((r: any) => r.row)).toEqual([3, 4, 5]);
  });

  it('imports the rows below the header, none from the title', async () => {
    const { records, table } = await imported('title.xlsx', [sheet]);
    expect(table.fields.map((f) => f.name)).toEqual(['姓名', '所属客户', '手机', '邮箱']);
    expect(records).toEqual([
      { 姓名: '刘芳', 所属客户: '杭州领航德网络科技有限公司', 手机: '15259774975', 邮箱: 'liu.fang@lhd.cn' },
      { 姓名: '王伟', 所属客户: '上海启明星贸易有限公司', 手机: '13816620931', 邮箱: 'wang.wei@qmx.com.cn' },
      { 姓名: '陈静', 所属客户: '深圳华信达电子有限公司', 手机: '18620017734', 邮箱: 'chen.jing@hxd.cn' },
    ]);
  });
});

describe('a company merged down over its contacts', () => {
  const sheet: XlsxSheet = {
    name: '客户联系人',
    rows: [
      ['客户名称', '城市', '联系人', '职位'],
      ['杭州领航德网络科技有限公司', '杭州', '刘芳', '采购经理'],
      [null, null, '赵磊', '技术总监'],
      [null, null, '孙丽', '财务'],
      ['成都蜀信科技有限公司', '成都', '周强', '总经理'],
      ['上海启明星贸易有限公司', '上海', '王伟', '运营主管'],
      [null, null, '吴敏', '采购专员'],
    ],
    merges: ['A2:A4', 'B2:B4', 'A6:A7', 'B6:B7'],
  };
  const expected = [
    { 客户名称: '杭州领航德网络科技有限公司', 城市: '杭州', 联系人: '刘芳', 职位: '采购经理' },
    { 客户名称: '杭州领航德网络科技有限公司', 城市: '杭州', 联系人: '赵磊', 职位: '技术总监' },
    { 客户名称: '杭州领航德网络科技有限公司', 城市: '杭州', 联系人: '孙丽', 职位: '财务' },
    { 客户名称: '成都蜀信科技有限公司', 城市: '成都', 联系人: '周强', 职位: '总经理' },
    { 客户名称: '上海启明星贸易有限公司', 城市: '上海', 联系人: '王伟', 职位: '运营主管' },
    { 客户名称: '上海启明星贸易有限公司', 城市: '上海', 联系人: '吴敏', 职位: '采购专员' },
  ];

  it('gives every contact row the company and city, in the preview and in the records', async () => {
    const [inspection] = (await preview('contacts.xlsx', [sheet])).sheets;
    expect(inspection.headerRow).toBe(1);
    expect(previewRecords(inspection)).toEqual(expected);
    const { records } = await imported('contacts.xlsx', [sheet]);
    expect(records).toEqual(expected);
  });
});

describe('a two-row header with merged group labels', () => {
  const sheet: XlsxSheet = {
    name: '客户',
    rows: [
      ['客户名称', '负责人', null, '联系方式', null],
      [null, '姓名', '电话', '电话', '邮箱'],
      ['杭州领航德网络科技有限公司', '李娜', '13900001111', '0571-88886666', 'info@lhd.cn'],
      ['成都蜀信科技有限公司', '张伟', '13900002222', '028-66668888', 'hello@shuxin.cn'],
    ],
    // 客户名称 merged down over both header rows; the two group labels merged across their names.
    merges: ['A1:A2', 'B1:C1', 'D1:E1'],
  };

  it('names each column after its group and its own name, and starts the data below both rows', async () => {
    const [inspection] = (await preview('two-row-header.xlsx', [sheet])).sheets;
    expect(inspection.headerRow).toBe(2);
    expect(inspection.columns.map((c: any) => c.name)).toEqual(['客户名称', '负责人 姓名', '负责人 电话', '联系方式 电话', '联系方式 邮箱']);
    expect(inspection.columns.find((c: any) => c.name === '联系方式 邮箱').type).toBe('email');
    const { records, table } = await imported('two-row-header.xlsx', [sheet]);
    expect(typesOf(table)).toMatchObject({ '负责人 电话': 'phoneNumber', '联系方式 邮箱': 'email' });
    // The preview shows the cells as they are; the import writes them through the field types (phones normalized).
    const texts = (rows: Array<Record<string, unknown>>) => rows.map((r) => [r['客户名称'], r['负责人 姓名'], r['联系方式 邮箱']]);
    expect(texts(records)).toEqual(texts(previewRecords(inspection)));
    expect(previewRecords(inspection)[0]).toMatchObject({ '联系方式 电话': '0571-88886666' });
    expect(records[0]).toEqual({ 客户名称: '杭州领航德网络科技有限公司', '负责人 姓名': '李娜', '负责人 电话': '13900001111', '联系方式 电话': '0571 88886666', '联系方式 邮箱': 'info@lhd.cn' });
  });

  it('finds the header under a title too', async () => {
    const titled: XlsxSheet = { name: '客户', rows: [['客户通讯录 2025'], [], ...sheet.rows], merges: ['A1:E1', 'A3:A4', 'B3:C3', 'D3:E3'] };
    const [inspection] = (await preview('titled.xlsx', [titled])).sheets;
    expect(inspection.headerRow).toBe(4);
    expect(inspection.columns.map((c: any) => c.name)).toEqual(['客户名称', '负责人 姓名', '负责人 电话', '联系方式 电话', '联系方式 邮箱']);
  });
});

describe('merged ranges that run past the data', () => {
  const sheet: XlsxSheet = {
    name: '跟进',
    rows: [
      ['客户', '跟进日期', '跟进方式', '备注'],
      ['杭州领航德网络科技有限公司', { date: 46153 }, '拜访', '客户要求下周报价'],
      [null, { date: 46160 }, '电话', '已发报价单，等待回复，需要总监审批'],
      ['成都蜀信科技有限公司', { date: 46161 }, '微信'],
    ],
    // The company merged down past the last row; 备注 merged across as wide as the sheet is
    // printed in the header and in a data row; the third row's 备注 left empty.
    merges: ['A2:A3', 'D1:F1', 'D3:H3', 'A4:A12'],
  };
  const expected = [
    { 客户: '杭州领航德网络科技有限公司', 跟进日期: '2026-05-11', 跟进方式: '拜访', 备注: '客户要求下周报价' },
    { 客户: '杭州领航德网络科技有限公司', 跟进日期: '2026-05-18', 跟进方式: '电话', 备注: '已发报价单，等待回复，需要总监审批' },
    { 客户: '成都蜀信科技有限公司', 跟进日期: '2026-05-19', 跟进方式: '微信' },
  ];

  it('makes no rows and no columns of their own, and the preview and the import agree', async () => {
    const [inspection] = (await preview('past-the-data.xlsx', [sheet])).sheets;
    expect(inspection.columns.map((c: any) => [c.index, c.name])).toEqual([[0, '客户'], [1, '跟进日期'], [2, '跟进方式'], [3, '备注']]);
    expect(inspection.rows.map((r: any) => r.row)).toEqual([2, 3, 4]);
    expect(inspection.rows[1].cells).toHaveLength(4);
    expect(previewRecords(inspection)).toEqual(expected);
    const { records, table, job } = await imported('past-the-data.xlsx', [sheet]);
    expect(job.created).toBe(3);
    expect(typesOf(table)).toMatchObject({ 跟进日期: 'date' });
    expect(records).toEqual(expected);
  });

  it('leaves out the column under a merged header cell in the middle of the table, and the rest keep their cells', async () => {
    const middle: XlsxSheet = {
      name: '客户',
      rows: [['客户名称', '备注', null, '城市'], ['杭州领航德网络科技有限公司', '老客户，年底续约', null, '杭州'], ['成都蜀信科技有限公司', '新客户', null, '成都']],
      merges: ['B1:C1', 'B2:C2'],
    };
    const [inspection] = (await preview('middle.xlsx', [middle])).sheets;
    expect(inspection.columns.map((c: any) => [c.index, c.name])).toEqual([[0, '客户名称'], [1, '备注'], [3, '城市']]);
    expect(inspection.rows[0].cells).toEqual(['杭州领航德网络科技有限公司', '老客户，年底续约', null, '杭州']);
    const { records } = await imported('middle.xlsx', [middle]);
    expect(records).toEqual(previewRecords(inspection));
    expect(records[1]).toEqual({ 客户名称: '成都蜀信科技有限公司', 备注: '新客户', 城市: '成都' });
  });

  it('keeps a column under a merged header cell when the data types values into it', async () => {
    const typed: XlsxSheet = { ...sheet, rows: [...sheet.rows, ['成都蜀信科技有限公司', { date: 46162 }, '拜访', '面谈', '已约第二次']], merges: ['D1:E1'] };
    const [inspection] = (await preview('typed.xlsx', [typed])).sheets;
    expect(inspection.columns.map((c: any) => [c.index, c.name])).toEqual([[0, '客户'], [1, '跟进日期'], [2, '跟进方式'], [3, '备注'], [4, '备注 (2)']]);
    expect(previewRecords(inspection)[3]).toEqual({ 客户: '成都蜀信科技有限公司', 跟进日期: '2026-05-20', 跟进方式: '拜访', 备注: '面谈', '备注 (2)': '已约第二次' });
  });
});

describe('the parse worker and the inline reader', () => {
  const companies = ['杭州领航德网络科技有限公司', '成都蜀信科技有限公司', '上海启明星贸易有限公司', '深圳华信达电子有限公司'];
  // Each customer's name and level merged down over its three contacts.
  function contacts(groups: number, stored: boolean): XlsxSheet {
    const rows: XlsxSheet['rows'] = [['客户名称', '客户级别', '联系人', '手机', '备注']];
    const merges: string[] = [];
    for (let g = 0; g < groups; g++) {
      const top = rows.length + 1;
      for (let k = 0; k < 3; k++) {
        rows.push([k === 0 ? `${companies[g % 4]}${g}` : null, k === 0 ? 'ABC'[g % 3] : null, `联系人${g}-${k}`, `139${String(g * 3 + k).padStart(8, '0')}`, `第${g}组的第${k + 1}位联系人，负责采购与技术对接，电话沟通为主`]);
      }
      merges.push(`A${top}:A${top + 2}`, `B${top}:B${top + 2}`);
    }
    return { name: '联系人', rows, merges, stored };
  }

  it('import the same filled rows', async () => {
    const small = await xlsxFile([contacts(100, false)]);
    const big = await xlsxFile([contacts(12_000, true)]);
    expect(small.length).toBeLessThan(PARSE_WORKER_MIN_BYTES);
    expect(big.length).toBeGreaterThanOrEqual(PARSE_WORKER_MIN_BYTES);
    const inline = await importFile(team.owner.api, team.baseId, { name: 'small.xlsx', bytes: small });
    const worker = await importFile(team.owner.api, team.baseId, { name: 'big.xlsx', bytes: big }, { sheets: [{ name: '联系人', tableName: 'big' }] });
    expect(inline).toMatchObject({ status: 'done', created: 300, errorCount: 0 });
    expect(worker).toMatchObject({ status: 'done', created: 36_000, errorCount: 0 });
    const inlineRecords = (await allRecords(team.owner.api, inline.tables[0].id)).map((r) => r.fields);
    const workerRecords = (await allRecords(team.owner.api, worker.tables[0].id)).map((r) => r.fields);
    expect(workerRecords.slice(0, 300)).toEqual(inlineRecords);
    expect(inlineRecords[4]).toMatchObject({ 客户名称: '成都蜀信科技有限公司1', 客户级别: 'B', 联系人: '联系人1-1' });
    expect(workerRecords[35_999]).toMatchObject({ 客户名称: '深圳华信达电子有限公司11999', 客户级别: 'C', 联系人: '联系人11999-2' });
    expect(workerRecords.every((r) => typeof r['客户名称'] === 'string' && typeof r['客户级别'] === 'string')).toBe(true);
  }, 120_000);
});

describe('a sheet with too many merged ranges', () => {
  it('is refused, naming the sheet and the limit, before anything is written', async () => {
    const limit = IMPORT_LIMITS.xlsxMergedRanges;
    const parts: string[] = [`<mergeCells count="${limit + 1}">`];
    for (let i = 0; i <= limit; i++) parts.push(`<mergeCell ref="A${i + 2}:B${i + 2}"/>`);
    parts.push('</mergeCells>');
    const sheet: XlsxSheet = { name: '合并', rows: [['客户名称', '城市'], ['杭州领航德网络科技有限公司', '杭州']], mergeXml: parts.join('') };
    const bytes = await xlsxFile([sheet]);
    const before = (await team.owner.api.get(`/bases/${team.baseId}/tables`)).body.tables.length;
    for (const path of [`/bases/${team.baseId}/imports/preview`, `/bases/${team.baseId}/imports`]) {
      const res = await upload(team.owner.api, path, { name: 'merges.xlsx', bytes });
      expect(res.status, JSON.stringify(res.body)).toBe(413);
      expect(res.body.error.message).toMatch(/sheet "合并" has more than 1,000,000 merged cell ranges, the most an import applies; unmerge the cells/);
    }
    expect((await team.owner.api.get(`/bases/${team.baseId}/tables`)).body.tables.length).toBe(before);
  }, 60_000);
});
