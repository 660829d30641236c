import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { TestPage } from '../support/browser.ts';
import { cell, dbValue, focusCell, openGrid, POLL, useGridSession, type GridTeam } from './grid-support.ts';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
/** Auto-scrolling a few hundred rows takes seconds on a busy machine. */
const SCROLL_POLL = { timeout: 20_000, interval: 50 } as const;

/** Where the grid's rows show (below the header, above the summary bar), in page pixels. */
function rowsArea(page: Page): Promise<{ top: number; bottom: number; left: number; right: number }> {
  return page.evaluate(() => {
    const viewport = document.querySelector('.ag-grid-viewport')!.getBoundingClientRect();
    const top = document.querySelector('.ag-grid-pinned-top-rows')!.getBoundingClientRect().bottom;
    const bottom = document.querySelector('.ag-grid-pinned-bottom-rows')!.getBoundingClientRect().top;
    return { top, bottom, left: viewport.left, right: viewport.right };
  });
}

/** The range outline's far edges as drawn: the highest row index and the rightmost column id. */
function outline(page: Page): Promise<{ bottom: number; right: string | null }> {
  return page.evaluate(() => {
    const rows = [...document.querySelectorAll('.cell-frame.range-bottom')].map((el) => Number(el.closest('.ag-row')!.getAttribute('row-index')));
    const right = document.querySelector('.cell-frame.range-right')?.closest('.ag-cell')?.getAttribute('col-id') ?? null;
    return { bottom: rows.length ? Math.max(...rows) : -1, right };
  });
}

function scrollOf(page: Page): Promise<{ top: number; left: number; maxTop: number; maxLeft: number }> {
  return page.evaluate(() => {
    const v = document.querySelector('.ag-grid-viewport')!;
    return { top: v.scrollTop, left: v.scrollLeft, maxTop: v.scrollHeight - v.clientHeight, maxLeft: v.scrollWidth - v.clientWidth };
  });
}

/** Waits until the grid has stopped scrolling (the pointer came back inside), failing if it does not. */
async function scrollSettled(page: Page): Promise<void> {
  let before = -1;
  await expect.poll(async () => {
    const now = (await scrollOf(page)).top;
    const still = now === before;
    before = now;
    return still;
  }, { timeout: 3000, interval: 250 }).toBe(true);
}

/** The body row under a point (the way a person sees it). */
function rowUnder(page: Page, x: number, y: number): Promise<number> {
  return page.evaluate(([px, py]) => Number(document.elementFromPoint(px!, py!)?.closest('.ag-row')?.getAttribute('row-index') ?? -1), [x, y]);
}

async function pressFillHandle(page: Page): Promise<void> {
  const box = (await page.locator('.fill-handle').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
}

/** Moves the held pointer to `y` px below the rows (over the summary bar and the footer), in steps. */
async function holdBelowGrid(page: Page, x: number, below: number): Promise<void> {
  const area = await rowsArea(page);
  await page.mouse.move(x, area.bottom - 60, { steps: 4 });
  await page.mouse.move(x, area.bottom + below, { steps: 6 });
}

/** The clipboard's text, line ends as "\n" and without the last one. */
async function clipboardText(page: Page): Promise<string> {
  return (await page.evaluate(() => navigator.clipboard.readText())).replace(/\r\n/g, '\n').replace(/\n$/, '');
}

/** A table of its own for a test, with the grid open on it. */
async function tableWithGrid(session: ReturnType<typeof useGridSession>, name: string, fields: Array<{ name: string; type: string; options?: unknown }>, records: Array<Record<string, unknown>>): Promise<{ opened: TestPage; page: Page; tableId: string; field: Record<string, string>; recordIds: string[] }> {
  const { team } = session;
  const table = await team.owner.client.post(`/bases/${team.baseId}/tables`, { name, fields });
  expect(table.status, JSON.stringify(table.body)).toBe(201);
  const field = Object.fromEntries(table.body.fields.map((f: { id: string; name: string }) => [f.name, f.id])) as Record<string, string>;
  const recordIds: string[] = [];
  for (let i = 0; i < records.length; i += 100) {
    const created = await team.owner.client.post(`/tables/${table.body.id}/records`, { records: records.slice(i, i + 100).map((fields) => ({ fields })) });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    recordIds.push(...created.body.records.map((r: { id: string }) => r.id));
  }
  const onTable: GridTeam = { ...team, tableId: table.body.id, field: { ...team.field, Name: field[fields[0]!.name]! }, recordIds };
  const opened = await openGrid(session.browser, session.server, onTable, team.owner);
  return { opened, page: opened.page, tableId: table.body.id, field, recordIds };
}

describe('auto-scroll while dragging the fill handle or a range', () => {
  // 300 customers: Name "Customer i", Score i*10, Stage Lead, about 16 rows on screen.
  const session = useGridSession({ rows: 300 });
  const opened: TestPage[] = [];
  const open = async () => {
    const page = await session.open(session.team.owner);
    opened.push(page);
    return page.page;
  };
  afterEach(async () => {
    for (const page of opened.splice(0)) await page.page.context().close();
  });
  const stage = (row: number) => dbValue(session.server, session.team.tableId, session.team.field.Stage, session.team.recordIds[row]!);

  it('scrolls down while the fill handle is held below the grid, fills to the row under the pointer, and undoes in one step', async () => {
    const { Stage, Name } = session.team.field;
    const res = await session.team.owner.client.patch(`/tables/${session.team.tableId}/records`, { records: [{ id: session.team.recordIds[1], fields: { Stage: 'Won' } }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const won = stage(1);
    const lead = stage(2);
    expect(won).not.toEqual(lead);
    const page = await open();
    await expect.poll(() => cell(page, 1, Stage).textContent(), POLL).toBe('Won');

    await focusCell(page, 1, Stage);
    await pressFillHandle(page);
    const x = (await cell(page, 1, Stage).boundingBox())!.x + 30;
    await holdBelowGrid(page, x, 50);
    // The pointer stands still below the grid: the grid scrolls and the outline follows.
    await expect.poll(async () => (await outline(page)).bottom, SCROLL_POLL).toBeGreaterThan(70);
    expect((await scrollOf(page)).top).toBeGreaterThan(1500);

    // Back inside, over a row in the middle: the scrolling stops there.
    const area = await rowsArea(page);
    const y = (area.top + area.bottom) / 2;
    await page.mouse.move(x, y, { steps: 3 });
    await scrollSettled(page);
    const target = await rowUnder(page, x, y);
    expect(target).toBeGreaterThan(55);
    await expect.poll(async () => (await outline(page)).bottom, POLL).toBe(target);
    await page.mouse.up();

    // Rows 2…target took Won (the rows scrolled past included, loaded or not); the next did not.
    await expect.poll(() => stage(target), POLL).toEqual(won);
    for (const row of [2, 3, 20, 40, target - 1]) expect(stage(row), `row ${row}`).toEqual(won);
    expect(stage(target + 1)).toEqual(lead);

    // One undo takes the whole fill back (the press lands on a cell on screen, keeping the scroll).
    await focusCell(page, target, Name);
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => stage(target), POLL).toEqual(lead);
    for (const row of [2, 3, 20, 40, target - 1]) expect(stage(row), `row ${row}`).toEqual(lead);
    expect(stage(1)).toEqual(won);
  });

  it('selects the range a drag reached by auto-scrolling, and copies it', async () => {
    const { Name, Score } = session.team.field;
    const page = await open();
    const from = (await cell(page, 2, Name).boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    const x = (await cell(page, 2, Score).boundingBox())!.x + 30;
    await holdBelowGrid(page, x, 40);
    await expect.poll(async () => (await outline(page)).bottom, SCROLL_POLL).toBeGreaterThan(50);
    const area = await rowsArea(page);
    const y = area.top + (area.bottom - area.top) * 0.6;
    await page.mouse.move(x, y, { steps: 3 });
    await scrollSettled(page);
    const target = await rowUnder(page, x, y);
    await expect.poll(() => outline(page), POLL).toEqual({ bottom: target, right: Score });
    await page.mouse.up();

    await page.keyboard.press(`${mod}+c`);
    const lines = (await clipboardText(page)).split('\n');
    expect(lines).toHaveLength(target - 1);
    expect(lines[0]).toBe('Customer 2\t20');
    expect(lines.at(-1)!.split('\t')[0]).toBe(`Customer ${target}`);
    expect(Number(lines.at(-1)!.split('\t')[1]!.replace(/\D/g, ''))).toBe(target * 10);
  });

  it('scrolls up while a range drag is held over the column headers', async () => {
    const { Name } = session.team.field;
    const page = await open();
    await page.evaluate(() => { document.querySelector('.ag-grid-viewport')!.scrollTop = 3400; });
    await cell(page, 110, Name).locator('.cell-frame').waitFor();
    const from = (await cell(page, 110, Name).boundingBox())!;
    await page.mouse.move(from.x + 30, from.y + from.height / 2);
    await page.mouse.down();
    const area = await rowsArea(page);
    await page.mouse.move(from.x + 30, area.top + 40, { steps: 4 });
    await page.mouse.move(from.x + 30, area.top - 20, { steps: 4 });
    const top = () => page.evaluate(() => Math.min(...[...document.querySelectorAll('.cell-frame.range-top')].map((el) => Number(el.closest('.ag-row')!.getAttribute('row-index')))));
    await expect.poll(top, SCROLL_POLL).toBeLessThan(70);
    const y = area.top + (area.bottom - area.top) * 0.3;
    await page.mouse.move(from.x + 30, y, { steps: 3 });
    await scrollSettled(page);
    const target = await rowUnder(page, from.x + 30, y);
    await expect.poll(top, POLL).toBe(target);
    await page.mouse.up();

    await page.keyboard.press(`${mod}+c`);
    const lines = (await clipboardText(page)).split('\n');
    expect(lines).toHaveLength(110 - target + 1);
    expect([lines[0], lines.at(-1)]).toEqual([`Customer ${target}`, 'Customer 110']);
  });
});

describe('auto-scroll sideways and past the last row', () => {
  const session = useGridSession({ rows: 1 });
  const opened: TestPage[] = [];
  afterEach(async () => {
    for (const page of opened.splice(0)) await page.page.context().close();
  });

  it('scrolls right while a range drag is held at the right edge and back left beside the frozen column, which stays', async () => {
    const numbers = Array.from({ length: 16 }, (_, i) => ({ name: `N${i + 1}`, type: 'number' }));
    const wide = await tableWithGrid(session, 'Wide', [{ name: 'Item', type: 'singleLineText' }, ...numbers], [0, 1, 2].map((row) => ({
      Item: `Item ${row}`, ...Object.fromEntries(numbers.map((f, i) => [f.name, row * 100 + i + 1])),
    })));
    opened.push(wide.opened);
    const { page } = wide;
    const frozen = (await cell(page, 0, wide.field.Item!).boundingBox())!;
    const from = (await cell(page, 0, wide.field.N1!).boundingBox())!;
    await page.mouse.move(from.x + 20, from.y + from.height / 2);
    await page.mouse.down();
    const area = await rowsArea(page);
    // The grid reaches the window's right edge: hold the pointer on its last pixels.
    await page.mouse.move(area.right - 1, from.y + from.height / 2, { steps: 8 });
    await expect.poll(async () => (await outline(page)).right, SCROLL_POLL).toBe(wide.field.N16);
    expect((await scrollOf(page)).left).toBeGreaterThan(0);
    // The frozen primary column did not move with the others.
    expect((await cell(page, 0, wide.field.Item!).boundingBox())!.x).toBe(frozen.x);
    await page.mouse.up();

    await page.keyboard.press(`${mod}+c`);
    await expect.poll(() => clipboardText(page), POLL).toBe(numbers.map((_, i) => String(i + 1)).join('\t'));

    // Back from the far right: held just right of the frozen column, the columns scroll back left.
    // All the way right first: where the first drag stopped, N16 may still lie partly under
    // the scrollbar, and a press there would miss it.
    await page.evaluate(() => {
      const viewport = document.querySelector('.ag-grid-viewport')!;
      viewport.scrollLeft = viewport.scrollWidth;
    });
    await expect.poll(async () => { const s = await scrollOf(page); return s.maxLeft - s.left; }, POLL).toBe(0);
    const last = (await cell(page, 1, wide.field.N16!).boundingBox())!;
    await page.mouse.move(last.x + 20, last.y + last.height / 2);
    await page.mouse.down();
    await page.mouse.move(frozen.x + frozen.width + 4, last.y + last.height / 2, { steps: 8 });
    await expect.poll(async () => (await scrollOf(page)).left, SCROLL_POLL).toBe(0);
    await expect.poll(() => page.evaluate(() => document.querySelector('.cell-frame.range-left')?.closest('.ag-cell')?.getAttribute('col-id')), POLL).toBe(wide.field.N1);
    await page.mouse.up();
    await page.keyboard.press(`${mod}+c`);
    await expect.poll(() => clipboardText(page), POLL).toBe(numbers.map((_, i) => String(100 + i + 1)).join('\t'));
  });

  it('creates records for the rows dragged past the last one once auto-scroll brought it on screen, as one undo step', async () => {
    const items = await tableWithGrid(session, 'Items', [{ name: 'Item', type: 'singleLineText' }], Array.from({ length: 30 }, (_, i) => ({ Item: `Item ${i}` })));
    opened.push(items.opened);
    const { page, tableId, field } = items;
    const count = () => (session.server.ctx.db.sqlite.prepare(`SELECT COUNT(*) AS n FROM t_${tableId}`).get() as { n: number }).n;
    const names = () => (session.server.ctx.db.sqlite.prepare(`SELECT f_${field.Item} AS name FROM t_${tableId} ORDER BY id`).all() as Array<{ name: string }>).map((row) => row.name);
    // The last row is off screen to start with.
    expect(await page.locator('.ag-row[row-index="29"]').count()).toBe(0);

    await focusCell(page, 0, field.Item!);
    await pressFillHandle(page);
    const x = (await cell(page, 0, field.Item!).boundingBox())!.x + 40;
    await holdBelowGrid(page, x, 50);
    await expect.poll(async () => { const s = await scrollOf(page); return s.maxTop - s.top; }, SCROLL_POLL).toBe(0);
    const hint = page.locator('.fill-hint');
    await expect.poll(() => hint.count(), POLL).toBe(1);
    // The pointer is 50px below the rows, about two rows past the last one.
    await page.waitForTimeout(200);
    const created = Number(/\+(\d+) new records/.exec((await hint.textContent()) ?? '')?.[1]);
    expect(created).toBeGreaterThanOrEqual(1);
    expect(created).toBeLessThanOrEqual(3);
    await page.mouse.up();

    await expect.poll(count, POLL).toBe(30 + created);
    expect(names().slice(28)).toEqual(Array.from({ length: 2 + created }, (_, i) => `Item ${28 + i}`));

    await focusCell(page, 29, field.Item!);
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(count, POLL).toBe(30);
    expect(names().at(-1)).toBe('Item 29');
  });
});

describe('auto-scroll in a grouped view', () => {
  const session = useGridSession({ rows: 1 });
  let opened: TestPage | undefined;
  afterEach(async () => {
    await opened?.page.context().close();
    opened = undefined;
  });

  it('fills down past a group header reached by auto-scrolling, onto the records only', async () => {
    // Rows: 0 header A, 1…30 records 0…29, 31 header B, 32…61 records 30…59.
    const tiers = await tableWithGrid(session, 'Tiers', [
      { name: 'Account', type: 'singleLineText' },
      { name: 'Tier', type: 'singleSelect', options: { choices: [{ name: 'A' }, { name: 'B' }] } },
      { name: 'Quota', type: 'number' },
    ], Array.from({ length: 60 }, (_, i) => ({ Account: `Account ${i}`, Tier: i < 30 ? 'A' : 'B', ...(i === 0 ? { Quota: 7 } : {}) })));
    opened = tiers.opened;
    const { page, tableId, field, recordIds } = tiers;
    const quota = (record: number) => dbValue(session.server, tableId, field.Quota!, recordIds[record]!);
    const count = () => (session.server.ctx.db.sqlite.prepare(`SELECT COUNT(*) AS n FROM t_${tableId}`).get() as { n: number }).n;
    const views = await session.team.owner.client.get(`/tables/${tableId}/views`);
    const res = await session.team.owner.client.patch(`/tables/${tableId}/views/${views.body.views[0].id}`, { groupBy: [{ field: field.Tier, direction: 'asc' }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await page.reload();
    await cell(page, 1, field.Quota!).locator('.cell-frame').waitFor();
    expect(await page.locator('.ag-row[row-index="0"] .group-row').count()).toBe(1);

    await focusCell(page, 1, field.Quota!);
    await pressFillHandle(page);
    const x = (await cell(page, 1, field.Quota!).boundingBox())!.x + 30;
    await holdBelowGrid(page, x, 30);
    await expect.poll(async () => (await outline(page)).bottom, SCROLL_POLL).toBeGreaterThan(40);
    const area = await rowsArea(page);
    const y = area.top + (area.bottom - area.top) * 0.7;
    await page.mouse.move(x, y, { steps: 3 });
    await scrollSettled(page);
    const target = await rowUnder(page, x, y);
    expect(target).toBeGreaterThan(32);
    await expect.poll(async () => (await outline(page)).bottom, POLL).toBe(target);
    await page.mouse.up();

    // Records 1…29 (rows 2…30) and 30… (rows 32…target) took 7; the header between was skipped.
    const lastRecord = target - 2;
    await expect.poll(() => quota(lastRecord), POLL).toBe(7);
    for (const record of [1, 15, 29, 30, lastRecord - 1]) expect(quota(record), `record ${record}`).toBe(7);
    expect(quota(lastRecord + 1)).toBeNull();
    expect(count()).toBe(60);

    await focusCell(page, target, field.Account!);
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => quota(lastRecord), POLL).toBeNull();
    expect(quota(29)).toBeNull();
    expect(quota(0)).toBe(7);
  });
});

describe('a fill drag over rows the grid no longer keeps', () => {
  const session = useGridSession({ rows: 1 });
  let opened: TestPage | undefined;
  afterEach(async () => {
    await opened?.page.context().close();
    opened = undefined;
  });

  it('fills from a source whose block was dropped from the cache while the drag scrolled on', async () => {
    const rows = 1200;
    const big = await tableWithGrid(session, 'Big', [{ name: 'Item', type: 'singleLineText' }, { name: 'Flag', type: 'number' }],
      Array.from({ length: rows }, (_, i) => ({ Item: `Item ${i}`, ...(i === 1 ? { Flag: 5 } : {}) })));
    opened = big.opened;
    const { page, tableId, field } = big;
    const flagged = () => (session.server.ctx.db.sqlite.prepare(`SELECT COUNT(*) AS n FROM t_${tableId} WHERE f_${field.Flag} = 5`).get() as { n: number }).n;
    const flagAt = (row: number) => dbValue(session.server, tableId, field.Flag!, big.recordIds[row]!);

    await focusCell(page, 1, field.Flag!);
    await pressFillHandle(page);
    const x = (await cell(page, 1, field.Flag!).boundingBox())!.x + 30;
    await holdBelowGrid(page, x, 30);
    await expect.poll(async () => (await outline(page)).bottom, SCROLL_POLL).toBeGreaterThan(20);
    // The held drag meets other scrolling too (a scrollbar, the wheel): through ten blocks of
    // 100 rows, more than the grid keeps (8), so the source's block is dropped on the way.
    for (let block = 1; block <= 10; block++) {
      await page.evaluate((top) => { document.querySelector('.ag-grid-viewport')!.scrollTop = top; }, block * 100 * 34);
      await expect.poll(() => page.locator(`.ag-row[row-index="${block * 100 + 5}"] .cell-frame`).count(), SCROLL_POLL).toBeGreaterThan(0);
    }
    const area = await rowsArea(page);
    const y = (area.top + area.bottom) / 2;
    await page.mouse.move(x, y, { steps: 3 });
    await scrollSettled(page);
    const target = await rowUnder(page, x, y);
    expect(target).toBeGreaterThan(1000);
    await expect.poll(async () => (await outline(page)).bottom, POLL).toBe(target);
    await page.mouse.up();

    await expect.poll(flagged, SCROLL_POLL).toBe(target);
    expect([flagAt(2), flagAt(500), flagAt(target), flagAt(target + 1)]).toEqual([5, 5, 5, null]);
  });
});
