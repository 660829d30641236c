import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../support/fixtures.ts';
import { seedTeam, type Team } from '../support/seed.ts';
import { startTestServer } from '../support/test-server.ts';

// The summary bar's numbers through GET /tables/:id/summary: every aggregate that fits each
// kind, over the view's filter and the search box, against a reference computed here.
let tessera: Awaited<ReturnType<typeof startTestServer>>;
let team: Team;
let tableId: string;

interface Seed { name: string | null; amount: number | null; due: string | null; stage: string | null; done: boolean; tags: string[] }
const seeds: Seed[] = Array.from({ length: 157 }, (_, i) => ({
  name: i % 10 === 0 ? null : `客户 ${i % 40}`,
  amount: i % 6 === 0 ? null : ((i * 37) % 500) - 100 + 0.25,
  due: i % 8 === 0 ? null : `2024-0${1 + (i % 9)}-${String(10 + (i % 18)).padStart(2, '0')}`,
  stage: i % 5 === 0 ? null : ['Lead', 'Won', 'Lost'][i % 3]!,
  done: i % 3 === 0,
  tags: i % 4 === 0 ? ['A', 'B'] : [],
}));

beforeAll(async () => {
  tessera = await startTestServer();
  team = seedTeam(tessera);
  const table = await team.owner.api.post(`/bases/${team.baseId}/tables`, {
    name: 'Sums',
    fields: [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Amount', type: 'currency' },
      { name: 'Due', type: 'date' },
      { name: 'Stage', type: 'singleSelect', options: { choices: [{ name: 'Lead' }, { name: 'Won' }, { name: 'Lost' }] } },
      { name: 'Done', type: 'checkbox' },
      { name: 'Tags', type: 'multipleSelects', options: { choices: [{ name: 'A' }, { name: 'B' }] } },
    ],
  });
  expect(table.status, JSON.stringify(table.body)).toBe(201);
  tableId = table.body.id;
  const res = await team.owner.api.post(`/tables/${tableId}/records`, {
    records: seeds.map((s) => ({ fields: { Name: s.name, Amount: s.amount, Due: s.due, Stage: s.stage, Done: s.done, Tags: s.tags } })),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
});
afterAll(() => tessera.close());

function reference(rows: Seed[]) {
  const amounts = rows.map((s) => s.amount).filter((a): a is number => a !== null);
  const dues = rows.map((s) => s.due).filter((d): d is string => d !== null).sort();
  const names = rows.map((s) => s.name).filter((n): n is string => n !== null);
  return {
    Name: { filled: names.length, empty: rows.length - names.length, unique: new Set(names).size, count: rows.length },
    Amount: { sum: amounts.reduce((a, b) => a + b, 0), average: amounts.reduce((a, b) => a + b, 0) / amounts.length, min: Math.min(...amounts), max: Math.max(...amounts) },
    Due: { min: dues[0], max: dues.at(-1) },
    Stage: { unique: new Set(rows.map((s) => s.stage).filter(Boolean)).size },
    Done: { filled: rows.filter((s) => s.done).length },
    Tags: { empty: rows.filter((s) => s.tags.length === 0).length },
  };
}

async function summary(viewId: string, extra = '') {
  const res = await team.editor.api.get(`/tables/${tableId}/summary?view=${viewId}${extra}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { records: number; values: Record<string, { aggregate: string; value: number | string | null }> };
}

describe('summary bar', () => {
  it('computes each aggregate per type in one request, over filter and search', async () => {
    for (const [aggregates, filter, search, rows] of [
      [{ Name: 'unique', Amount: 'sum', Due: 'min', Stage: 'unique', Done: 'filled', Tags: 'empty' }, undefined, '', seeds],
      [{ Name: 'filled', Amount: 'average', Due: 'max', Stage: 'count', Done: 'filled', Tags: 'empty' },
        { conjunction: 'and', conditions: [{ field: 'Amount', operator: '>', value: 0 }] }, '客户 1', seeds.filter((s) => s.amount !== null && s.amount > 0 && (s.name ?? '').includes('客户 1'))],
      [{ Name: 'empty', Amount: 'min', Due: 'max' }, undefined, '', seeds],
      [{ Name: 'count', Amount: 'max' }, undefined, '', seeds],
    ] as const) {
      const view = await team.owner.api.post(`/tables/${tableId}/views`, { name: `S ${Math.random()}`, summaries: aggregates, filter });
      expect(view.status, JSON.stringify(view.body)).toBe(200);
      const body = await summary(view.body.id, search ? `&search=${encodeURIComponent(search)}` : '');
      const want = reference(rows as Seed[]);
      expect(body.records).toBe(rows.length);
      const byName = Object.fromEntries(Object.entries(body.values).map(([id, v]) => [
        (view.body as { summaries: Record<string, string> }) && Object.keys(aggregates)[Object.keys(view.body.summaries).indexOf(id)], v]));
      for (const [name, aggregate] of Object.entries(aggregates)) {
        const got = byName[name]!;
        expect(got.aggregate).toBe(aggregate);
        const expectedValue = (want as Record<string, Record<string, unknown>>)[name]![aggregate] ?? (aggregate === 'count' ? rows.length : undefined);
        if (typeof expectedValue === 'number') expect(got.value as number, `${name} ${aggregate}`).toBeCloseTo(expectedValue, 6);
        else expect(got.value, `${name} ${aggregate}`).toBe(expectedValue);
      }
    }
  });

  it('computes the choices the grid sends instead of the saved ones, skipping those that do not fit', async () => {
    const fields = (await team.owner.api.get(`/bases/${team.baseId}/tables`)).body.tables.find((t: { id: string }) => t.id === tableId).fields;
    const id = (name: string) => fields.find((f: { name: string }) => f.name === name).id;
    const view = await team.owner.api.post(`/tables/${tableId}/views`, { name: 'Draft', summaries: { Amount: 'sum' } });
    const body = await summary(view.body.id, `&summaries=${id('Amount')}:max,${id('Name')}:sum,${id('Stage')}:filled`);
    expect(body.values).toEqual({
      [id('Amount')]: { aggregate: 'max', value: reference(seeds).Amount.max },
      [id('Stage')]: { aggregate: 'filled', value: seeds.filter((s) => s.stage !== null).length },
    });
    expectError(await team.editor.api.get(`/tables/${tableId}/summary?view=${view.body.id}&summaries=${id('Amount')}:median`), 400, 'INVALID_REQUEST');
  });

  it('refuses an aggregate that does not fit the field, and follows a field deletion', async () => {
    expectError(await team.owner.api.post(`/tables/${tableId}/views`, { name: 'Bad', summaries: { Name: 'sum' } }), 400, 'INVALID_REQUEST');
    const fields = (await team.owner.api.get(`/bases/${team.baseId}/tables`)).body.tables.find((t: { id: string }) => t.id === tableId).fields;
    const due = fields.find((f: { name: string }) => f.name === 'Due');
    const view = await team.owner.api.post(`/tables/${tableId}/views`, { name: 'Dates', summaries: { Due: 'max', Name: 'filled' } });
    await team.owner.api.patch(`/tables/${tableId}/fields/${due.id}`, { type: 'singleLineText' });
    const after = (await team.owner.api.get(`/bases/${team.baseId}/tables`)).body.tables.find((t: { id: string }) => t.id === tableId).views.find((v: { id: string }) => v.id === view.body.id);
    expect(Object.keys(after.summaries)).toHaveLength(1);
    const body = await summary(view.body.id);
    expect(Object.values(body.values).map((v) => v.aggregate)).toEqual(['filled']);
  });
});
