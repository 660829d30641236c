import iconv from 'iconv-lite';
import type BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormatContext } from '../../core/fields/field-type.ts';
import { TOKEN_SCOPES } from '../../server/auth/actor.ts';
import { csvPages } from '../../server/exports/csv-pages.ts';
import { csvCellFormatters } from '../../server/exports/csv-text.ts';
import { selectForExport } from '../../server/exports/export-rows.ts';
import { encodeGb18030 } from '../../server/exports/gb18030.ts';
import { loadTableSchema } from '../../server/tables/index.ts';
import { seedTeam, type Team } from '../support/seed.ts';
import { startTestServer } from '../support/test-server.ts';
import { referenceCsv } from './export-reference.ts';
import { download } from './import-support.ts';
import { seeded as random } from '../support/seeded-random.ts';

// The CSV export lets SQLite join adjacent text-like columns into one string per row
// (server/exports/csv-runs.ts) and the GBK export encodes with its own table
// (server/exports/gb18030.ts). Both must write exactly the bytes of the previous exporter
// (export-reference.ts): whatever the text holds (quotes, commas, line breaks, formula
// triggers, NULL vs '', numbers written into text columns, emoji), whether the first page
// lets a field join a run or not, when joined rows must be read again, and when a page has
// so many of them that the rest of the export goes cell by cell.

let tessera: Awaited<ReturnType<typeof startTestServer>>;
let team: Team;
let tableId: string;

const ROWS = 5200;

const FIELDS = [
  { name: 'Name', type: 'singleLineText' },
  { name: 'Code', type: 'singleLineText' },
  { name: 'Stage', type: 'singleSelect', options: { choices: [{ name: 'Open' }, { name: '=won' }, { name: 'Lost, "really"' }, { name: '进行中' }] } },
  { name: 'City', type: 'singleSelect', options: { choices: [{ name: '杭州' }, { name: 'Berlin' }] } },
  { name: 'Site', type: 'url' },
  { name: 'Email', type: 'email' },
  { name: 'Amount', type: 'currency', options: { symbol: '¥', precision: 2 } },
  { name: 'Phone', type: 'phoneNumber' },
  { name: 'Notes', type: 'longText' },
  { name: 'Day', type: 'date' },
  { name: 'Owner', type: 'singleLineText' },
  { name: 'Remark', type: 'singleLineText' },
  { name: 'Rank', type: 'number' },
];

/** Text that needs escaping or the formula guard, and text that looks like it might but does not. */
const DIRTY = ['say "hi"', 'a, b', '=SUM(A1)', '+1', '-x', '@cmd', '\ttab', 'two\nlines', '\rreturn', 'end,', ',start', '"'];
const CLEAN = ['杭州博远嘉装饰工程有限公司', 'plain', 'emoji 😀 𠀀', 'a=b', 'x+1', 'mid-dash', ' lead space', 'trail space ', "'quoted", '€ ¥ £ ·'];

/** How often a row gets dirty text, by page: the first page rarely (runs chosen), then more, then too often (runs given up). */
function dirtyShare(row: number): number {
  if (row < 1000) return 0.003;
  if (row < 3000) return 0.03;
  if (row < 4000) return 0.5;
  return 0.02;
}

beforeAll(async () => {
  tessera = await startTestServer();
  team = seedTeam(tessera);
  const table = await team.owner.api.post(`/bases/${team.baseId}/tables`, { name: 'Runs', fields: FIELDS });
  expect(table.status, JSON.stringify(table.body)).toBe(201);
  tableId = table.body.id;
  const next = random(11);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  for (let start = 0; start < ROWS; start += 1000) {
    const records = Array.from({ length: Math.min(1000, ROWS - start) }, (_, i) => {
      const dirty = next() < dirtyShare(start + i);
      const text = () => (next() < 0.1 ? null : dirty && next() < 0.5 ? pick(DIRTY).replace(/\n|\r/g, ' ').trim() || 'x' : pick(CLEAN).trim());
      return {
        fields: {
          Name: text(),
          Code: next() < 0.1 ? null : `9133${Math.floor(next() * 1e9)}`,
          Stage: next() < 0.1 ? null : dirty && next() < 0.3 ? pick(['=won', 'Lost, "really"']) : pick(['Open', '进行中']),
          City: next() < 0.1 ? null : pick(['杭州', 'Berlin']),
          Site: next() < 0.2 ? null : dirty && next() < 0.3 ? 'https://example.com/a?b=1,2' : 'https://www.yf1.com.cn',
          Email: next() < 0.2 ? null : 'li.na@example.cn',
          Amount: next() < 0.1 ? null : Math.round(next() * 1e8) / 100,
          Phone: next() < 0.5 ? null : '+86 138 0013 8000',
          Notes: next() < 0.3 ? null : `${pick(CLEAN)}\n${pick(DIRTY)}`,
          Day: next() < 0.1 ? null : '2026-06-04',
          Owner: text(),
          Remark: text(),
          // Sorting by rank shuffles the records, the rarely dirty first page's first.
          Rank: (start + i < 1000 ? 1e6 : 0) + Math.floor(next() * 1e6),
        },
      };
    });
    const res = await team.owner.api.post(`/tables/${tableId}/records`, { records, typecast: true });
    expect(res.status, JSON.stringify(res.body).slice(0, 500)).toBe(200);
  }
  // What only SQL can store: '' (the API stores NULL), a number written into a TEXT column,
  // text with NUL, a lone surrogate, dirty text the API would have trimmed.
  const schema = loadTableSchema(tessera.ctx, tableId);
  const column = (name: string) => `"${schema.fields.find((field) => field.name === name)!.column}"`;
  const update = (name: string, value: unknown, id: number) => tessera.ctx.db.sqlite.prepare(`UPDATE "${schema.sqlTable}" SET ${column(name)} = ? WHERE id = ?`).run(value, id);
  for (let id = 1; id <= ROWS; id += 37) update('Name', '', id);
  for (let id = 5; id <= ROWS; id += 41) update('Remark', '', id);
  for (let id = 9; id <= ROWS; id += 53) update('Code', 12.5, id);
  for (let id = 13; id <= ROWS; id += 211) update('Owner', 1e21, id);
  for (let id = 17; id <= ROWS; id += 307) update('Remark', 'nul\u0000inside', id);
  for (let id = 21; id <= ROWS; id += 401) update('Owner', 'lone \ud83d half', id);
  for (let id = 1500; id <= ROWS; id += 97) update('Name', '\r\nline break first', id);
  for (let id = 1501; id <= ROWS; id += 89) update('Owner', ' =padded trigger', id);
  // Holes: range reads must leave them out.
  tessera.ctx.db.sqlite.prepare(`DELETE FROM "${schema.sqlTable}" WHERE id % 113 = 7`).run();
});
afterAll(async () => tessera?.close());

function formatFor(locale: string): FormatContext {
  return { locale, timeZone: 'Asia/Shanghai', userName: () => undefined };
}

async function expectSameAsBefore(viewId?: string): Promise<void> {
  const schema = loadTableSchema(tessera.ctx, tableId);
  const actor = { userId: team.owner.id, isAdmin: false, via: 'session' as const, scopes: new Set(TOKEN_SCOPES) };
  const selection = selectForExport(tessera.ctx, actor, schema, viewId);
  for (const encoding of ['utf-8', 'gbk'] as const) {
    const res = await download(team.owner.api, `/tables/${tableId}/export?format=csv&encoding=${encoding}${viewId ? `&view=${viewId}` : ''}`);
    expect(res.status).toBe(200);
    const expected = referenceCsv(tessera.ctx, schema, selection.fields, selection.ids, formatFor('en'), encoding);
    if (encoding === 'utf-8') expect(res.bytes.toString('utf8')).toBe(expected.toString('utf8'));
    expect(res.bytes.equals(expected)).toBe(true);
  }
}

/** The SQL csvPages prepares for a selection, with the database's own connection underneath. */
function preparedSql(viewId?: string): string[] {
  const schema = loadTableSchema(tessera.ctx, tableId);
  const actor = { userId: team.owner.id, isAdmin: false, via: 'session' as const, scopes: new Set(TOKEN_SCOPES) };
  const selection = selectForExport(tessera.ctx, actor, schema, viewId);
  const sqlite = tessera.ctx.db.sqlite;
  const seen: string[] = [];
  const recording = { prepare: (sql: string) => (seen.push(sql), sqlite.prepare(sql)) } as unknown as BetterSqlite3.Database;
  const cells = csvCellFormatters(selection.fields, formatFor('en'));
  let lines = 0;
  for (const page of csvPages(recording, schema.sqlTable, selection.fields, cells, selection.order)) lines += page.split('\r\n').length - 1;
  expect(lines).toBeGreaterThanOrEqual(selection.ids.length); // quoted line breaks add to the count
  return seen;
}

describe('CSV export with joined text columns', () => {
  it('joins the clean adjacent text-like fields, and not the ones the first page shows to need escaping', () => {
    // One joined select (prepared as a range, a next-page and an id-list statement).
    const joined = [...new Set(preparedSql().filter((sql) => sql.includes('concat(')).map((sql) => sql.slice(0, sql.indexOf(' WHERE '))))];
    expect(joined.length).toBe(1);
    const schema = loadTableSchema(tessera.ctx, tableId);
    const columnOf = (name: string) => schema.fields.find((field) => field.name === name)!.column;
    // Name … Email are one run; Notes (a line break in every value) and Amount (a number) stay out.
    expect(joined[0]).toContain(`concat("${columnOf('Name')}", ',', "${columnOf('Code')}", ',', "${columnOf('Stage')}", ',', "${columnOf('City')}", ',', "${columnOf('Site')}", ',', "${columnOf('Email')}")`);
    expect(joined[0]).not.toContain(`"${columnOf('Notes')}", ','`);
    expect(joined[0]).toContain(`concat("${columnOf('Owner')}", ',', "${columnOf('Remark')}")`);
  });

  it('writes the same bytes as before, UTF-8 and GBK, for a whole table (rows read again, then runs given up)', async () => {
    await expectSameAsBefore();
  });

  it('writes the same bytes as before for a sorted view with hidden fields (id-list reads, other runs)', async () => {
    const view = await team.owner.api.post(`/tables/${tableId}/views`, {
      name: 'By city',
      sorts: [{ field: 'Rank', direction: 'desc' }],
      hiddenFields: ['Code', 'Phone'],
    });
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    expect(preparedSql(view.body.id).some((sql) => sql.includes('concat('))).toBe(true);
    await expectSameAsBefore(view.body.id);
  });
});

describe('a whole-table export (read in id ranges up to the last id at the start)', () => {
  it('leaves out records created after it started and records deleted since, like the list of ids did', async () => {
    const table = await team.owner.api.post(`/bases/${team.baseId}/tables`, { name: 'Snapshot', fields: [{ name: 'Name', type: 'singleLineText' }, { name: 'City', type: 'singleLineText' }] });
    expect(table.status).toBe(201);
    const records = Array.from({ length: 2500 }, (_, i) => ({ fields: { Name: `n${i}`, City: 'c' } }));
    const ids: string[] = [];
    for (let start = 0; start < records.length; start += 1000) {
      const res = await team.owner.api.post(`/tables/${table.body.id}/records`, { records: records.slice(start, start + 1000) });
      expect(res.status).toBe(200);
      ids.push(...res.body.records.map((record: { id: string }) => record.id));
    }
    const schema = loadTableSchema(tessera.ctx, table.body.id);
    const actor = { userId: team.owner.id, isAdmin: false, via: 'session' as const, scopes: new Set(TOKEN_SCOPES) };
    const selection = selectForExport(tessera.ctx, actor, schema, undefined);
    expect(selection.order).toEqual({ lastId: 2500 });
    const pages = csvPages(tessera.ctx.db.sqlite, schema.sqlTable, selection.fields, csvCellFormatters(selection.fields, formatFor('en')), selection.order);
    let text = pages.next().value as string; // the first page, before the changes
    const created = await team.owner.api.post(`/tables/${table.body.id}/records`, { records: [{ fields: { Name: 'late' } }] });
    expect(created.status).toBe(200);
    expect((await team.owner.api.request('DELETE', `/tables/${table.body.id}/records?records[]=${ids[1500]}`)).status).toBe(200);
    for (const page of pages) text += page;
    const lines = text.split('\r\n').slice(0, -1);
    expect(lines.length).toBe(2499);
    expect(lines).not.toContain('late,');
    expect(lines).not.toContain('n1500,c');
    expect(lines[0]).toBe('n0,c');
    expect(lines.at(-1)).toBe('n2499,c');
  });
});

describe('GB18030 encoding', () => {
  it('is iconv-lite byte for byte on every BMP code unit, each alone and all in one string', () => {
    let all = '';
    for (let unit = 0; unit < 0x10000; unit++) {
      const char = String.fromCharCode(unit);
      all += char;
      expect(encodeGb18030(char).equals(iconv.encode(char, 'gb18030')), `U+${unit.toString(16)}`).toBe(true);
    }
    expect(encodeGb18030(all).equals(iconv.encode(all, 'gb18030'))).toBe(true);
  });

  it('is iconv-lite byte for byte on random text with emoji, rare characters and lone surrogates', () => {
    const next = random(3);
    const pieces = ['a', ',', '\r\n', '杭州', '😀', '𠀀', '👨‍👩‍👧', '\ud83d', '\ude00', '€', '¥', '·', '\u0080', '\uffff', '\ue000', 'ü', '—', '\u3000'];
    for (let round = 0; round < 2000; round++) {
      let text = '';
      const length = Math.floor(next() * 40);
      for (let i = 0; i < length; i++) text += pieces[Math.floor(next() * pieces.length)];
      expect(encodeGb18030(text).equals(iconv.encode(text, 'gb18030')), JSON.stringify(text)).toBe(true);
    }
  });
});
