import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../support/fixtures.ts';
import { seedCustomerTable, type SeededTable } from '../support/records-table.ts';
import { ApiClient, startTestServer } from '../support/test-server.ts';

let tessera: Awaited<ReturnType<typeof startTestServer>>;
let seeded: SeededTable;
let api: ApiClient;
const STAGES = ['初步接洽', '方案报价', '已签约'];

beforeAll(async () => {
  tessera = await startTestServer();
  seeded = seedCustomerTable(tessera.ctx);
  api = new ApiClient(tessera.url, seeded.token);
  const records = Array.from({ length: 250 }, (_, i) => ({
    fields: { Name: `客户${String(i).padStart(3, '0')}`, Amount: (i * 7919) % 1000, Stage: STAGES[i % 3], Active: i % 2 === 0 },
  }));
  const res = await api.post(`/tables/${seeded.table.id}/records`, { records });
  expect(res.status).toBe(200);
});
afterAll(() => tessera.close());

const list = (query: string) => api.get(`/tables/${seeded.table.id}/records?${query}`);
const q = (params: Record<string, unknown>) =>
  Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`).join('&');

describe('listing records', () => {
  it('pages with an opaque offset until every record is seen once', async () => {
    const seen = new Set<string>();
    let offset: string | undefined;
    let pages = 0;
    do {
      const res = await list(q({ pageSize: '100', ...(offset ? { offset } : {}) }));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      for (const record of res.body.records) seen.add(record.id);
      offset = res.body.offset;
      pages += 1;
    } while (offset && pages < 10);
    expect(pages).toBe(3);
    expect(seen.size).toBe(250);
  });

  it('filters with nested AND/OR and sorts, as the reference says', async () => {
    const filter = {
      conjunction: 'and',
      conditions: [
        { field: 'Stage', operator: 'isAnyOf', value: ['方案报价', '已签约'] },
        { conjunction: 'or', conditions: [{ field: 'Amount', operator: '>=', value: 900 }, { field: 'Active', operator: 'is', value: true }] },
      ],
    };
    const res = await list(q({ filter, sort: [{ field: 'Amount', direction: 'desc' }], pageSize: '1000' }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const expected = Array.from({ length: 250 }, (_, i) => ({ i, amount: (i * 7919) % 1000, stage: STAGES[i % 3], active: i % 2 === 0 }))
      .filter((r) => r.stage !== '初步接洽' && (r.amount >= 900 || r.active))
      .sort((a, b) => b.amount - a.amount || a.i - b.i)
      .map((r) => `客户${String(r.i).padStart(3, '0')}`);
    expect(res.body.records.map((r: { fields: { Name: string } }) => r.fields.Name)).toEqual(expected);
  });

  it('returns only the fields asked for', async () => {
    const res = await list('fields[]=Name&fields[]=Amount&pageSize=1');
    expect(Object.keys(res.body.records[0].fields).sort()).toEqual(['Amount', 'Name']);
  });

  it('applies a saved view and indexes the fields it sorts by', async () => {
    const view = await api.post(`/tables/${seeded.table.id}/views`, {
      name: 'Signed by amount', type: 'grid',
      filter: { conjunction: 'and', conditions: [{ field: 'Stage', operator: 'is', value: '已签约' }] },
      sorts: [{ field: 'Amount', direction: 'asc' }],
    });
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    const res = await list(q({ view: view.body.id, pageSize: '1000' }));
    const amounts = res.body.records.map((r: { fields: { Amount?: number } }) => r.fields.Amount ?? 0);
    expect(res.body.records.every((r: { fields: { Stage: string } }) => r.fields.Stage === '已签约')).toBe(true);
    expect(amounts).toEqual([...amounts].sort((a: number, b: number) => a - b));
    // One index serves both: the stage seeked, then amounts in order (decision 0055).
    const indexes = tessera.ctx.db.sqlite.prepare("SELECT name FROM pragma_index_info(?)").pluck();
    const names = tessera.ctx.db.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?").pluck().all(`t_${seeded.table.id}`) as string[];
    expect(names.map((name) => indexes.all(name))).toContainEqual([`f_${seeded.fieldId('Stage')}`, `f_${seeded.fieldId('Amount')}`]);
  });

  it('treats SQL-looking filter values as data', async () => {
    const res = await list(q({ filter: { conjunction: 'and', conditions: [{ field: 'Name', operator: 'contains', value: "' OR 1=1 --" }] } }));
    expect(res.status).toBe(200);
    expect(res.body.records).toEqual([]);
  });
});

describe('bad list requests', () => {
  it('names an operator the field type does not accept, and the field', async () => {
    const res = await list(q({ filter: { conjunction: 'and', conditions: [{ field: 'Amount', operator: 'contains', value: '1' }] } }));
    expectError(res, 400, 'INVALID_FILTER');
    expect(res.body.error.message).toContain('contains');
    expect(res.body.error.message).toContain('Amount');
  });

  it('refuses filter trees nested too deep', async () => {
    let tree: Record<string, unknown> = { field: 'Name', operator: 'isEmpty' };
    for (let i = 0; i < 50; i++) tree = { conjunction: 'and', conditions: [tree] };
    expectError(await list(q({ filter: tree })), 400, 'INVALID_FILTER');
  });

  it('refuses unknown fields, malformed JSON, tampered offsets and page sizes over 1,000', async () => {
    expectError(await list(q({ filter: { conjunction: 'and', conditions: [{ field: 'Nope', operator: 'isEmpty' }] } })), 400);
    expectError(await list('filter=%7Bnot-json'), 400, 'INVALID_REQUEST');
    expectError(await list('sort=' + encodeURIComponent(JSON.stringify([{ field: 'Nope' }]))), 400, 'UNKNOWN_FIELD');
    expectError(await list('offset=abc.def'), 400, 'INVALID_REQUEST');
    expectError(await list('pageSize=1001'), 400, 'INVALID_REQUEST');
    const first = await list('pageSize=10');
    expectError(await list(`pageSize=10&offset=${first.body.offset}&sort=${encodeURIComponent('[{"field":"Amount"}]')}`), 400, 'INVALID_REQUEST');
  });
});
