import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestPage } from '../support/browser.ts';
import { cell, cellText, dbValue, dragHandleTo, focusCell, POLL, select, useGridSession } from './grid-support.ts';

const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/**
 * Grouped by Stage, the grid's rows are (row index: what it shows):
 *   0 # Lead    1 Customer 0   2 Customer 1   3 Customer 2
 *   4 # Won     5 Customer 3   6 Customer 4
 *   7 # (empty) 8 Customer 5
 */
const RECORD_ROW = [1, 2, 3, 5, 6, 8] as const;
const STAGES = ['Lead', 'Lead', 'Lead', 'Won', 'Won', null] as const;

/** Text pasted on the focused cell the way a browser delivers it. */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    (document.activeElement ?? document.body).dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, text);
}

/** The clipboard's text, line ends as "\n" and without the last one. */
async function clipboardText(page: Page): Promise<string> {
  return (await page.evaluate(() => navigator.clipboard.readText())).replace(/\r\n/g, '\n').replace(/\n$/, '');
}

/** The row-number column's text per row index (header rows have none). */
async function rowNumbers(page: Page, rows: readonly number[]): Promise<string[]> {
  return Promise.all(rows.map(async (row) => ((await page.locator(`.ag-row[row-index="${row}"] .row-index`).first().textContent()) ?? '').trim()));
}

describe('range tools in a grouped grid view', () => {
  const session = useGridSession({ rows: 6 });
  let mei: TestPage;
  const count = () => (session.server.ctx.db.sqlite.prepare(`SELECT COUNT(*) AS n FROM t_${session.team.tableId}`).get() as { n: number }).n;
  const score = (i: number) => dbValue(session.server, session.team.tableId, session.team.field.Score, session.team.recordIds[i]!);
  const name = (i: number) => dbValue(session.server, session.team.tableId, session.team.field.Name, session.team.recordIds[i]!);

  beforeAll(async () => {
    // Opened before grouping: openGrid waits for a record in row 0, which then becomes a header.
    mei = await session.open(session.team.owner);
    const views = await session.team.owner.client.get(`/tables/${session.team.tableId}/views`);
    const res = await session.team.owner.client.patch(`/tables/${session.team.tableId}/views/${views.body.views[0].id}`, { groupBy: [{ field: session.team.field.Stage, direction: 'asc' }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }, 60_000);

  /** Every test starts from the same six records and a freshly loaded grid. */
  beforeEach(async () => {
    const extra = (session.server.ctx.db.sqlite.prepare(`SELECT id FROM t_${session.team.tableId}`).all() as Array<{ id: number }>)
      .map((row) => `rec${row.id}`).filter((id) => !session.team.recordIds.includes(id));
    if (extra.length) expect((await session.team.owner.client.delete(`/tables/${session.team.tableId}/records?${extra.map((id) => `records[]=${id}`).join('&')}`)).status).toBe(200);
    const records = session.team.recordIds.map((id, i) => ({ id, fields: { Name: `Customer ${i}`, Score: i * 10, Stage: STAGES[i] } }));
    const res = await session.team.owner.client.patch(`/tables/${session.team.tableId}/records`, { records });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await mei.page.reload();
    await cell(mei.page, 8, session.team.field.Name).locator('.cell-frame').waitFor();
    await expect.poll(() => cellText(mei.page, 8, session.team.field.Name), POLL).toBe('Customer 5');
  });

  it('numbers records 1…n within each group, headers unnumbered', async () => {
    const { page } = mei;
    expect(await page.locator('.ag-row[row-index="0"] .group-row').count()).toBe(1);
    expect(await rowNumbers(mei.page, RECORD_ROW)).toEqual(['1', '2', '3', '1', '2', '1']);
    expect(await page.locator('.ag-row[row-index="4"] .row-index').count()).toBe(0);
  });

  it('fills a series down across group headers onto the records only, and undoes it in one step', async () => {
    const { page } = mei;
    const { Score } = session.team.field;
    // Scores 0, 10 continue as 20, 30, 40, 50 over Customer 2 (row 3), 3, 4 (rows 5, 6) and 5 (row 8).
    await session.team.owner.client.patch(`/tables/${session.team.tableId}/records`, { records: [2, 3, 4, 5].map((i) => ({ id: session.team.recordIds[i], fields: { Score: null } })) });
    await expect.poll(() => cellText(page, 8, Score), POLL).toBe('');
    await select(page, [1, Score], [2, Score]);
    await dragHandleTo(page, 8, Score);
    await expect.poll(() => [2, 3, 4, 5].map(score), POLL).toEqual([20, 30, 40, 50]);
    expect(count()).toBe(6);
    await expect.poll(() => cellText(page, 6, Score), POLL).toBe('40');
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => [2, 3, 4, 5].map(score), POLL).toEqual([null, null, null, null]);
    expect([0, 1].map(score)).toEqual([0, 10]);
  });

  it('fills up across a header, and Ctrl+D copies the first record of a range that starts on a header', async () => {
    const { page } = mei;
    const { Name } = session.team.field;
    // "Item 7" (Customer 3, row 5) dragged up to row 2 counts down over Customer 2 (row 3) and 1 (row 2).
    await session.team.owner.client.patch(`/tables/${session.team.tableId}/records`, { records: [{ id: session.team.recordIds[3], fields: { Name: 'Item 7' } }] });
    await expect.poll(() => cellText(page, 5, Name), POLL).toBe('Item 7');
    await focusCell(page, 5, Name);
    await dragHandleTo(page, 2, Name);
    await expect.poll(() => [1, 2, 3].map(name), POLL).toEqual(['Item 5', 'Item 6', 'Item 7']);
    expect(name(0)).toBe('Customer 0');

    // Rows 4 (the Won header) … 6: Ctrl+D copies Customer 3's name (row 5) onto Customer 4 (row 6).
    await select(page, [6, Name], [5, Name]);
    await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press(`${mod}+d`);
    await expect.poll(() => name(4), POLL).toBe('Item 7');
    expect(name(5)).toBe('Customer 5');
  });

  it('pastes rows onto consecutive records across headers, creating records only past the last row; undo takes it all back', async () => {
    const { page } = mei;
    const { Name } = session.team.field;
    await focusCell(page, 3, Name);
    await paste(page, 'P1\nP2\nP3\nP4\n');
    await expect.poll(() => [2, 3, 4, 5].map(name), POLL).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(count()).toBe(6);
    expect([0, 1].map(name)).toEqual(['Customer 0', 'Customer 1']);
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => [2, 3, 4, 5].map(name), POLL).toEqual(['Customer 2', 'Customer 3', 'Customer 4', 'Customer 5']);

    // From the last record on, the second line is a new record (in the "(empty)" group, as it has no stage).
    await focusCell(page, 8, Name);
    await paste(page, 'Q1\nQ2\n');
    await expect.poll(count, POLL).toBe(7);
    expect(name(5)).toBe('Q1');
    await expect.poll(() => cellText(page, 9, Name), POLL).toBe('Q2');
    expect(await rowNumbers(page, [8, 9])).toEqual(['1', '2']);
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(count, POLL).toBe(6);
    expect(name(5)).toBe('Customer 5');
  });

  it('pastes one value into every record of a range over a header; copy and clear take the records only', async () => {
    const { page } = mei;
    const { Name, Score } = session.team.field;
    await select(page, [2, Name], [5, Name]);
    await paste(page, 'Same');
    await expect.poll(() => [1, 2, 3].map(name), POLL).toEqual(['Same', 'Same', 'Same']);
    expect([0, 4].map(name)).toEqual(['Customer 0', 'Customer 4']);

    await select(page, [3, Name], [6, Score]);
    await page.keyboard.press(`${mod}+c`);
    await expect.poll(() => clipboardText(page), POLL).toBe('Same\t20\nSame\t30\nCustomer 4\t40');
    await page.keyboard.press('Delete');
    await expect.poll(() => [2, 3, 4].map(score), POLL).toEqual([null, null, null]);
    expect([2, 3, 4].map(name)).toEqual([null, null, null]);
    expect(name(5)).toBe('Customer 5');
  });

  it('moves with the keyboard through header rows, and a range ending on a header spans the records before it', async () => {
    const { page } = mei;
    const { Name, Score } = session.team.field;
    await focusCell(page, 3, Score);
    await page.keyboard.press('ArrowDown');
    // The header row takes the focus, as a row of its own; Enter there folds the group, Enter again opens it.
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.ag-row')?.getAttribute('row-index')), POLL).toBe('4');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('.ag-row[row-index="5"] .ag-cell-focus').getAttribute('col-id'), POLL).toBe(Score);
    await page.keyboard.press('Tab');
    await expect.poll(() => page.locator('.ag-row[row-index="5"] .ag-cell-focus').getAttribute('col-id'), POLL).not.toBe(Score);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.locator('.ag-row[row-index="3"] .ag-cell-focus').count(), POLL).toBe(1);

    // Shift+Down from Customer 2 onto the header: the range shows Customer 2, and copies it alone.
    await focusCell(page, 3, Name);
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press(`${mod}+c`);
    await expect.poll(() => clipboardText(page), POLL).toBe('Customer 2');
  });
});
