import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormatContext } from '../../core/fields/field-type.ts';
import { TOKEN_SCOPES } from '../../server/auth/actor.ts';
import { selectForExport } from '../../server/exports/export-rows.ts';
import { loadTableSchema } from '../../server/tables/index.ts';
import { seedTeam, type Team } from '../support/seed.ts';
import { startTestServer } from '../support/test-server.ts';
import { download } from './import-support.ts';
import { referenceCsv, referenceSheetXml } from './export-reference.ts';
import { ZipArchive } from '../../server/imports/xlsx/zip-archive.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seeded as random } from '../support/seeded-random.ts';

// The fast CSV and .xlsx exporters (raw rows, formatters built once and remembered per field, id-range
// reads) must write exactly the bytes the previous one wrote, for every field type, both
// encodings, both locales, a whole table with holes in its ids (read by id ranges) and a
// sorted, filtered view (read by id lists).

let tessera: Awaited<ReturnType<typeof startTestServer>>;
let team: Team;
let tableId: string;

const FIELDS = [
  { name: '名称', type: 'singleLineText' },
  { name: 'Notes', type: 'longText' },
  { name: 'Count', type: 'number' },
  { name: 'Weight', type: 'number', options: { precision: 2 } },
  { name: '金额', type: 'currency', options: { symbol: '¥', precision: 2 } },
  { name: 'Budget', type: 'currency', options: { symbol: '$', precision: 0 } },
  { name: '概率', type: 'percent', options: { precision: 1 } },
  { name: 'Day', type: 'date' },
  { name: 'US day', type: 'date', options: { dateFormat: 'us' } },
  { name: 'Friendly', type: 'date', options: { dateFormat: 'friendly' } },
  { name: 'Meeting', type: 'date', options: { includeTime: true, timeFormat: '12h', dateFormat: 'local' } },
  { name: 'Call', type: 'date', options: { includeTime: true, timeFormat: '24h', timeZone: 'America/New_York' } },
  { name: 'Done', type: 'checkbox' },
  { name: 'Stage', type: 'singleSelect', options: { choices: [{ name: '初步接洽' }, { name: '=won' }, { name: 'Lost, "really"' }] } },
  { name: 'Tags', type: 'multipleSelects', options: { choices: [{ name: 'VIP' }, { name: '+1' }, { name: '老客户' }] } },
  { name: 'Email', type: 'email' },
  { name: 'Phone', type: 'phoneNumber' },
  { name: 'Site', type: 'url' },
  { name: 'Stars', type: 'rating' },
  { name: 'Owner', type: 'user' },
  { name: 'No.', type: 'autoNumber' },
  { name: 'Created', type: 'createdTime' },
  { name: 'Modified', type: 'lastModifiedTime' },
  { name: 'Creator', type: 'createdBy' },
  { name: 'Editor', type: 'lastModifiedBy' },
];

const TEXTS = ['杭州博远嘉装饰工程有限公司', '=SUM(A1:A3)', '+86 138 0013 8000', '-2+3', '@cmd', '\tindented', 'say "hi", then go', 'two\nlines', 'emoji 😀 𠀀', '', '  ', 'plain'];

function recordFields(next: () => number, owners: string[]): Record<string, unknown> {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const maybe = (value: unknown) => (next() < 0.15 ? null : value);
  const day = () => `20${10 + Math.floor(next() * 20)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`;
  return {
    名称: maybe(pick(TEXTS)),
    Notes: maybe(`${pick(TEXTS)}\n${pick(TEXTS)}`),
    Count: maybe(pick([0, 1, -1, 42, 1234567, -0.5, 3.14159265, 1e21, 0.000001])),
    Weight: maybe(Math.round(next() * 1e6) / 100),
    金额: maybe(pick([-1234.5, 0, 1198382, 2347275, -0.004, 99.999])),
    Budget: maybe(Math.round((next() - 0.3) * 1e7)),
    概率: maybe(pick([0, 0.1, 0.25, 0.5, 0.755, 1, -0.2])),
    Day: maybe(day()),
    'US day': maybe(day()),
    Friendly: maybe(day()),
    Meeting: maybe(`${day()}T0${Math.floor(next() * 10)}:30:00Z`),
    Call: maybe(`${day()}T1${Math.floor(next() * 10)}:05:00Z`),
    Done: next() < 0.5,
    Stage: maybe(pick(['初步接洽', '=won', 'Lost, "really"'])),
    Tags: maybe(pick([['VIP'], ['+1', '老客户'], ['VIP', '+1', '老客户']])),
    Email: maybe(pick(['a@example.com', 'li.na@example.cn'])),
    Phone: maybe(pick(['+86 138 0013 8000', '010-1234 5678'])),
    Site: maybe(pick(['https://www.yf1.com.cn', 'http://example.com/a?b=1,2'])),
    Stars: maybe(1 + Math.floor(next() * 5)),
    Owner: maybe(pick(owners)),
  };
}

beforeAll(async () => {
  tessera = await startTestServer();
  team = seedTeam(tessera);
  const table = await team.owner.api.post(`/bases/${team.baseId}/tables`, { name: 'Varied', fields: FIELDS });
  expect(table.status, JSON.stringify(table.body)).toBe(201);
  tableId = table.body.id;
  const next = random(7);
  const owners = [team.owner.id, team.editor.id];
  // Several pages of 1,000 ids, and columns long enough for the formatters to stop remembering.
  for (let batch = 0; batch < 6; batch++) {
    const records = Array.from({ length: 900 }, () => ({ fields: recordFields(next, owners) }));
    const res = await team.owner.api.post(`/tables/${tableId}/records`, { records, typecast: true });
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
  }
  // Holes in the ids: a range read must leave them out, not shift rows.
  const ids = (await team.owner.api.get(`/tables/${tableId}/records?pageSize=1000`)).body.records.map((r: { id: string }) => r.id);
  const holes = ids.filter((_: string, i: number) => i % 97 === 5);
  expect((await team.owner.api.request('DELETE', `/tables/${tableId}/records?${holes.map((id: string) => `records[]=${id}`).join('&')}`)).status).toBe(200);
});
afterAll(async () => tessera?.close());

function formatFor(locale: string): FormatContext {
  const names = new Map([[team.owner.id, 'Owner'], [team.editor.id, 'Editor'], [team.viewer.id, 'Viewer']]);
  return { locale, timeZone: 'Asia/Shanghai', userName: (id) => names.get(id) };
}

async function expectSameAsBefore(locale: string, viewId?: string): Promise<void> {
  tessera.ctx.db.sqlite.prepare('UPDATE users SET locale = ? WHERE id = ?').run(locale, team.owner.id);
  const schema = loadTableSchema(tessera.ctx, tableId);
  const actor = { userId: team.owner.id, isAdmin: false, via: 'session' as const, scopes: new Set(TOKEN_SCOPES) };
  const selection = selectForExport(tessera.ctx, actor, schema, viewId);
  for (const encoding of ['utf-8', 'gbk'] as const) {
    const res = await download(team.owner.api, `/tables/${tableId}/export?format=csv&encoding=${encoding}${viewId ? `&view=${viewId}` : ''}`);
    expect(res.status).toBe(200);
    const expected = referenceCsv(tessera.ctx, schema, selection.fields, selection.ids, formatFor(locale), encoding);
    expect(res.bytes.length).toBeGreaterThan(100_000 * (viewId ? 0.1 : 1));
    // Compared as text first, so that a difference is shown readably, then byte for byte.
    if (encoding === 'utf-8') expect(res.bytes.toString('utf8')).toBe(expected.toString('utf8'));
    expect(res.bytes.equals(expected)).toBe(true);
  }
  const xlsx = await download(team.owner.api, `/tables/${tableId}/export?format=xlsx${viewId ? `&view=${viewId}` : ''}`);
  expect(xlsx.status).toBe(200);
  expect(await sheetPart(xlsx.bytes)).toBe(referenceSheetXml(tessera.ctx, schema, selection.fields, selection.ids, formatFor(locale)));
}

/** The sheet part of an .xlsx, read with the import's own zip reader. */
async function sheetPart(bytes: Buffer): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-'));
  const file = path.join(dir, 'export.xlsx');
  fs.writeFileSync(file, bytes);
  const zip = await ZipArchive.open(file);
  try {
    return await zip.readText('xl/worksheets/sheet1.xml');
  } finally {
    zip.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('CSV and .xlsx export, fast path', () => {
  it('writes the same bytes as before for a whole table with holes, in English', async () => {
    await expectSameAsBefore('en');
  });

  it('writes the same bytes as before in Chinese', async () => {
    await expectSameAsBefore('zh-CN');
  });

  it('writes the same bytes as before for a sorted, filtered view (rows not in id order)', async () => {
    const view = await team.owner.api.post(`/tables/${tableId}/views`, {
      name: 'Sorted',
      filter: { conjunction: 'or', conditions: [{ field: 'Done', operator: 'is', value: true }, { field: 'Stars', operator: '>', value: 3 }] },
      sorts: [{ field: '金额', direction: 'desc' }, { field: 'Day', direction: 'asc' }],
    });
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    await expectSameAsBefore('en', view.body.id);
  });
});
