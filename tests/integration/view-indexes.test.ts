import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRecords } from '../../server/records/index.ts';
import { loadTableSchema } from '../../server/tables/index.ts';
import {
  explainRecordQuery, listTableIndexes, requireResolvedFilter, requireResolvedSorts, syncViewIndexes,
} from '../../server/views/index.ts';
import { seedTeam, type Team } from '../support/seed.ts';
import { startTestServer } from '../support/test-server.ts';

// Saved views get the index that serves their filter and sort (decision 0055): checked
// here against SQLite's own plan for the query the records list runs, against the rows
// the API returns with and without the indexes, and through field deletes and retypes.
let tessera: Awaited<ReturnType<typeof startTestServer>>;
let team: Team;
const TOTAL = 1200;
const CITIES = ['上海', '北京', '杭州', 'Shanghai', 'shanghai'];
const STAGES = ['初步接洽', '方案报价', '已签约'];

beforeAll(async () => {
  tessera = await startTestServer();
  team = seedTeam(tessera);
});
afterAll(() => tessera.close());

interface Table {
  id: string;
  field: Record<string, string>;
  indexes(): Array<{ name: string; columns: string[] }>;
}

/** A customer table of TOTAL rows with empties in every column, written through the write path. */
async function customerTable(): Promise<Table> {
  const res = await team.owner.api.post(`/bases/${team.baseId}/tables`, {
    name: `Customers ${Math.random().toString(36).slice(2)}`,
    fields: [
      { name: 'Name', type: 'singleLineText' }, { name: 'City', type: 'singleLineText' },
      { name: 'Amount', type: 'currency', options: { symbol: '¥', precision: 2 } }, { name: 'Follow-up', type: 'date' },
      { name: 'Stage', type: 'singleSelect', options: { choices: STAGES.map((name) => ({ name })) } },
      { name: 'Active', type: 'checkbox' }, { name: 'Owner', type: 'user' },
    ],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const id: string = res.body.id;
  const field: Record<string, string> = Object.fromEntries(res.body.fields.map((f: { id: string; name: string }) => [f.name, f.id]));
  const creates = Array.from({ length: TOTAL }, (_, i) => ({
    [field.Name!]: `客户${i}`,
    [field.City!]: i % 13 === 0 ? null : CITIES[i % CITIES.length],
    [field.Amount!]: i % 11 === 0 ? null : (i * 7919) % 100_000,
    [field['Follow-up']!]: i % 7 === 0 ? null : `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    [field.Stage!]: i % 17 === 0 ? null : STAGES[i % 3],
    [field.Active!]: i % 4 !== 0,
    [field.Owner!]: i % 5 === 0 ? null : [team.owner.id, team.editor.id][i % 2],
  }));
  writeRecords(tessera.ctx, { tableId: id, creates }, { origin: 'api', typecast: true });
  const sqlite = tessera.ctx.db;
  return {
    id, field,
    indexes: () => listTableIndexes(sqlite, id).map((index) => ({ name: index.name, columns: index.columns as string[] })),
  };
}

async function saveView(table: Table, body: Record<string, unknown>): Promise<string> {
  const res = await team.owner.api.post(`/tables/${table.id}/views`, { name: `V ${Math.random().toString(36).slice(2)}`, type: 'grid', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id;
}

/** Every record id of a view through the records list, page by page. */
async function listIds(table: Table, viewId: string): Promise<string[]> {
  const ids: string[] = [];
  let offset: string | undefined;
  for (let page = 0; page < 20; page++) {
    const res = await team.owner.api.get(`/tables/${table.id}/records?view=${viewId}&pageSize=250${offset ? `&offset=${encodeURIComponent(offset)}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    ids.push(...res.body.records.map((record: { id: string }) => record.id));
    offset = res.body.offset;
    if (!offset) return ids;
  }
  throw new Error('more pages than expected');
}

/** Every record id of a view through the grid's rows endpoint, and its count. */
async function gridIds(table: Table, viewId: string): Promise<{ ids: string[]; total: number }> {
  const res = await team.owner.api.get(`/tables/${table.id}/rows?view=${viewId}&start=0&limit=1000`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const more = await team.owner.api.get(`/tables/${table.id}/rows?view=${viewId}&start=1000&limit=1000`);
  return { ids: [...res.body.rows, ...more.body.rows].map((row: { id: string }) => row.id), total: res.body.total };
}

/** SQLite's plan for a saved view's page query, as the records list builds it. */
function planOf(table: Table, view: { filter?: unknown; sorts?: unknown }): string {
  const schema = loadTableSchema(tessera.ctx, table.id);
  const filter = view.filter ? requireResolvedFilter(schema, view.filter) : undefined;
  const sorts = view.sorts ? requireResolvedSorts(schema, view.sorts) : [];
  const ctx = { now: new Date(), timeZone: schema.timeZone, userId: team.owner.id };
  return explainRecordQuery(tessera.ctx.db, { tableId: table.id, filter, sorts, limit: 100, offset: 0 }, ctx).join(' | ');
}

function dropAllIndexes(table: Table): void {
  for (const index of table.indexes()) tessera.ctx.db.sqlite.exec(`DROP INDEX "${index.name}"`);
}

describe('a saved view with equality conditions and a sort', () => {
  it('gets one composite index that SQLite seeks and reads in order, with no sort step', async () => {
    const table = await customerTable();
    const f = table.field;
    const view = {
      filter: { conjunction: 'and', conditions: [{ field: 'City', operator: 'is', value: '上海' }, { field: 'Amount', operator: '>=', value: 30_000 }] },
      sorts: [{ field: 'Follow-up', direction: 'asc' }],
    };
    await saveView(table, view);
    expect(table.indexes()).toEqual([{ name: expect.stringMatching(/^ixq_/), columns: [`f_${f.City}`, `f_${f['Follow-up']}`, 'id', `f_${f.Amount}`] }]);
    const plan = planOf(table, view);
    expect(plan).toContain(`SEARCH t_${table.id} USING COVERING INDEX ${table.indexes()[0]!.name}`);
    expect(plan).not.toContain('TEMP B-TREE');
    // The planner has the index's statistics.
    const stats = tessera.ctx.db.sqlite.prepare('SELECT idx FROM sqlite_stat1 WHERE tbl = ?').pluck().all(`t_${table.id}`);
    expect(stats).toContain(table.indexes()[0]!.name);
  });

  it('returns the same rows in the same order with and without its index', async () => {
    const table = await customerTable();
    const views = [
      { filter: { conjunction: 'and', conditions: [{ field: 'City', operator: 'is', value: 'SHANGHAI' }, { field: 'Amount', operator: '>=', value: 30_000 }] }, sorts: [{ field: 'Follow-up' }] },
      { filter: { conjunction: 'and', conditions: [{ field: 'Stage', operator: 'is', value: '已签约' }, { field: 'Active', operator: 'is', value: true }] }, sorts: [{ field: 'Amount', direction: 'desc' }] },
      { filter: { conjunction: 'and', conditions: [{ field: 'Owner', operator: 'is', value: '@me' }] }, sorts: [{ field: 'City', direction: 'desc' }, { field: 'Follow-up', direction: 'desc' }] },
      { filter: { conjunction: 'and', conditions: [{ field: 'Stage', operator: 'is', value: '方案报价' }, { field: 'Follow-up', operator: 'isEmpty' }] } },
      { sorts: [{ field: 'Follow-up', direction: 'desc' }, { field: 'Name' }] },
      { filter: { conjunction: 'or', conditions: [{ field: 'City', operator: 'is', value: '杭州' }, { field: 'Amount', operator: '<', value: 5000 }] }, sorts: [{ field: 'Amount' }] },
    ];
    const ids: string[] = [];
    for (const view of views) ids.push(await saveView(table, view));
    expect(table.indexes().length).toBeGreaterThanOrEqual(views.length - 1);
    for (const view of views.slice(0, 3)) expect(planOf(table, view)).not.toContain('TEMP B-TREE');

    const withIndexes = await Promise.all(ids.map(async (id) => ({ list: await listIds(table, id), grid: await gridIds(table, id) })));
    dropAllIndexes(table);
    tessera.ctx.db.forgetStatements();
    for (const [i, id] of ids.entries()) {
      const list = await listIds(table, id);
      expect(list.length, `view ${i}`).toBeGreaterThan(20);
      expect(withIndexes[i]!.list, `view ${i}`).toEqual(list);
      expect(withIndexes[i]!.grid.ids, `view ${i}`).toEqual(list);
      expect(withIndexes[i]!.grid.total, `view ${i}`).toBe(list.length);
    }
    // Syncing brings them all back.
    const { created } = syncViewIndexes(tessera.ctx, table.id);
    expect(created.length).toBeGreaterThan(0);
    expect(created.length).toBe(table.indexes().length);
  });
});

describe('indexes follow the views', () => {
  it('a deleted view takes its index along unless another view shares it; group fields keep theirs', async () => {
    const table = await customerTable();
    const f = table.field;
    const byStage = { filter: { conjunction: 'and', conditions: [{ field: 'Stage', operator: 'is', value: '已签约' }] }, sorts: [{ field: 'Amount', direction: 'desc' }] };
    const first = await saveView(table, byStage);
    const second = await saveView(table, { ...byStage, filter: { conjunction: 'and', conditions: [{ field: 'Stage', operator: 'is', value: '初步接洽' }] } });
    const grouped = await saveView(table, { groupBy: [{ field: 'City' }] });
    const composite = [`f_${f.Stage}`, `f_${f.Amount}`];
    // The grouped view's index leads with its group field (what else it carries is grid-summary's business).
    const leading = () => [...new Set(table.indexes().map((index) => index.columns[0]))].sort();
    expect(table.indexes().map((index) => index.columns)).toContainEqual(composite);
    expect(leading()).toEqual([`f_${f.City}`, `f_${f.Stage}`].sort());
    const count = table.indexes().length;
    expect((await team.owner.api.delete(`/tables/${table.id}/views/${first}`)).status).toBe(200);
    expect(table.indexes()).toHaveLength(count);
    expect((await team.owner.api.delete(`/tables/${table.id}/views/${second}`)).status).toBe(200);
    expect(leading()).toEqual([`f_${f.City}`]);
    expect((await team.owner.api.delete(`/tables/${table.id}/views/${grouped}`)).status).toBe(200);
    expect(table.indexes()).toEqual([]);
  });

  it('a changed view swaps its old index for the new one', async () => {
    const table = await customerTable();
    const f = table.field;
    const id = await saveView(table, { sorts: [{ field: 'Amount' }] });
    expect(table.indexes().map((index) => index.name)).toEqual([`ix_${table.id}_${f.Amount}`]);
    const res = await team.owner.api.patch(`/tables/${table.id}/views/${id}`, { sorts: [{ field: 'Follow-up', direction: 'desc' }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(table.indexes().map((index) => index.columns)).toEqual([[`f_${f['Follow-up']}`]]);
  });

  it('deleting a field drops the indexes naming it and rebuilds what its views still need', async () => {
    const table = await customerTable();
    const f = table.field;
    const view = {
      filter: { conjunction: 'and', conditions: [{ field: 'City', operator: 'is', value: '上海' }, { field: 'Amount', operator: '>=', value: 30_000 }] },
      sorts: [{ field: 'Follow-up' }],
    };
    const id = await saveView(table, view);
    const before = await listIds(table, id);
    expect((await team.owner.api.delete(`/tables/${table.id}/fields/${f['Follow-up']}`)).status).toBe(200);
    // The view is now city + amount in id order: seek the city, read ids in order, amount in the index.
    expect(table.indexes().map((index) => index.columns)).toEqual([[`f_${f.City}`, 'id', `f_${f.Amount}`]]);
    const plan = planOf(table, { filter: view.filter });
    expect(plan).toContain('COVERING INDEX');
    expect(plan).not.toContain('TEMP B-TREE');
    expect(await listIds(table, id)).toEqual([...before].sort((a, b) => Number(a.slice(3)) - Number(b.slice(3))));

    expect((await team.owner.api.delete(`/tables/${table.id}/fields/${f.City}`)).status).toBe(200);
    // Only "amount ≥" is left: a selective field of its own, as before composites.
    expect(table.indexes().map((index) => index.columns)).toEqual([[`f_${f.Amount}`]]);
  });

  it('retyping a field rebuilds its views’ indexes for the new type', async () => {
    const table = await customerTable();
    const f = table.field;
    const view = {
      filter: { conjunction: 'and', conditions: [{ field: 'City', operator: 'is', value: '上海' }] },
      sorts: [{ field: 'Amount', direction: 'desc' }],
    };
    const id = await saveView(table, view);
    const [textIndex] = table.indexes();
    const sql = () => tessera.ctx.db.sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?").pluck().all(`t_${table.id}`);
    expect(sql()).toEqual([expect.stringContaining('COLLATE NOCASE')]);
    const before = await listIds(table, id);

    // Text → single select: the city compares exactly now, so the index drops NOCASE.
    const res = await team.owner.api.patch(`/tables/${table.id}/fields/${f.City}`, { type: 'singleSelect' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(table.indexes()).toHaveLength(1);
    expect(table.indexes()[0]!.name).not.toBe(textIndex!.name);
    expect(table.indexes()[0]!.columns).toEqual([`f_${f.City}`, `f_${f.Amount}`]);
    expect(sql()).toEqual([expect.not.stringContaining('NOCASE')]);
    const plan = planOf(table, view);
    expect(plan).toContain(`COVERING INDEX ${table.indexes()[0]!.name}`);
    expect(plan).not.toContain('TEMP B-TREE');
    // Exact now: only the '上海' rows, no longer any case variant (none exist for Chinese).
    expect(await listIds(table, id)).toEqual(before);
  });
});
