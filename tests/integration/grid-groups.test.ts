import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, postTable } from '../support/fixtures.ts';
import { seedTeam, type Team } from '../support/seed.ts';
import { startTestServer } from '../support/test-server.ts';

// Grouped views through GET /tables/:id/rows: group header rows laid out over a group tree,
// records of expanded groups in the view's sort, collapsed groups, all checked against a
// reference grouping computed here from the rows themselves.
let tessera: Awaited<ReturnType<typeof startTestServer>>;
let team: Team;
let tableId: string;
let field: Record<string, string>;
const STAGES = ['Lead', 'Proposal', 'Won'];
const OWNERS = ['王芳', 'Li', 'Ann'];
const TOTAL = 420;

interface Seed { i: number; name: string; stage: string | null; owner: string | null; amount: number | null; vip: boolean }
const seeds: Seed[] = Array.from({ length: TOTAL }, (_, i) => ({
  i,
  name: `客户${String(i).padStart(3, '0')}`,
  stage: i % 11 === 0 ? null : STAGES[i % 3]!,
  owner: i % 7 === 0 ? null : OWNERS[(i >> 2) % 3]!,
  amount: i % 5 === 0 ? null : (i * 37) % 1000,
  vip: i % 4 === 0,
}));

beforeAll(async () => {
  tessera = await startTestServer();
  team = seedTeam(tessera);
  ({ id: tableId, field } = await postTable(team.owner.api, team.baseId, {
    name: 'Deals',
    fields: [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Stage', type: 'singleSelect', options: { choices: STAGES.map((name) => ({ name })) } },
      { name: 'Owner', type: 'singleLineText' },
      { name: 'Amount', type: 'number' },
      { name: 'VIP', type: 'checkbox' },
    ],
  }));
  const records = seeds.map((s) => ({ fields: { Name: s.name, Stage: s.stage, Owner: s.owner, Amount: s.amount, VIP: s.vip } }));
  for (let start = 0; start < TOTAL; start += 200) {
    const res = await team.owner.api.post(`/tables/${tableId}/records`, { records: records.slice(start, start + 200) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
});
afterAll(() => tessera.close());

type Row = { id: string; values: Record<string, unknown>; group?: { id: string; depth: number; value: unknown; count: number; sums: Record<string, number | null>; collapsed: boolean } };

async function allRows(viewId: string, extra = ''): Promise<{ rows: Row[]; total: number; records: number }> {
  const rows: Row[] = [];
  let total = 0;
  let records = 0;
  for (let start = 0; ; start += 37) {
    // An odd block size puts block edges on headers, on group starts and inside groups.
    const res = await team.editor.api.get(`/tables/${tableId}/rows?view=${viewId}&start=${start}&limit=37${extra}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    rows.push(...res.body.rows);
    total = res.body.total;
    records = res.body.records;
    if (start + 37 >= total) break;
  }
  return { rows, total, records };
}

/** Flat reference list: [depth, value] for headers, names for records. */
function reference(items: Seed[], levels: Array<{ key: (s: Seed) => unknown; order: unknown[] }>, within: (a: Seed, b: Seed) => number, collapsed = new Set<string>(), path = ''): Array<string | [number, unknown, number, number | null]> {
  if (!levels.length) return [...items].sort(within).map((s) => s.name);
  const [level, ...rest] = levels;
  const out: Array<string | [number, unknown, number, number | null]> = [];
  for (const value of level!.order) {
    const members = items.filter((s) => (level!.key(s) ?? null) === value);
    if (!members.length) continue;
    const amounts = members.map((s) => s.amount).filter((a): a is number => a !== null);
    out.push([levels.length, value, members.length, amounts.length ? amounts.reduce((a, b) => a + b, 0) : null]);
    const here = `${path}/${String(value)}`;
    if (!collapsed.has(here)) out.push(...reference(members, rest, within, collapsed, here));
  }
  return out;
}

function flatten(rows: Row[], depthCount: number) {
  return rows.map((row) => (row.group ? [depthCount - row.group.depth, row.group.value, row.group.count, row.group.sums[field.Amount!] ?? null] as [number, unknown, number, number | null] : row.values[field.Name!] as string));
}

describe('grouped views', () => {
  it('groups by one field: headers with counts and sums, empty group last, records in id order', async () => {
    const view = await team.owner.api.post(`/tables/${tableId}/views`, { name: 'By stage', groupBy: [{ field: 'Stage', direction: 'asc' }] });
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    const { rows, total, records } = await allRows(view.body.id);
    const expected = reference(seeds, [{ key: (s) => s.stage, order: [...STAGES, null] }], (a, b) => a.i - b.i);
    expect(flatten(rows, 1)).toEqual(expected);
    expect(records).toBe(TOTAL);
    expect(total).toBe(TOTAL + 4);
    expect(rows.filter((row) => row.group).map((row) => row.group!.value)).toEqual(['Lead', 'Proposal', 'Won', null]);
  });

  it('nests three levels with a filter and a sort inside the groups, descending group order', async () => {
    const view = await team.owner.api.post(`/tables/${tableId}/views`, {
      name: 'Nested',
      filter: { conjunction: 'and', conditions: [{ field: 'Amount', operator: '>=', value: 100 }] },
      sorts: [{ field: 'Amount', direction: 'desc' }],
      groupBy: [{ field: 'Stage', direction: 'desc' }, { field: 'Owner', direction: 'asc' }, { field: 'VIP', direction: 'asc' }],
    });
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    const { rows, records } = await allRows(view.body.id);
    const kept = seeds.filter((s) => s.amount !== null && s.amount >= 100);
    // Text sorts ASCII-case-insensitively, then by code point: Ann, Li, 王芳; empty last.
    const expected = reference(kept, [
      { key: (s) => s.stage, order: ['Won', 'Proposal', 'Lead', null] },
      { key: (s) => s.owner, order: ['Ann', 'Li', '王芳', null] },
      { key: (s) => s.vip, order: [false, true] },
    ], (a, b) => b.amount! - a.amount! || a.i - b.i);
    expect(flatten(rows, 3)).toEqual(expected);
    expect(records).toBe(kept.length);
  });

  it('leaves collapsed groups out, keeping their headers, and pages around them', async () => {
    const view = await team.owner.api.post(`/tables/${tableId}/views`, {
      name: 'Two levels', groupBy: [{ field: 'Stage', direction: 'asc' }, { field: 'Owner', direction: 'asc' }],
    });
    const open = await allRows(view.body.id);
    const headers = open.rows.filter((row) => row.group);
    const proposal = headers.find((row) => row.group!.depth === 0 && row.group!.value === 'Proposal')!;
    const leadLi = headers.find((row, index) => row.group!.depth === 1 && row.group!.value === 'Li' && headers.slice(0, index).filter((h) => h.group!.depth === 0).at(-1)!.group!.value === 'Lead')!;
    const collapsedIds = [proposal.group!.id, leadLi.group!.id];
    const shut = await allRows(view.body.id, `&collapsed=${collapsedIds.join(',')}`);
    const expected = reference(seeds, [
      { key: (s) => s.stage, order: [...STAGES, null] },
      { key: (s) => s.owner, order: ['Ann', 'Li', '王芳', null] },
    ], (a, b) => a.i - b.i, new Set(['/Proposal', '/Lead/Li']));
    expect(flatten(shut.rows, 2)).toEqual(expected);
    expect(shut.total).toBe(expected.length);
    expect(shut.rows.find((row) => row.group?.id === proposal.group!.id)!.group!.collapsed).toBe(true);
    // A block that starts exactly on a header, and one that ends on one.
    const firstHeaderAfter = expected.findIndex((item, index) => index > 10 && Array.isArray(item));
    const block = await team.editor.api.get(`/tables/${tableId}/rows?view=${view.body.id}&start=${firstHeaderAfter}&limit=3&collapsed=${collapsedIds.join(',')}`);
    expect(flatten(block.body.rows, 2)).toEqual(expected.slice(firstHeaderAfter, firstHeaderAfter + 3));
    const before = await team.editor.api.get(`/tables/${tableId}/rows?view=${view.body.id}&start=${firstHeaderAfter - 2}&limit=3&collapsed=${collapsedIds.join(',')}`);
    expect(flatten(before.body.rows, 2)).toEqual(expected.slice(firstHeaderAfter - 2, firstHeaderAfter + 1));
    expect((await team.editor.api.get(`/tables/${tableId}/rows?view=${view.body.id}&start=${expected.length}&limit=5`)).body.rows.length).toBeGreaterThan(0);
    expect((await team.editor.api.get(`/tables/${tableId}/rows?view=${view.body.id}&start=${open.total}&limit=5`)).body.rows).toEqual([]);
  });

  it('follows edits: a record moved to another group changes the counts and sums', async () => {
    const view = await team.owner.api.post(`/tables/${tableId}/views`, { name: 'Moves', groupBy: [{ field: 'Stage', direction: 'asc' }] });
    const before = await allRows(view.body.id);
    const lead = before.rows.find((row) => !row.group && row.values[field.Stage!] === 'Lead')!;
    const amount = (lead.values[field.Amount!] as number | null) ?? 0;
    const res = await team.editor.api.post(`/tables/${tableId}/rows/batch`, { updates: [{ id: lead.id, values: { [field.Stage!]: 'Won' } }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = await allRows(view.body.id);
    const header = (rows: Row[], value: string) => rows.find((row) => row.group?.value === value)!.group!;
    expect(header(after.rows, 'Lead').count).toBe(header(before.rows, 'Lead').count - 1);
    expect(header(after.rows, 'Won').count).toBe(header(before.rows, 'Won').count + 1);
    expect(header(after.rows, 'Won').sums[field.Amount!]).toBe((header(before.rows, 'Won').sums[field.Amount!] ?? 0) + amount);
    // Undo, so the other tests' reference stays true.
    await team.editor.api.post(`/tables/${tableId}/rows/batch`, { updates: [{ id: lead.id, values: { [field.Stage!]: 'Lead' } }] });
  });

  it('reads the group tree from one covering index, which never blocks deleting or converting its fields', async () => {
    const table = await team.owner.api.post(`/bases/${team.baseId}/tables`, {
      name: 'Indexed', fields: [{ name: 'Name', type: 'singleLineText' }, { name: 'Stage', type: 'singleSelect', options: { choices: [{ name: 'A' }] } }, { name: 'Amount', type: 'number' }, { name: 'Cost', type: 'number' }],
    });
    const id = table.body.id;
    await team.owner.api.post(`/tables/${id}/records`, { records: [{ fields: { Name: 'x', Stage: 'A', Amount: 5, Cost: 2 } }, { fields: { Name: 'y', Stage: 'A', Amount: 7 } }] });
    const view = await team.owner.api.post(`/tables/${id}/views`, { name: 'G', groupBy: [{ field: 'Stage', direction: 'asc' }] });
    const [, stage, amount, cost] = table.body.fields.map((f: { id: string }) => f.id) as string[];
    const plan = (sums: string[]) => (tessera.ctx.db.sqlite.prepare(
      `EXPLAIN QUERY PLAN SELECT f_${stage}, count(*)${sums.map((f) => `, sum(f_${f})`).join('')} FROM t_${id} GROUP BY f_${stage}`,
    ).all() as Array<{ detail: string }>).map((step) => step.detail).join(' ');
    expect(plan([amount!, cost!])).toMatch(/USING COVERING INDEX/);
    expect((await team.owner.api.request('DELETE', `/tables/${id}/fields/${amount}`)).status).toBeLessThan(300);
    expect((await team.owner.api.patch(`/tables/${id}/fields/${cost}`, { type: 'singleLineText' })).status).toBe(200);
    expect(plan([])).toMatch(/USING COVERING INDEX/);
    const rows = await team.editor.api.get(`/tables/${id}/rows?view=${view.body.id}&start=0&limit=10`);
    expect(rows.body.rows[0].group).toMatchObject({ value: 'A', count: 2, sums: {} });
  });

  it('refuses malformed collapsed lists and hides grouped rows from strangers', async () => {
    const view = await team.owner.api.post(`/tables/${tableId}/views`, { name: 'Refusals', groupBy: [{ field: 'Stage', direction: 'asc' }] });
    expectError(await team.editor.api.get(`/tables/${tableId}/rows?view=${view.body.id}&collapsed=${encodeURIComponent('a;b')}`), 400, 'INVALID_REQUEST');
    expectError(await team.stranger.api.get(`/tables/${tableId}/rows?view=${view.body.id}`), 404, 'NOT_FOUND');
  });
});
