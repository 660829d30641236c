import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordBatchCommitted } from '../../server/events/index.ts';
import { expectError } from '../support/fixtures.ts';
import { seedCustomerTable, type SeededTable } from '../support/records-table.ts';
import { ApiClient, startTestServer } from '../support/test-server.ts';

let tessera: Awaited<ReturnType<typeof startTestServer>>;
let seeded: SeededTable;
let api: ApiClient;

beforeAll(async () => {
  tessera = await startTestServer();
  seeded = seedCustomerTable(tessera.ctx);
  api = new ApiClient(tessera.url, seeded.token);
});
afterAll(() => tessera.close());

const count = (sql: string, ...params: unknown[]) => (tessera.ctx.db.sqlite.prepare(sql).get(...params) as { n: number }).n;
const rowCount = () => count(`SELECT count(*) AS n FROM t_${seeded.table.id}`);
const historyCount = () => count('SELECT count(*) AS n FROM record_history WHERE table_id = ?', seeded.table.id);
const outboxCount = () => count('SELECT count(*) AS n FROM outbox WHERE table_id = ?', seeded.table.id);
const recordsPath = () => `/tables/${seeded.table.id}/records`;

/** Runs `act` and asserts that neither rows, history nor outbox changed. */
async function expectNothingWritten(act: () => Promise<unknown>) {
  const before = [rowCount(), historyCount(), outboxCount()];
  await act();
  expect([rowCount(), historyCount(), outboxCount()]).toEqual(before);
}

describe('creating records', () => {
  it('creates typed records by field name and returns them in the API shape', async () => {
    const res = await api.post(recordsPath(), {
      records: [{ fields: { Name: '杭州云帆科技有限公司', Amount: 1234.5, Probability: 0.35, Stage: '方案报价', Tags: ['VIP'], 'Next follow-up': '2024-01-05', Active: true } }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const [record] = res.body.records;
    expect(record.id).toMatch(/^rec\d+$/);
    expect(Date.parse(record.createdTime)).not.toBeNaN();
    expect(record.fields).toEqual({
      Name: '杭州云帆科技有限公司', Amount: 1234.5, Probability: 0.35, Stage: '方案报价', Tags: ['VIP'], 'Next follow-up': '2024-01-05', Active: true,
      Created: record.createdTime,
    });
  });

  it('coerces spreadsheet text with typecast, adding unknown select choices', async () => {
    const res = await api.post(recordsPath(), {
      typecast: true,
      records: [{ fields: { Name: '  上海博远 ', Amount: '¥1,234.50', Probability: '12%', 'Next follow-up': '2024年1月5日', Active: '是', Stage: '商务谈判', Phone: '+86 138 0013 8000' } }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const fields = res.body.records[0].fields;
    expect(fields).toMatchObject({ Amount: 1234.5, Probability: 0.12, 'Next follow-up': '2024-01-05', Active: true, Stage: '商务谈判' });
    const tables = await api.get(`/bases/${seeded.baseId}/tables`);
    const stage = tables.body.tables[0].fields.find((f: { name: string }) => f.name === 'Stage');
    expect(stage.options.choices.map((c: { name: string }) => c.name)).toContain('商务谈判');
  });

  it('returns fields keyed by id when asked', async () => {
    const res = await api.post(recordsPath(), { returnFieldsByFieldId: true, records: [{ fields: { [seeded.fieldId('Name')]: 'By id' } }] });
    expect(res.body.records[0].fields).toEqual({ [seeded.fieldId('Name')]: 'By id', [seeded.fieldId('Created')]: expect.any(String) });
  });

  it('refuses a value of the wrong type without typecast (422 naming the field) and writes nothing', async () => {
    await expectNothingWritten(async () => {
      const res = await api.post(recordsPath(), { records: [{ fields: { Name: 'ok' } }, { fields: { Amount: '¥12' } }] });
      expectError(res, 422, 'INVALID_VALUE');
      expect(res.body.error.message).toContain('Amount');
      expect(res.body.error.details.errors[0]).toMatchObject({ index: 1, field: 'Amount', value: '¥12' });
    });
  });

  it('refuses an unknown field (400 naming it) and writes nothing', async () => {
    await expectNothingWritten(async () => {
      const res = await api.post(recordsPath(), { records: [{ fields: { Nmae: 'typo' } }] });
      expectError(res, 400, 'UNKNOWN_FIELD');
      expect(res.body.error.message).toContain('Nmae');
    });
  });

  it('refuses an invalid email and a write to a read-only field', async () => {
    await expectNothingWritten(async () => {
      const res = await api.post(recordsPath(), { records: [{ fields: { Email: 'not an email' } }] });
      expectError(res, 422, 'INVALID_VALUE');
      expect(res.body.error.message).toContain('Email');
      const readOnly = await api.post(recordsPath(), { records: [{ fields: { Created: '2024-01-01T00:00:00Z' } }] });
      expectError(readOnly, 422, 'INVALID_VALUE');
      expect(readOnly.body.error.message).toContain('read-only');
    });
  });

  it('refuses batches over 1,000 records with 413', async () => {
    await expectNothingWritten(async () => {
      const records = Array.from({ length: 1001 }, (_, i) => ({ fields: { Name: `c${i}` } }));
      expectError(await api.post(recordsPath(), { records }), 413, 'TOO_LARGE');
    });
  });

  it('refuses malformed JSON, non-object bodies and oversized bodies', async () => {
    await expectNothingWritten(async () => {
      expectError(await api.request('POST', recordsPath(), '{"records": [', {}), 400, 'MALFORMED_JSON');
      expectError(await api.request('POST', recordsPath(), '[1,2]', {}), 400);
      const huge = JSON.stringify({ records: [{ fields: { Notes: 'x'.repeat(5 * 1024 * 1024) } }] });
      expectError(await api.request('POST', recordsPath(), huge, {}), 413, 'TOO_LARGE');
    });
  });

  it('stores SQL-looking strings as plain data', async () => {
    const evil = "'); DROP TABLE users; --";
    const res = await api.post(recordsPath(), { records: [{ fields: { Name: evil, Notes: '%_\\' } }] });
    expect(res.status).toBe(200);
    const got = await api.get(`${recordsPath()}/${res.body.records[0].id}`);
    expect(got.body.fields).toMatchObject({ Name: evil, Notes: '%_\\' });
    expect(count('SELECT count(*) AS n FROM users')).toBeGreaterThan(0);
  });
});

describe('updating and deleting records', () => {
  it('changes only the named fields, bumps the version, and writes history and outbox', async () => {
    const events: RecordBatchCommitted[] = [];
    const off = tessera.ctx.events.on('records', (event) => events.push(event));
    const created = await api.post(recordsPath(), { records: [{ fields: { Name: 'Before', Amount: 10 } }] });
    const id = created.body.records[0].id as string;
    const rowId = Number(id.slice(3));
    const [historyBefore, outboxBefore] = [historyCount(), outboxCount()];

    const res = await api.patch(recordsPath(), { records: [{ id, fields: { Amount: 20 } }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.records[0].fields).toEqual({ Name: 'Before', Amount: 20, Created: created.body.records[0].createdTime });
    const row = tessera.ctx.db.sqlite.prepare(`SELECT version FROM t_${seeded.table.id} WHERE id = ?`).get(rowId) as { version: number };
    expect(row.version).toBe(2);
    expect(historyCount()).toBe(historyBefore + 1);
    expect(outboxCount()).toBe(outboxBefore + 1);
    const history = await api.get(`${recordsPath()}/${id}/history`);
    expect(history.body.history[0]).toMatchObject({ action: 'update', origin: 'api', actorId: seeded.owner.id, changes: { [seeded.fieldId('Amount')]: [10, 20] } });
    off();
    expect(events.at(-1)).toMatchObject({ origin: 'api', changes: [{ action: 'updated', recordId: rowId, version: 2, before: { [seeded.fieldId('Amount')]: 10 }, after: { [seeded.fieldId('Amount')]: 20 } }] });
  });

  it('an update that changes nothing bumps nothing', async () => {
    const created = await api.post(recordsPath(), { records: [{ fields: { Name: 'Same' } }] });
    const id = created.body.records[0].id;
    await expectNothingWritten(async () => {
      expect((await api.patch(`${recordsPath()}/${id}`, { fields: { Name: 'Same' } })).status).toBe(200);
    });
  });

  it('a batch with one unknown record id changes nothing', async () => {
    const created = await api.post(recordsPath(), { records: [{ fields: { Name: 'Kept' } }] });
    const id = created.body.records[0].id;
    await expectNothingWritten(async () => {
      const res = await api.patch(recordsPath(), { records: [{ id, fields: { Name: 'Changed' } }, { id: 'rec999999', fields: { Name: 'x' } }] });
      expectError(res, 404, 'NOT_FOUND');
    });
    expect((await api.get(`${recordsPath()}/${id}`)).body.fields.Name).toBe('Kept');
  });

  it('deletes records named in records[] and keeps their history', async () => {
    const created = await api.post(recordsPath(), { records: [{ fields: { Name: 'A' } }, { fields: { Name: 'B' } }] });
    const ids = created.body.records.map((r: { id: string }) => r.id);
    const res = await api.delete(`${recordsPath()}?records[]=${ids[0]}&records[]=${ids[1]}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.records).toEqual(ids.map((id: string) => ({ id, deleted: true })));
    expectError(await api.get(`${recordsPath()}/${ids[0]}`), 404, 'NOT_FOUND');
    const history = await api.get(`${recordsPath()}/${ids[0]}/history`);
    expect(history.body.history[0]).toMatchObject({ action: 'delete', changes: { [seeded.fieldId('Name')]: ['A', null] } });
  });
});

describe('record ids', () => {
  it('never hands out the id of a deleted record again', async () => {
    const created = await api.post(recordsPath(), { records: [{ fields: { Name: 'last' } }] });
    const id = created.body.records[0].id;
    expect((await api.delete(`${recordsPath()}/${id}`)).status).toBe(200);
    const next = await api.post(recordsPath(), { records: [{ fields: { Name: 'next' } }] });
    expect(Number(next.body.records[0].id.slice(3))).toBeGreaterThan(Number(id.slice(3)));
  });
});
