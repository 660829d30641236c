import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/http/create-server.ts';
import { seedTeam, type Team } from '../support/seed.ts';
import { startTestServer, type ApiClient } from '../support/test-server.ts';
import { allRecords, customersCsv, upload, waitForImport, waitForProgress } from './import-support.ts';

let tessera: Awaited<ReturnType<typeof startTestServer>>;
let team: Team;
let big: Buffer;

beforeAll(async () => {
  tessera = await startTestServer();
  team = seedTeam(tessera);
  big = await customersCsv(40_000);
});
afterAll(async () => tessera.close());

/** A table with three records, two of whose keys the generated file has (its first two rows). */
async function seededTable(api: ApiClient, baseId: string): Promise<{ tableId: string; before: unknown }> {
  const header = big.toString('utf8', 0, 4000).split('\r\n');
  const codes = [header[1]!.split(',')[1], header[2]!.split(',')[1]];
  const res = await api.post(`/bases/${baseId}/tables`, {
    name: `T ${Math.random().toString(36).slice(2, 8)}`,
    fields: [{ name: '客户名称', type: 'singleLineText' }, { name: '统一社会信用代码', type: 'singleLineText' }, { name: '预估金额', type: 'currency' }],
  });
  const tableId = res.body.id;
  await api.post(`/tables/${tableId}/records`, {
    records: [
      { fields: { 客户名称: 'A', 统一社会信用代码: codes[0], 预估金额: 1 } },
      { fields: { 客户名称: 'B', 统一社会信用代码: codes[1], 预估金额: 2 } },
      { fields: { 客户名称: 'C', 统一社会信用代码: 'none', 预估金额: 3 } },
    ],
  });
  return { tableId, before: await snapshot(api, baseId, tableId) };
}

async function snapshot(api: ApiClient, baseId: string, tableId: string): Promise<unknown> {
  const tables = (await api.get(`/bases/${baseId}/tables`)).body.tables;
  const table = tables.find((t: { id: string }) => t.id === tableId);
  return { fields: table.fields, records: await allRecords(api, tableId) };
}

const tableCount = async (api: ApiClient, baseId: string) => (await api.get(`/bases/${baseId}/tables`)).body.tables.length;

describe('nothing is half imported', () => {
  it('a cancel undoes created and updated records and created fields', async () => {
    const { tableId, before } = await seededTable(team.owner.api, team.baseId);
    const res = await upload(team.owner.api, `/bases/${team.baseId}/imports`, { name: 'big.csv', bytes: big }, {
      tableId, keyField: '统一社会信用代码', columns: [{ column: '城市', type: 'singleLineText' }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    await waitForProgress(team.owner.api, res.body.id);
    const cancel = await team.owner.api.post(`/imports/${res.body.id}/cancel`);
    expect(cancel.status).toBe(202);
    const job = await waitForImport(team.owner.api, res.body.id);
    expect(job.status).toBe('cancelled');
    expect(job.rowsDone).toBeGreaterThan(0);
    expect(job.rowsDone).toBeLessThan(40_000);
    expect(await snapshot(team.owner.api, team.baseId, tableId)).toEqual(before);
    expect((await team.owner.api.post(`/imports/${res.body.id}/cancel`)).status).toBe(409);
  });

  it('a failure deep in the file undoes the batches already written', async () => {
    const { tableId, before } = await seededTable(team.owner.api, team.baseId);
    const broken = Buffer.concat([big.subarray(0, big.length / 2), Buffer.from('\r\n"never closed,x\r\n')]);
    const res = await upload(team.owner.api, `/bases/${team.baseId}/imports`, { name: 'broken.csv', bytes: broken }, { tableId, keyField: '统一社会信用代码' });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const job = await waitForImport(team.owner.api, res.body.id);
    expect(job.status).toBe('failed');
    expect(job.failure).toMatch(/^row \d+, column A: a quoted cell is never closed/);
    expect(job.rowsDone).toBeGreaterThan(5_000);
    expect(await snapshot(team.owner.api, team.baseId, tableId)).toEqual(before);
  });

  it('a failed import into a new table leaves no table behind', async () => {
    const tables = await tableCount(team.owner.api, team.baseId);
    const broken = Buffer.concat([big.subarray(0, big.length / 2), Buffer.from('\r\n"never closed,x\r\n')]);
    const res = await upload(team.owner.api, `/bases/${team.baseId}/imports`, { name: 'broken.csv', bytes: broken });
    const job = await waitForImport(team.owner.api, res.body.id);
    expect(job).toMatchObject({ status: 'failed', tables: [] });
    expect(await tableCount(team.owner.api, team.baseId)).toBe(tables);
  });
});

describe('a server restart during an import', () => {
  it('marks the job failed and undoes it', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-restart-'));
    const config = { port: 0, host: '127.0.0.1', dataDir, secureCookies: false };
    try {
      const first = await startServer(config, { ui: 'none' });
      const crew = seedTeam(first);
      const { tableId, before } = await seededTable(crew.owner.api, crew.baseId);
      const res = await upload(crew.owner.api, `/bases/${crew.baseId}/imports`, { name: 'big.csv', bytes: big }, { tableId, keyField: '统一社会信用代码' });
      await waitForProgress(crew.owner.api, res.body.id);
      await first.close();

      const second = await startServer(config, { ui: 'none' });
      try {
        const api = crew.owner.api;
        (api as { baseUrl: string }).baseUrl = second.url;
        const job = await waitForImport(api, res.body.id);
        expect(job.status).toBe('failed');
        expect(job.failure).toMatch(/server restarted/);
        expect(await snapshot(api, crew.baseId, tableId)).toEqual(before);
        expect(fs.readdirSync(path.join(dataDir, 'import-uploads'))).toEqual([]);
      } finally {
        await second.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
