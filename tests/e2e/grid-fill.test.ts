import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestPage } from '../support/browser.ts';
import { cell, cellText, dbValue, dragHandleTo, focusCell, openGrid, POLL, select, useGridSession } from './grid-support.ts';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/** Drags the fill handle `rows` row heights below the last row (there is no cell there to point at). */
async function dragHandleBelowLastRow(page: Page, lastRow: number, fieldId: string, rows: number): Promise<void> {
  const box = (await page.locator('.fill-handle').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  const last = (await cell(page, lastRow, fieldId).boundingBox())!;
  await page.mouse.move(last.x + last.width / 2, last.y + last.height / 2, { steps: 4 });
  await page.mouse.move(last.x + last.width / 2, last.y + last.height * (rows + 0.5), { steps: 6 });
  await expect.poll(() => page.locator('.fill-hint').textContent(), POLL).toBe(`+${rows} new records`);
  await page.mouse.up();
}

describe('the fill handle in every direction', () => {
  const session = useGridSession({ rows: 1 });
  let mei: TestPage;
  let wang: TestPage;
  let plan: { tableId: string; field: Record<string, string>; recordIds: string[] };
  const count = () => (session.server.ctx.db.sqlite.prepare(`SELECT COUNT(*) AS n FROM t_${plan.tableId}`).get() as { n: number }).n;
  const value = (name: string, row: number) => dbValue(session.server, plan.tableId, plan.field[name]!, plan.recordIds[row]!);

  beforeAll(async () => {
    const table = await session.team.owner.client.post(`/bases/${session.team.baseId}/tables`, {
      name: 'Plan',
      fields: [
        { name: '名称', type: 'singleLineText' },
        { name: '日期', type: 'date' },
        { name: 'W1', type: 'number' },
        { name: 'W2', type: 'number' },
        { name: 'W3', type: 'number' },
        { name: 'W4', type: 'number' },
        { name: '编号', type: 'autoNumber' },
      ],
    });
    expect(table.status, JSON.stringify(table.body)).toBe(201);
    const field = Object.fromEntries(table.body.fields.map((f: { id: string; name: string }) => [f.name, f.id])) as Record<string, string>;
    const records = [
      { 名称: '客户 1', 日期: '2026-01-05', W1: 5, W2: 10 },
      { 名称: '客户 2', W3: 30, W4: 40 },
      { 名称: 'x', 日期: '2026-03-10' },
      { 名称: '客户 9', 日期: '2026-03-17' },
    ].map((fields) => ({ fields }));
    const created = await session.team.owner.client.post(`/tables/${table.body.id}/records`, { records });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    plan = { tableId: table.body.id, field, recordIds: created.body.records.map((r: { id: string }) => r.id) };
    const onPlan = { ...session.team, tableId: plan.tableId, field: { ...session.team.field, Name: field['名称']! } };
    mei = await openGrid(session.browser, session.server, onPlan, session.team.owner);
    wang = await openGrid(session.browser, session.server, onPlan, session.team.editor);
  }, 60_000);

  it('fills right and left continuing the step, and a second person sees it', async () => {
    const { page } = mei;
    const f = plan.field as Record<string, string>;
    await select(page, [0, f.W1!], [0, f.W2!]);
    await dragHandleTo(page, 0, f.W4!);
    await expect.poll(() => [value('W3', 0), value('W4', 0)], POLL).toEqual([15, 20]);
    await expect.poll(() => cellText(wang.page, 0, f.W4!), POLL).toBe('20');

    await select(page, [1, f.W3!], [1, f.W4!]);
    await dragHandleTo(page, 1, f.W1!);
    await expect.poll(() => [value('W1', 1), value('W2', 1)], POLL).toEqual([10, 20]);
    await expect.poll(() => cellText(wang.page, 1, f.W1!), POLL).toBe('10');
  });

  it('fills up: dates by their step, numbered text counting down', async () => {
    const { page } = mei;
    const f = plan.field as Record<string, string>;
    await select(page, [2, f['日期']!], [3, f['日期']!]);
    await dragHandleTo(page, 0, f['日期']!);
    await expect.poll(() => [value('日期', 0), value('日期', 1)], POLL).toEqual(['2026-02-24', '2026-03-03']);

    await focusCell(page, 3, f['名称']!);
    await dragHandleTo(page, 1, f['名称']!);
    await expect.poll(() => [value('名称', 1), value('名称', 2)], POLL).toEqual(['客户 7', '客户 8']);
    await expect.poll(() => cellText(wang.page, 2, f['名称']!), POLL).toBe('客户 8');
    expect(value('名称', 0)).toBe('客户 1');

    // One undo takes the whole fill back.
    await focusCell(page, 0, f.W1!);
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => [value('名称', 1), value('名称', 2)], POLL).toEqual(['客户 2', 'x']);
  });

  it('creates the records a drag past the last row needs, as one undo step', async () => {
    const { page } = mei;
    const f = plan.field as Record<string, string>;
    await select(page, [0, f['名称']!], [1, f['名称']!]);
    await dragHandleBelowLastRow(page, 3, f['名称']!, 3);
    await expect.poll(count, POLL).toBe(7);
    const names = () => (session.server.ctx.db.sqlite.prepare(`SELECT f_${f['名称']} AS name FROM t_${plan.tableId} ORDER BY id`).all() as Array<{ name: string }>).map((row) => row.name);
    expect(names()).toEqual(['客户 1', '客户 2', '客户 3', '客户 4', '客户 5', '客户 6', '客户 7']);
    await expect.poll(() => cellText(page, 6, f['名称']!), POLL).toBe('客户 7');
    await expect.poll(() => cellText(wang.page, 6, f['名称']!), POLL).toBe('客户 7');

    await focusCell(page, 0, f.W1!);
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(count, POLL).toBe(4);
    expect(names()).toEqual(['客户 1', '客户 2', 'x', '客户 9']);
    await expect.poll(() => page.locator(`.ag-row[row-index="4"]`).count(), POLL).toBe(0);
  });

  it('Ctrl+D copies the first row down, Ctrl+R the first column right', async () => {
    const { page } = mei;
    const f = plan.field as Record<string, string>;
    await select(page, [0, f['名称']!], [2, f['名称']!]);
    await page.keyboard.press(`${mod}+d`);
    await expect.poll(() => [value('名称', 1), value('名称', 2)], POLL).toEqual(['客户 1', '客户 1']);

    const res = await session.team.owner.client.patch(`/tables/${plan.tableId}/records`, { records: [{ id: plan.recordIds[2], fields: { W1: 3 } }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await expect.poll(() => cellText(page, 2, f.W1!), POLL).toBe('3');
    await select(page, [2, f.W1!], [2, f.W3!]);
    await page.keyboard.press(`${mod}+r`);
    await expect.poll(() => [value('W2', 2), value('W3', 2)], POLL).toEqual([3, 3]);
    expect(page.url()).toContain(plan.tableId);
  });

  it('leaves read-only fields alone and says so', async () => {
    const { page } = mei;
    const f = plan.field as Record<string, string>;
    // Auto numbers are system columns: read them as the grid shows them.
    const before = await cellText(page, 0, f['编号']!);
    expect(before).toBe('1');
    await focusCell(page, 0, f.W4!);
    await dragHandleTo(page, 0, f['编号']!);
    await expect.poll(() => page.getByText('Not filled, read-only: 编号').count(), POLL).toBe(1);
    expect(await cellText(page, 0, f['编号']!)).toBe(before);
  });

  it('refuses a viewer with a message', async () => {
    const li = await openGrid(session.browser, session.server, { ...session.team, tableId: plan.tableId, field: { ...session.team.field, Name: plan.field['名称']! } }, session.team.viewer);
    try {
      const { page } = li;
      const f = plan.field as Record<string, string>;
      expect(await page.locator('.fill-handle').count()).toBe(0);
      await select(page, [0, f.W1!], [1, f.W1!]);
      await page.keyboard.press(`${mod}+d`);
      await expect.poll(() => page.getByText('You can only view this table: nothing was filled.').count(), POLL).toBe(1);
      expect(value('W1', 1)).toBe(10);
    } finally {
      await li.page.context().close();
    }
  });
});
