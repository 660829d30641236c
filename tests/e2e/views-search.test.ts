import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestPage } from '../support/browser.ts';
import { cell, focusCell, POLL, useGridSession } from './grid-support.ts';

async function shownNames(page: Page, nameField: string): Promise<string[]> {
  return page.evaluate((fieldId) => {
    const byIndex = new Map<number, string>();
    for (const row of document.querySelectorAll<HTMLElement>('.ag-row[row-index]')) {
      const text = row.querySelector(`.ag-cell[col-id="${fieldId}"] .cell-frame`)?.textContent?.trim();
      const index = Number(row.getAttribute('row-index'));
      if (text && Number.isInteger(index)) byIndex.set(index, text);
    }
    return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, text]) => text);
  }, nameField);
}

/** The text of every range the search highlight paints. */
function highlighted(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(CSS.highlights.get('tessera-search') ?? [])].map((range) => (range as Range).toString()));
}

describe('search and the summary bar in the browser', () => {
  const session = useGridSession();
  let mei: TestPage;
  beforeAll(async () => {
    const names = [[0, '王小明'], [3, '王芳 Wang'], [5, 'Acme 上海王府井']] as const;
    const res = await session.team.owner.client.patch(`/tables/${session.team.tableId}/records`, { records: names.map(([i, Name]) => ({ id: session.team.recordIds[i], fields: { Name } })) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    mei = await session.open(session.team.owner);
  }, 60_000);

  it('Ctrl+F focuses the search box; the grid narrows to the matches, counts and highlights them', async () => {
    const { page } = mei;
    const { Name } = session.team.field;
    await focusCell(page, 1, Name);
    await page.keyboard.press('Control+f');
    const box = page.getByRole('searchbox', { name: 'Search records' });
    await expect.poll(() => box.evaluate((input) => input === document.activeElement), POLL).toBe(true);
    await page.keyboard.type('王');
    await expect.poll(() => shownNames(page, Name), POLL).toEqual(['王小明', '王芳 Wang', 'Acme 上海王府井']);
    await expect.poll(() => page.locator('.search-count').textContent(), POLL).toBe('3 matches');
    await expect.poll(() => highlighted(page), POLL).toEqual(['王', '王', '王']);

    await box.fill('CUSTOMER 4');
    await expect.poll(() => shownNames(page, Name), POLL).toEqual(['Customer 4']);
    await expect.poll(() => page.locator('.search-count').textContent(), POLL).toBe('1 match');
    await expect.poll(() => highlighted(page), POLL).toEqual(['Customer 4']);

    await box.fill('上海王府');
    await expect.poll(() => shownNames(page, Name), POLL).toEqual(['Acme 上海王府井']);
    await box.press('Escape');
    await expect.poll(() => shownNames(page, Name).then((names) => names.length), POLL).toBe(8);
    await expect.poll(() => highlighted(page), POLL).toEqual([]);
    expect(mei.errors).toEqual([]);
  });

  it('shows a sum under the Score column that follows an edit', async () => {
    const { page } = mei;
    const { Score } = session.team.field;
    await page.getByRole('combobox', { name: 'Summary of Score' }).selectOption('sum');
    const value = page.locator(`.summary-cell-inner[data-field-id="${Score}"] .summary-value`);
    // Scores are 0, 10 … 70.
    await expect.poll(() => value.textContent(), POLL).toBe('280');
    const saved = (await session.team.owner.client.get(`/tables/${session.team.tableId}/views`)).body.views[0];
    expect(saved.summaries).toEqual({ [Score]: 'sum' });
    // The cell under the column lines up with the column.
    const column = await page.locator(`.ag-header-cell[col-id="${Score}"]`).boundingBox();
    const summary = await page.locator(`.ag-cell.summary-cell[col-id="${Score}"]`).boundingBox();
    expect(Math.abs(column!.x - summary!.x)).toBeLessThan(1);
    expect(Math.abs(column!.width - summary!.width)).toBeLessThan(1);

    await focusCell(page, 7, Score);
    await page.keyboard.type('1070');
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(page, 7, Score).textContent(), POLL).toBe('1,070');
    await expect.poll(() => value.textContent(), POLL).toBe('1,280');
    // Searching narrows the summary too.
    await page.getByRole('searchbox', { name: 'Search records' }).fill('customer 7');
    await expect.poll(() => value.textContent(), POLL).toBe('1,070');
    expect(mei.errors).toEqual([]);
  });
});
