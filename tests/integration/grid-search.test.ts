import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, postTable } from '../support/fixtures.ts';
import { seedTeam, type Team } from '../support/seed.ts';
import { startTestServer } from '../support/test-server.ts';
import { searchIndexesOf } from '../../server/search/index.ts';

// The search box through GET /tables/:id/rows?search=: a case-insensitive substring of the
// view's visible text fields, Latin and Chinese, one to many characters, before and after
// the lazily built trigram index is ready, and after creates, edits and deletes — every
// answer checked against a substring match computed here.
let tessera: Awaited<ReturnType<typeof startTestServer>>;
let team: Team;
let tableId: string;
let field: Record<string, string>;
const CITIES = ['上海', '北京', '深圳', 'Hangzhou'];
const PEOPLE = ['王小明', '李雷', 'Anna Müller', 'Bob "The" Builder', 'Wang Fang'];

interface Local { id?: string; name: string; city: string | null; note: string | null; tags: string[]; amount: number }
const local: Local[] = Array.from({ length: 300 }, (_, i) => ({
  name: `${PEOPLE[i % PEOPLE.length]} ${i}`,
  city: i % 9 === 0 ? null : CITIES[i % CITIES.length]!,
  note: i % 3 === 0 ? `Follow-up 50% off, 联系王总 #${i}` : null,
  tags: i % 4 === 0 ? ['VIP'] : [],
  amount: i,
}));

beforeAll(async () => {
  tessera = await startTestServer();
  team = seedTeam(tessera);
  ({ id: tableId, field } = await postTable(team.owner.api, team.baseId, {
    name: 'Contacts',
    fields: [
      { name: 'Name', type: 'singleLineText' },
      { name: 'City', type: 'singleSelect', options: { choices: CITIES.map((name) => ({ name })) } },
      { name: 'Note', type: 'longText' },
      { name: 'Tags', type: 'multipleSelects', options: { choices: [{ name: 'VIP' }] } },
      { name: 'Amount', type: 'number' },
    ],
  }));
  const res = await team.owner.api.post(`/tables/${tableId}/records`, {
    records: local.map((row) => ({ fields: { Name: row.name, City: row.city, Note: row.note, Tags: row.tags, Amount: row.amount } })),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  res.body.records.forEach((record: { id: string }, index: number) => { local[index]!.id = record.id; });
});
afterAll(() => tessera.close());

const fold = (text: string) => text.replace(/[A-Z]/g, (c) => c.toLowerCase());
function expected(query: string, fields: Array<'name' | 'city' | 'note' | 'tags'> = ['name', 'city', 'note', 'tags']): string[] {
  const needle = fold(query);
  return local.filter((row) => fields.some((key) => {
    const value = row[key];
    const text = Array.isArray(value) ? value.join(' ') : value ?? '';
    return fold(text).includes(needle);
  })).map((row) => row.id!);
}

async function search(query: string, view = ''): Promise<{ ids: string[]; total: number }> {
  const res = await team.editor.api.get(`/tables/${tableId}/rows?start=0&limit=1000&search=${encodeURIComponent(query)}${view}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { ids: res.body.rows.map((row: { id: string }) => row.id), total: res.body.total };
}

const QUERIES = ['王', '王小', '王小明', 'anna', 'ANNA M', '50%', '"the"', 'zhou', '联系王总', 'vip', 'nothing-like-this', '北'];

describe('search', () => {
  it('finds substrings while the index builds, and the same once it is ready (built lazily)', async () => {
    const indexes = searchIndexesOf(tessera.ctx);
    expect(tessera.ctx.db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = ?`).get(`s_${tableId}`)).toEqual({ n: 0 });
    for (const query of QUERIES) {
      const found = await search(query);
      expect(found.ids, query).toEqual(expected(query));
      expect(found.total, query).toBe(expected(query).length);
    }
    await indexes.whenReady(tableId, 20_000);
    for (const query of QUERIES) expect((await search(query)).ids, `indexed: ${query}`).toEqual(expected(query));
  });

  it('stays right after creates, edits and deletes', async () => {
    await searchIndexesOf(tessera.ctx).whenReady(tableId, 20_000);
    const created = await team.editor.api.post(`/tables/${tableId}/records`, { records: [{ fields: { Name: '张伟 Zebra', Note: '王总的朋友' } }] });
    expect(created.status).toBe(200);
    local.push({ id: created.body.records[0].id, name: '张伟 Zebra', city: null, note: '王总的朋友', tags: [], amount: 0 });
    const target = local[1]!;
    const edit = await team.editor.api.post(`/tables/${tableId}/rows/batch`, { updates: [{ id: target.id, values: { [field.Name!]: 'Renamed Quokka', [field.Tags!]: ['VIP'] } }] });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    target.name = 'Renamed Quokka';
    target.tags = ['VIP'];
    const gone = local.splice(5, 1)[0]!;
    expect((await team.editor.api.post(`/tables/${tableId}/rows/batch`, { deletes: [gone.id] })).status).toBe(200);
    for (const query of ['zebra', '王总的', 'quokka', PEOPLE[1]!, 'vip', '王', '李雷 5']) {
      expect((await search(query)).ids, query).toEqual(expected(query));
    }
  });

  it('indexes new records after their transaction, and finds them meanwhile by scanning past the cursor', async () => {
    const indexes = searchIndexesOf(tessera.ctx);
    await indexes.whenReady(tableId, 20_000);
    const rows = Array.from({ length: 2500 }, (_, i) => ({ name: `Bulk 王${i} Okapi`, city: null, note: null, tags: [] as string[], amount: 1000 + i }));
    const created = await team.editor.api.post(`/tables/${tableId}/rows/batch`, { creates: rows.map((row) => ({ [field.Name!]: row.name, [field.Amount!]: row.amount })) });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    created.body.created.forEach((record: { id: string }, index: number) => local.push({ ...rows[index]!, id: record.id }));
    for (const query of ['okapi', '王1', 'bulk 王24', 'anna']) expect((await search(query)).total, query).toBe(expected(query).length);
    await indexes.whenReady(tableId, 20_000);
    for (const query of ['okapi', '王1', 'bulk 王24', 'anna']) {
      const found = await search(query);
      expect(found.total, query).toBe(expected(query).length);
      expect(found.ids, query).toEqual(expected(query).slice(0, 1000));
    }
  });

  it('searches only the view\'s visible fields, inside its filter', async () => {
    const view = await team.owner.api.post(`/tables/${tableId}/views`, {
      name: 'Names only', hiddenFields: ['Note', 'City', 'Tags'],
      filter: { conjunction: 'and', conditions: [{ field: 'Amount', operator: '<', value: 150 }] },
    });
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    for (const query of ['王', 'wang', '联系', 'an']) {
      const want = expected(query, ['name']).filter((id) => local.find((row) => row.id === id)!.amount < 150);
      expect((await search(query, `&view=${view.body.id}`)).ids, query).toEqual(want);
    }
  });

  it('rebuilds after a field is deleted or changes type, scanning meanwhile', async () => {
    const indexes = searchIndexesOf(tessera.ctx);
    await indexes.whenReady(tableId, 20_000);
    const deleted = await team.owner.api.request('DELETE', `/tables/${tableId}/fields/${field.Note!}`);
    expect(deleted.status, JSON.stringify(deleted.body)).toBeLessThan(300);
    for (const row of local) row.note = null;
    expect((await search('王总')).ids).toEqual(expected('王总'));
    await indexes.whenReady(tableId, 20_000);
    expect((await search('王总')).ids).toEqual(expected('王总'));
    const converted = await team.owner.api.patch(`/tables/${tableId}/fields/${field.City!}`, { type: 'number' });
    expect(converted.status, JSON.stringify(converted.body)).toBe(200);
    for (const row of local) row.city = null;
    expect((await search('上海')).ids).toEqual([]);
    await indexes.whenReady(tableId, 20_000);
    expect((await search('hangzhou')).ids).toEqual([]);
    expect((await search('anna')).ids).toEqual(expected('anna'));
  });

  it('refuses searches over 200 characters', async () => {
    expectError(await team.editor.api.get(`/tables/${tableId}/rows?search=${'x'.repeat(201)}`), 400, 'INVALID_REQUEST');
  });
});
