import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_SCOPES } from '../../server/auth/actor.ts';
import { PARSE_WORKER_MIN_BYTES } from '../../server/imports/limits.ts';
import { createCoercedRecords } from '../../server/records/index.ts';
import { loadTableSchema } from '../../server/tables/index.ts';
import { seedTeam, type Team } from '../support/seed.ts';
import { startTestServer } from '../support/test-server.ts';
import { allRecords, customersCsv, importFile } from './import-support.ts';

// Files from PARSE_WORKER_MIN_BYTES are read and coerced by a worker thread while the main
// thread writes; smaller ones inline. Both must import a file alike: the same values, the
// same reported cells (row and column), the same new choices, upserts and duplicates.

let tessera: Awaited<ReturnType<typeof startTestServer>>;
let team: Team;
let head: string;
let filler: string;

const HEADER_LINES = 1;
/** Rows under the header that both files share; the messy ones come after type inference's 1,000. */
const SHARED_ROWS = 1_300;

beforeAll(async () => {
  tessera = await startTestServer();
  team = seedTeam(tessera);
  const lines = (await customersCsv(22_000)).toString('utf8').split('\r\n');
  const shared = lines.slice(0, HEADER_LINES + SHARED_ROWS);
  // Columns: 0 客户名称, 1 统一社会信用代码, 8 商机阶段, 9 客户级别, 11 预估金额, 13 创建日期.
  const messy = (line: string, i: number) => {
    const cells = line.split(',');
    if (cells.length !== 16) return line;
    if (i % 7 === 0) cells[13] = '不是日期';
    if (i % 11 === 0) cells[11] = '一百万';
    if (i % 13 === 0) cells[8] = '新的阶段';
    if (i % 17 === 0) cells[9] = 'ａ'; // full-width lowercase: the existing choice "A"
    if (i % 19 === 0) cells[0] = "'=HYPERLINK(1)"; // an export's formula guard, taken off on import
    if (i % 23 === 0) cells[11] = '';
    return cells.join(',');
  };
  head = [shared[0], ...shared.slice(1).map((line, i) => (i >= 1_050 ? messy(line, i) : line))].join('\r\n');
  filler = lines.slice(HEADER_LINES + SHARED_ROWS).join('\r\n');
});
afterAll(async () => tessera?.close());

const withoutIds = (records: Array<{ fields: Record<string, unknown> }>) => records.map((r) => r.fields);

describe('the parse worker', () => {
  it('imports a file exactly as the inline path does: values, reported cells, new choices', async () => {
    const small = Buffer.from(`${head}\r\n`);
    const big = Buffer.from(`${head}\r\n${filler}`);
    expect(small.length).toBeLessThan(PARSE_WORKER_MIN_BYTES);
    expect(big.length).toBeGreaterThanOrEqual(PARSE_WORKER_MIN_BYTES);

    const inline = await importFile(team.owner.api, team.baseId, { name: 'small.csv', bytes: small });
    const worker = await importFile(team.owner.api, team.baseId, { name: 'big.csv', bytes: big });
    expect(inline).toMatchObject({ status: 'done', created: SHARED_ROWS });
    expect(worker).toMatchObject({ status: 'done', created: 22_000 });
    expect(inline.errorCount).toBeGreaterThan(50);

    const tables = (await team.owner.api.get(`/bases/${team.baseId}/tables`)).body.tables;
    const fieldsOf = (id: string) => tables.find((t: { id: string }) => t.id === id).fields.map((f: any) => ({ name: f.name, type: f.type, options: f.type.endsWith('elect') || f.type.endsWith('elects') ? { names: f.options.choices.map((c: any) => c.name) } : f.options }));
    // The same fields with the same choices in the same order: "新的阶段" added once, "ａ" folded to "A".
    expect(fieldsOf(worker.tables[0].id)).toEqual(fieldsOf(inline.tables[0].id));
    expect(JSON.stringify(fieldsOf(worker.tables[0].id))).toContain('新的阶段');

    const inlineRecords = withoutIds(await allRecords(team.owner.api, inline.tables[0].id));
    const workerRecords = withoutIds(await allRecords(team.owner.api, worker.tables[0].id));
    expect(workerRecords.slice(0, SHARED_ROWS)).toEqual(inlineRecords);
    expect(inlineRecords.some((r) => r['客户名称'] === '=HYPERLINK(1)')).toBe(true);

    const inlineErrors = (await team.owner.api.get(`/imports/${inline.id}`)).body.errors;
    const workerErrors = (await team.owner.api.get(`/imports/${worker.id}`)).body.errors;
    expect(workerErrors).toEqual(inlineErrors);
    expect(inlineErrors[0]).toMatchObject({ row: 1_052, column: '创建日期', value: '不是日期' });
  });

  it('upserts by a key through the worker: matches update, a repeated key is skipped and reported', async () => {
    const body = `${head}\r\n${filler}`; // ends with a line break
    const lines = body.split('\r\n');
    const codes = [lines[1]!.split(',')[1]!, lines[2]!.split(',')[1]!];
    const table = await team.owner.api.post(`/bases/${team.baseId}/tables`, {
      name: 'Upsert target',
      fields: [{ name: '客户名称', type: 'singleLineText' }, { name: '统一社会信用代码', type: 'singleLineText' }, { name: '预估金额', type: 'currency' }],
    });
    expect(table.status, JSON.stringify(table.body)).toBe(201);
    const tableId = table.body.id;
    await team.owner.api.post(`/tables/${tableId}/records`, {
      records: [
        { fields: { 客户名称: '旧名称', 统一社会信用代码: codes[0], 预估金额: 1 } },
        { fields: { 客户名称: '旧名称二', 统一社会信用代码: codes[1], 预估金额: 2 } },
      ],
    });
    // The first row again at the end: a duplicate key.
    const file = Buffer.from(`${body}${lines[1]}\r\n`);
    expect(file.length).toBeGreaterThanOrEqual(PARSE_WORKER_MIN_BYTES);
    const job = await importFile(team.owner.api, team.baseId, { name: 'upsert.csv', bytes: file }, { tableId, keyField: '统一社会信用代码' });
    expect(job).toMatchObject({ status: 'done', updated: 2, created: 21_998, skipped: 1 });
    const errors = (await team.owner.api.get(`/imports/${job.id}`)).body.errors;
    expect(errors.find((e: any) => e.reason.startsWith('duplicate key'))).toMatchObject({ row: 22_002, column: '统一社会信用代码', value: codes[0] });
    const records = await allRecords(team.owner.api, tableId);
    expect(records[0]!.fields['客户名称']).toBe(lines[1]!.split(',')[0]);
    expect(records[0]!.fields['客户名称']).not.toBe('旧名称');
  });

  it('sends rows with an attachment column through writeRecords, which checks each file', async () => {
    const table = await team.owner.api.post(`/bases/${team.baseId}/tables`, { name: 'With files', fields: [{ name: 'Name', type: 'singleLineText' }, { name: 'Files', type: 'attachment' }] });
    expect(table.status, JSON.stringify(table.body)).toBe(201);
    const csv = Buffer.from(`Name,Files\r\nA,not a file\r\nB,\r\nC,/api/v1/attachments/${'ab'.repeat(32)}\r\n`);
    const job = await importFile(team.owner.api, team.baseId, { name: 'files.csv', bytes: csv }, { tableId: table.body.id });
    expect(job).toMatchObject({ status: 'done', created: 3 });
    const errors = (await team.owner.api.get(`/imports/${job.id}`)).body.errors;
    expect(errors[0]).toMatchObject({ row: 2, column: 'Files', value: 'not a file' });
    const records = await allRecords(team.owner.api, table.body.id);
    expect(records.map((r) => r.fields['Name'])).toEqual(['A', 'B', 'C']);
    expect(records[0]!.fields['Files']).toBeUndefined();

    const schema = loadTableSchema(tessera.ctx, table.body.id);
    const files = schema.fields.find((f) => f.name === 'Files')!;
    const actor = { userId: team.owner.id, isAdmin: false, via: 'session' as const, scopes: new Set(TOKEN_SCOPES) };
    expect(() => createCoercedRecords(tessera.ctx, {
      tableId: table.body.id, fields: [{ id: files.id, type: files.type, options: files.options }], stored: [['[]']], values: [undefined], rows: [0], choices: [undefined],
    }, { actor, origin: 'import', typecast: true })).toThrow(/holds attachments, which writeRecords must check/);
  });

  it('refuses coerced values for a field whose type changed since they were coerced', async () => {
    const table = await team.owner.api.post(`/bases/${team.baseId}/tables`, { name: 'Changing', fields: [{ name: 'Name', type: 'singleLineText' }, { name: 'Amount', type: 'number' }] });
    const schema = loadTableSchema(tessera.ctx, table.body.id);
    const amount = schema.fields.find((f) => f.name === 'Amount')!;
    const actor = { userId: team.owner.id, isAdmin: false, via: 'session' as const, scopes: new Set(TOKEN_SCOPES) };
    const write = (type: string) => () => createCoercedRecords(tessera.ctx, {
      tableId: table.body.id, fields: [{ id: amount.id, type, options: amount.options }], stored: [[5]], values: [undefined], rows: [0], choices: [undefined],
    }, { actor, origin: 'import', typecast: true });
    expect(write('currency')).toThrow(/"Amount" was changed while the values for it were being read/);
    expect(await allRecords(team.owner.api, table.body.id)).toHaveLength(0);
    expect(write('number')()).toHaveLength(1);
    expect((await allRecords(team.owner.api, table.body.id))[0]!.fields).toEqual({ Amount: 5 });
  });
});
