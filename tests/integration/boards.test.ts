import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError, postTable } from '../support/fixtures.ts';
import { seedTeam, type Team } from '../support/seed.ts';
import { startTestServer } from '../support/test-server.ts';

// Kanban stacks, cards per stack, card moves and the calendar range, over a real server and
// SQLite file. 90 deals: stage cycles (empty, 初步接洽, 方案报价, 已签约, a stray value), the
// amount is i * 10, the owner alternates between the owner and the editor.
let tessera: Awaited<ReturnType<typeof startTestServer>>;
let team: Team;
let tableId: string;
let field: Record<string, string>;
const TOTAL = 90;
const STAGES = [null, '初步接洽', '方案报价', '已签约', '旧阶段'] as const;

beforeAll(async () => {
  tessera = await startTestServer();
  team = seedTeam(tessera);
  ({ id: tableId, field } = await postTable(team.owner.api, team.baseId, {
    name: 'Deals',
    fields: [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Amount', type: 'currency', options: { symbol: '¥', precision: 2 } },
      { name: 'Stage', type: 'singleSelect', options: { choices: [{ name: '初步接洽' }, { name: '方案报价' }, { name: '已签约' }, { name: '输单' }] } },
      { name: 'Owner', type: 'user' },
      { name: 'Follow-up', type: 'date' },
      { name: 'Meeting', type: 'date', options: { includeTime: true } },
    ],
  }));
  const records = Array.from({ length: TOTAL }, (_, i) => ({
    fields: {
      Name: `Deal ${String(i).padStart(2, '0')}`,
      Amount: i * 10,
      Stage: STAGES[i % 5] === '旧阶段' ? '初步接洽' : STAGES[i % 5],
      Owner: i % 2 ? team.editor.id : team.owner.id,
      'Follow-up': `2024-03-${String((i % 28) + 1).padStart(2, '0')}`,
      // 23:30 in Shanghai on the day: the previous UTC day, so the zone must be applied.
      Meeting: `2024-03-${String((i % 28) + 1).padStart(2, '0')}T23:30:00+08:00`,
    },
  }));
  const created = await team.owner.api.post(`/tables/${tableId}/records`, { records });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  // A value that is no longer a choice (written straight to SQLite, as an old row might hold).
  const stray = Array.from({ length: TOTAL }, (_, i) => i).filter((i) => STAGES[i % 5] === '旧阶段').map((i) => i + 1);
  tessera.ctx.db.sqlite.prepare(`UPDATE t_${tableId} SET f_${field.Stage} = '旧阶段' WHERE id IN (${stray.join(',')})`).run();
});
afterAll(() => tessera.close());

async function createView(body: Record<string, unknown>): Promise<string> {
  const res = await team.owner.api.post(`/tables/${tableId}/views`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id as string;
}

interface StackJson { key: string; value: string | null; known: boolean; count: number; sum: number | null; cards?: Array<{ id: string; values: Record<string, unknown> }> }

const expectedStage = (i: number) => STAGES[i % 5];
const deals = (predicate: (i: number) => boolean) => Array.from({ length: TOTAL }, (_, i) => i).filter(predicate);
const sumOf = (ids: number[]) => ids.reduce((sum, i) => sum + i * 10, 0);

describe('GET /tables/:tableId/stacks', () => {
  it('stacks by a single select: (empty) first, choices in order, a stray value last; counts and sums', async () => {
    const view = await createView({ name: 'Pipeline', type: 'kanban', stackField: 'Stage', sumField: 'Amount' });
    const res = await team.viewer.api.get(`/tables/${tableId}/stacks?view=${view}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const stacks = res.body.stacks as StackJson[];
    expect(stacks.map((s) => s.value)).toEqual([null, '初步接洽', '方案报价', '已签约', '输单', '旧阶段']);
    expect(stacks.map((s) => s.known)).toEqual([true, true, true, true, true, false]);
    for (const stack of stacks) {
      const ids = deals((i) => expectedStage(i) === stack.value);
      expect(stack.count, String(stack.value)).toBe(ids.length);
      expect(stack.sum, String(stack.value)).toBe(sumOf(ids));
    }
    expect(stacks.find((s) => s.value === '输单')).toMatchObject({ count: 0, sum: 0 });
    expect(res.body).toMatchObject({ stackField: field.Stage, sumField: field.Amount, total: TOTAL });
  });

  it('applies the view filter, hides empty stacks, and returns first cards per stack in order', async () => {
    const view = await createView({
      name: 'Big deals', type: 'kanban', stackField: 'Stage', sumField: 'Amount', hideEmptyStacks: true,
      filter: { conjunction: 'and', conditions: [{ field: 'Amount', operator: '>=', value: 500 }] },
      cardFields: ['Amount'],
    });
    const res = await team.editor.api.get(`/tables/${tableId}/stacks?view=${view}&cards=3`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const stacks = res.body.stacks as StackJson[];
    expect(stacks.map((s) => s.value)).toEqual([null, '初步接洽', '方案报价', '已签约', '旧阶段']);
    const lead = stacks.find((s) => s.value === '初步接洽')!;
    const leadIds = deals((i) => i >= 50 && expectedStage(i) === '初步接洽');
    expect(lead.count).toBe(leadIds.length);
    expect(lead.sum).toBe(sumOf(leadIds));
    expect(lead.cards!.map((c) => c.values[field.Name!])).toEqual(leadIds.slice(0, 3).map((i) => `Deal ${i}`));
    // A card carries what it shows and what places it, not every field.
    expect(Object.keys(lead.cards![0]!.values).sort()).toEqual([field.Name, field.Amount, field.Stage].sort());
  });

  it('stacks by a user field: one stack per member, in member order', async () => {
    const view = await createView({ name: 'By owner', type: 'kanban', stackField: 'Owner' });
    const res = await team.owner.api.get(`/tables/${tableId}/stacks?view=${view}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const stacks = res.body.stacks as StackJson[];
    expect(stacks.map((s) => s.value)).toEqual([null, team.owner.id, team.editor.id, team.viewer.id]);
    expect(stacks.map((s) => s.count)).toEqual([0, TOTAL / 2, TOTAL / 2, 0]);
    expect(stacks.every((s) => s.sum === null)).toBe(true);
  });

  it('refuses a view without a stack field, a stranger, and a bad stack key', async () => {
    const plain = await createView({ name: 'No stack', type: 'kanban' });
    expectError(await team.owner.api.get(`/tables/${tableId}/stacks?view=${plain}`), 400, 'INVALID_REQUEST');
    const view = await createView({ name: 'Pipeline 2', type: 'kanban', stackField: 'Stage' });
    expectError(await team.stranger.api.get(`/tables/${tableId}/stacks?view=${view}`), 404);
    expectError(await team.owner.api.get(`/tables/${tableId}/stacks/v!!/cards?view=${view}`), 400, 'INVALID_REQUEST');
  });
});

describe('GET /tables/:tableId/stacks/:stackKey/cards', () => {
  it('pages one stack in the view order, with its count', async () => {
    const view = await createView({ name: 'Sorted', type: 'kanban', stackField: 'Stage', sorts: [{ field: 'Amount', direction: 'desc' }] });
    const { body } = await team.owner.api.get(`/tables/${tableId}/stacks?view=${view}`);
    const stack = (body.stacks as StackJson[]).find((s) => s.value === '方案报价')!;
    const expected = deals((i) => expectedStage(i) === '方案报价').sort((a, b) => b - a).map((i) => `Deal ${String(i).padStart(2, '0')}`);
    const seen: unknown[] = [];
    for (let start = 0; start < expected.length; start += 7) {
      const page = await team.owner.api.get(`/tables/${tableId}/stacks/${stack.key}/cards?view=${view}&start=${start}&limit=7`);
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      expect(page.body.count).toBe(expected.length);
      seen.push(...page.body.cards.map((c: { values: Record<string, unknown> }) => c.values[field.Name!]));
    }
    expect(seen).toEqual(expected);
    const empty = (body.stacks as StackJson[]).find((s) => s.value === null)!;
    const emptyPage = await team.owner.api.get(`/tables/${tableId}/stacks/${empty.key}/cards?view=${view}&limit=500`);
    expect(emptyPage.body.cards).toHaveLength(deals((i) => expectedStage(i) === null).length);
  });
});

describe('POST /tables/:tableId/stacks/move', () => {
  it('moves a card to another stack through the write path, then orders it by hand', async () => {
    const view = await createView({ name: 'Manual', type: 'kanban', stackField: 'Stage', sumField: 'Amount' });
    const stacks = async () => (await team.editor.api.get(`/tables/${tableId}/stacks?view=${view}&cards=100`)).body.stacks as StackJson[];
    const before = await stacks();
    const lead = before.find((s) => s.value === '初步接洽')!;
    const won = before.find((s) => s.value === '已签约')!;
    const card = lead.cards![0]!;
    const amount = card.values[field.Amount!] as number;

    // To the top of 已签约.
    const moved = await team.editor.api.post(`/tables/${tableId}/stacks/move`, { view, recordId: card.id, toStack: won.key, afterId: null });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect(moved.body.card.values[field.Stage!]).toBe('已签约');
    const after = await stacks();
    const wonAfter = after.find((s) => s.value === '已签约')!;
    expect(wonAfter.cards![0]!.id).toBe(card.id);
    expect(wonAfter.count).toBe(won.count + 1);
    expect(wonAfter.sum).toBe(won.sum! + amount);
    expect(after.find((s) => s.value === '初步接洽')!.count).toBe(lead.count - 1);

    // The change is in the record's history, by the editor, from a user.
    const history = await team.owner.api.get(`/tables/${tableId}/records/${card.id}/history`);
    const last = history.body.history.at(-1) ?? history.body.history[0];
    const entry = (history.body.history as Array<{ changes: Record<string, unknown[]>; origin: string; actorId: string }>).find((h) => h.changes[field.Stage!]);
    expect(entry, JSON.stringify(last)).toMatchObject({ origin: 'user', actorId: team.editor.id });
    expect(entry!.changes[field.Stage!]).toEqual(['初步接洽', '已签约']);

    // Within the stack: after its third card (unranked cards get their places first).
    const ids = wonAfter.cards!.map((c) => c.id);
    const third = ids[3]!;
    const reorder = await team.editor.api.post(`/tables/${tableId}/stacks/move`, { view, recordId: card.id, toStack: won.key, afterId: third });
    expect(reorder.status, JSON.stringify(reorder.body)).toBe(200);
    expect(reorder.body.rank).toEqual(expect.any(String));
    const reordered = (await stacks()).find((s) => s.value === '已签约')!.cards!.map((c) => c.id);
    expect(reordered).toEqual([ids[1], ids[2], ids[3], card.id, ...ids.slice(4)]);

    // Back to the very top, then after the last card.
    await team.editor.api.post(`/tables/${tableId}/stacks/move`, { view, recordId: ids.at(-1), toStack: won.key, afterId: null });
    await team.editor.api.post(`/tables/${tableId}/stacks/move`, { view, recordId: ids[1], toStack: won.key, afterId: card.id });
    const final = (await stacks()).find((s) => s.value === '已签约')!.cards!.map((c) => c.id);
    expect(final).toEqual([ids.at(-1), ids[2], ids[3], card.id, ids[1], ...ids.slice(4, -1)]);
    expect(new Set(final).size).toBe(final.length);
  });

  it('moves to the (empty) stack; a viewer may not move; a bad value moves nothing', async () => {
    const view = await createView({ name: 'Moves', type: 'kanban', stackField: 'Stage' });
    const { body } = await team.owner.api.get(`/tables/${tableId}/stacks?view=${view}&cards=1`);
    const stacks = body.stacks as StackJson[];
    const card = stacks.find((s) => s.value === '方案报价')!.cards![0]!;
    const empty = stacks.find((s) => s.value === null)!;
    expectError(await team.viewer.api.post(`/tables/${tableId}/stacks/move`, { view, recordId: card.id, toStack: empty.key }), 403);
    const res = await team.owner.api.post(`/tables/${tableId}/stacks/move`, { view, recordId: card.id, toStack: empty.key });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.card.values[field.Stage!]).toBeNull();
    // A key for a value that is not a choice: the write path refuses it, nothing changes.
    const bogus = `v${Buffer.from('不存在').toString('base64url')}`;
    expectError(await team.owner.api.post(`/tables/${tableId}/stacks/move`, { view, recordId: card.id, toStack: bogus, afterId: null }), 422, 'INVALID_VALUE');
    const order = tessera.ctx.db.sqlite.prepare('SELECT count(*) AS n FROM view_record_order WHERE view_id = ?').get(view) as { n: number };
    expect(order.n).toBe(0);
  });
});

describe('GET /tables/:tableId/calendar', () => {
  it('returns only the records dated in the range, in date order, for a day field', async () => {
    const view = await createView({ name: 'Follow-ups', type: 'calendar', dateField: 'Follow-up' });
    const res = await team.viewer.api.get(`/tables/${tableId}/calendar?view=${view}&from=2024-03-04&to=2024-03-11`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const days = res.body.records.map((r: { values: Record<string, string> }) => r.values[field['Follow-up']!]);
    expect(days.length).toBe(deals((i) => (i % 28) + 1 >= 4 && (i % 28) + 1 < 11).length);
    expect(days).toEqual([...days].sort());
    expect(days[0]).toBe('2024-03-04');
    expect(days.at(-1)).toBe('2024-03-10');
    expect(res.body.truncated).toBe(false);
  });

  it('reads days of a date-time field in the base zone, applies the filter, and limits', async () => {
    const view = await createView({
      name: 'Meetings', type: 'calendar', dateField: 'Meeting',
      filter: { conjunction: 'and', conditions: [{ field: 'Amount', operator: '<', value: 300 }] },
    });
    const res = await team.owner.api.get(`/tables/${tableId}/calendar?view=${view}&from=2024-03-01&to=2024-03-08`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const expected = deals((i) => i < 30 && (i % 28) + 1 <= 7);
    expect(res.body.records.length).toBe(expected.length);
    // 2024-03-07 23:30 in Shanghai is 15:30 UTC the same day; 03-08's meetings are out.
    for (const record of res.body.records) expect(record.values[field.Meeting!] < '2024-03-07T16:00:00.000Z').toBe(true);
    const limited = await team.owner.api.get(`/tables/${tableId}/calendar?view=${view}&from=2024-03-01&to=2024-03-08&limit=1`);
    expect(limited.body).toMatchObject({ truncated: true });
    expect(limited.body.records).toHaveLength(1);
  });

  it('refuses a bad or too long range', async () => {
    const view = await createView({ name: 'Cal', type: 'calendar', dateField: 'Follow-up' });
    expectError(await team.owner.api.get(`/tables/${tableId}/calendar?view=${view}&from=2024-3-1&to=2024-03-08`), 400, 'INVALID_REQUEST');
    expectError(await team.owner.api.get(`/tables/${tableId}/calendar?view=${view}&from=2024-01-01&to=2024-06-01`), 400, 'INVALID_REQUEST');
  });
});
