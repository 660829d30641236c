import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, postTable } from '../support/fixtures.ts';
import { seedTeam, type Team } from '../support/seed.ts';
import { startTestServer } from '../support/test-server.ts';

// GET /tables/:id/rows is what the grid's Infinite Row Model pages with: blocks of a view's
// rows by position, and the view's row count. 600 rows put blocks across several anchors
// (one per 256 rows) so the seek-from-anchor path is exercised at its boundaries.
let tessera: Awaited<ReturnType<typeof startTestServer>>;
let team: Team;
let tableId: string;
let field: Record<string, string>;
const TOTAL = 600;

beforeAll(async () => {
  tessera = await startTestServer();
  team = seedTeam(tessera);
  ({ id: tableId, field } = await postTable(team.owner.api, team.baseId, {
    name: 'Customers',
    fields: [{ name: 'Name', type: 'singleLineText' }, { name: 'Score', type: 'number' }],
  }));
  const records = Array.from({ length: TOTAL }, (_, i) => ({ fields: { Name: `客户${String(i).padStart(3, '0')}`, Score: (i * 37) % 500 } }));
  for (let start = 0; start < TOTAL; start += 300) {
    const res = await team.owner.api.post(`/tables/${tableId}/records`, { records: records.slice(start, start + 300) });
    expect(res.status).toBe(200);
  }
});
afterAll(() => tessera.close());

const rows = (query: string, who = team.editor) => who.api.get(`/tables/${tableId}/rows?${query}`);
const names = (body: { rows: Array<{ values: Record<string, unknown> }> }) => body.rows.map((row) => row.values[field.Name!]);
const name = (i: number) => `客户${String(i).padStart(3, '0')}`;

describe('GET /tables/:tableId/rows', () => {
  it('pages the table in id order with the count, across anchor boundaries', async () => {
    const first = await rows('start=0&limit=100');
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.total).toBe(TOTAL);
    expect(first.body.rows[0]).toMatchObject({ id: expect.stringMatching(/^rec\d+$/), version: 1 });
    expect(names(first.body)).toEqual(Array.from({ length: 100 }, (_, i) => name(i)));
    for (const start of [250, 255, 256, 511, 590]) {
      const block = await rows(`start=${start}&limit=20`);
      const expected = Array.from({ length: Math.min(20, TOTAL - start) }, (_, i) => name(start + i));
      expect(names(block.body), `start=${start}`).toEqual(expected);
    }
    expect((await rows('start=600&limit=10')).body.rows).toEqual([]);
  });

  it('applies a view: filter and sort, paged, with the filtered count', async () => {
    const view = await team.owner.api.post(`/tables/${tableId}/views`, {
      name: 'Top', filter: { conjunction: 'and', conditions: [{ field: 'Score', operator: '>=', value: 400 }] },
      sorts: [{ field: 'Score', direction: 'desc' }],
    });
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    const expected = Array.from({ length: TOTAL }, (_, i) => ({ i, score: (i * 37) % 500 }))
      .filter((r) => r.score >= 400).sort((a, b) => b.score - a.score || a.i - b.i).map((r) => name(r.i));
    const a = await rows(`view=${view.body.id}&start=0&limit=50`);
    const b = await rows(`view=${view.body.id}&start=50&limit=1000`);
    expect(a.body.total).toBe(expected.length);
    expect([...names(a.body), ...names(b.body)]).toEqual(expected);
  });

  it('pages a filtered, unsorted view from its anchors, and finds positions in it', async () => {
    const view = await team.owner.api.post(`/tables/${tableId}/views`, {
      name: 'Low', filter: { conjunction: 'and', conditions: [{ field: 'Score', operator: '<', value: 250 }] },
    });
    const expected = Array.from({ length: TOTAL }, (_, i) => i).filter((i) => (i * 37) % 500 < 250).map(name);
    const all = await rows(`view=${view.body.id}&start=0&limit=1000`);
    expect(names(all.body)).toEqual(expected);
    const tail = await rows(`view=${view.body.id}&start=260&limit=30`);
    expect(names(tail.body)).toEqual(expected.slice(260, 290));
    const target = all.body.rows[270];
    const position = await team.editor.api.get(`/tables/${tableId}/rows/position?view=${view.body.id}&recordId=${target.id}`);
    expect(position.body).toEqual({ position: 270 });
  });

  it('keeps the count and positions right after records are added and deleted', async () => {
    const before = await rows('start=0&limit=5');
    const created = await team.editor.api.post(`/tables/${tableId}/records`, { records: [{ fields: { Name: 'New', Score: 1 } }] });
    expect((await rows('start=0&limit=1')).body.total).toBe(TOTAL + 1);
    const last = await rows(`start=${TOTAL}&limit=5`);
    expect(last.body.rows.map((r: { id: string }) => r.id)).toEqual([created.body.records[0].id]);
    const deleted = await team.editor.api.post(`/tables/${tableId}/rows/batch`, { deletes: before.body.rows.slice(0, 3).map((r: { id: string }) => r.id) });
    expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
    const after = await rows('start=0&limit=2');
    expect(after.body.total).toBe(TOTAL - 2);
    expect(names(after.body)).toEqual([name(3), name(4)]);
    expect(names((await rows('start=253&limit=1')).body)).toEqual([name(256)]);
  });

  it('applies batch updates in one write and returns the new versions', async () => {
    const page = await rows('start=0&limit=2');
    const [a, b] = page.body.rows;
    const res = await team.editor.api.post(`/tables/${tableId}/rows/batch`, {
      updates: [{ id: a.id, values: { [field.Score!]: 7 } }, { id: b.id, values: { [field.Name!]: null } }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.updated.map((r: { id: string; version: number }) => [r.id, r.version])).toEqual([[a.id, a.version + 1], [b.id, b.version + 1]]);
    const bad = await team.editor.api.post(`/tables/${tableId}/rows/batch`, { updates: [{ id: a.id, values: { [field.Score!]: 'many' } }] });
    expectError(bad, 422, 'INVALID_VALUE');
  });

  it('lets viewers read but not write, and hides the table from strangers', async () => {
    expect((await rows('start=0&limit=1', team.viewer)).status).toBe(200);
    const page = await rows('start=0&limit=1');
    const write = await team.viewer.api.post(`/tables/${tableId}/rows/batch`, { updates: [{ id: page.body.rows[0].id, values: { [field.Score!]: 1 } }] });
    expectError(write, 403, 'FORBIDDEN');
    expectError(await rows('start=0&limit=1', team.stranger), 404, 'NOT_FOUND');
    expectError(await team.stranger.api.get(`/tables/${tableId}/rows/position?recordId=${page.body.rows[0].id}`), 404, 'NOT_FOUND');
    expectError(await team.stranger.api.post(`/tables/${tableId}/rows/batch`, { deletes: [page.body.rows[0].id] }), 404, 'NOT_FOUND');
  });

  it('refuses blocks above 1,000 rows and malformed positions', async () => {
    expectError(await rows('start=0&limit=1001'), 400, 'INVALID_REQUEST');
    expectError(await rows('start=-1&limit=10'), 400, 'INVALID_REQUEST');
  });
});
