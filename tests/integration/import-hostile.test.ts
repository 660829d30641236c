import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { seedTeam, type Team } from '../support/seed.ts';
import { startTestServer } from '../support/test-server.ts';
import { fixture, upload } from './import-support.ts';

let tessera: Awaited<ReturnType<typeof startTestServer>>;
let team: Team;

beforeAll(async () => {
  tessera = await startTestServer();
  team = seedTeam(tessera);
});
afterAll(async () => tessera.close());

/** A zip whose one sheet inflates `megabytes` MB of zeros from a few kilobytes. */
async function zipBomb(megabytes: number): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from('<?xml version="1.0"?><Types/>'), '[Content_Types].xml');
  zip.addBuffer(Buffer.alloc(megabytes * 1024 * 1024), 'xl/worksheets/sheet1.xml');
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as Readable) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function refused(name: string, bytes: Uint8Array, status: number, message: RegExp): Promise<void> {
  const tables = (await team.owner.api.get(`/bases/${team.baseId}/tables`)).body.tables.length;
  const res = await upload(team.owner.api, `/bases/${team.baseId}/imports`, { name, bytes });
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.message).toMatch(message);
  expect((await team.owner.api.get(`/bases/${team.baseId}/tables`)).body.tables.length).toBe(tables);
  const uploads = path.join(tessera.dataDir, 'import-uploads');
  expect(fs.existsSync(uploads) ? fs.readdirSync(uploads) : []).toEqual([]);
}

describe('hostile and broken files are refused with nothing written', () => {
  it('random bytes', async () => {
    await refused('data.csv', randomBytes(100_000), 415, /neither a CSV text file nor an \.xlsx workbook/);
  });

  it('a truncated .xlsx', async () => {
    const xlsx = fixture('customers.xlsx');
    await refused('customers.xlsx', xlsx.subarray(0, xlsx.length / 2), 400, /the \.xlsx file is damaged or truncated/);
  });

  it('a zip bomb', async () => {
    await refused('bomb.xlsx', await zipBomb(64), 413, /xl\/worksheets\/sheet1\.xml would inflate [\d,]+ times .* refused as a zip bomb/);
  });

  it('a 10 MB cell', async () => {
    const csv = Buffer.from(`名称,备注\r\n甲,${'长'.repeat(10 * 1024 * 1024)}\r\n`);
    await refused('big-cell.csv', csv, 413, /^row 2, column B: the cell is longer than 100,000 characters/);
  });

  it('a CSV with 20,000 columns', async () => {
    const header = Array.from({ length: 20_000 }, (_, i) => `c${i}`).join(',');
    await refused('wide.csv', Buffer.from(`${header}\r\n${header}\r\n`), 413, /^row 1: the row has more than 500 columns/);
  });

  it('an unclosed quote', async () => {
    await refused('quote.csv', Buffer.from('名称,备注\r\n甲,"没有结束\r\n乙,2\r\n'), 400, /^row 2, column B: a quoted cell is never closed/);
  });

  it('an old .xls, an empty file, no file part', async () => {
    await refused('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 415, /Excel 97–2003/);
    await refused('empty.csv', Buffer.alloc(0), 400, /the file is empty/);
    const form = new FormData();
    form.append('options', '{}');
    const res = await fetch(`${tessera.url}/api/v1/bases/${team.baseId}/imports`, { method: 'POST', headers: { Authorization: `Bearer ${team.owner.api.token}` }, body: form });
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/no "file" part/);
  });

  it('options that are not JSON or name unknown things', async () => {
    const form = new FormData();
    form.append('options', '{nope');
    form.append('file', new Blob([new Uint8Array(fixture('messy.csv'))]), 'messy.csv');
    const res = await fetch(`${tessera.url}/api/v1/bases/${team.baseId}/imports`, { method: 'POST', headers: { Authorization: `Bearer ${team.owner.api.token}` }, body: form });
    expect(res.status).toBe(400);
    const unknown = await upload(team.owner.api, `/bases/${team.baseId}/imports`, { name: 'm.csv', bytes: fixture('messy.csv') }, { columns: [{ column: 'Nope', skip: true }] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/no column "Nope"/);
  });

  it('an .xlsx over 100 MB, cut off while uploading', async () => {
    const huge = Buffer.alloc(101 * 1024 * 1024);
    huge.set([0x50, 0x4b, 0x03, 0x04]);
    await refused('huge.xlsx', huge, 413, /larger than 100 MB/);
  });
});
