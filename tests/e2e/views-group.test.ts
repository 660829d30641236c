import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestPage } from '../support/browser.ts';
import { POLL, useGridSession } from './grid-support.ts';

/** The grid's rows top to bottom: group headers as "# value (count)", records by name. */
async function shownRows(page: Page, nameField: string): Promise<string[]> {
  return page.evaluate((fieldId) => {
    const byIndex = new Map<number, string>();
    // Records are split over the pinned and centre containers; headers are full-width rows.
    for (const row of document.querySelectorAll<HTMLElement>('.ag-row[row-index]')) {
      const index = Number(row.getAttribute('row-index'));
      if (!Number.isInteger(index)) continue; // the summary bar's pinned row
      const header = row.querySelector('.group-row');
      if (header) {
        const value = header.querySelector('.group-value')?.textContent?.trim();
        const count = header.querySelector('.group-count')?.textContent?.trim();
        byIndex.set(index, `${'#'.repeat(Number(header.getAttribute('data-depth')) + 1)} ${value} (${count})`);
        continue;
      }
      const text = row.querySelector(`.ag-cell[col-id="${fieldId}"] .cell-frame`)?.textContent?.trim();
      if (text && !byIndex.has(index)) byIndex.set(index, text);
    }
    return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, text]) => text);
  }, nameField);
}

describe('grouping in the browser', () => {
  const session = useGridSession();
  let mei: TestPage;
  beforeAll(async () => {
    // Scores are 0, 10 … 70; customers 2 and 5 are won, 6 has no stage, the rest are leads.
    const updates = [[2, { Stage: 'Won' }], [5, { Stage: 'Won' }], [6, { Stage: null }]] as const;
    const res = await session.team.owner.client.patch(`/tables/${session.team.tableId}/records`, { records: updates.map(([i, fields]) => ({ id: session.team.recordIds[i], fields })) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    mei = await session.open(session.team.owner);
  }, 60_000);

  it('builds a filter and a grouping in the UI and shows the right headers, counts, sums and rows', async () => {
    const { page } = mei;
    const { Name, Score, Stage } = session.team.field;
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    const filters = page.getByRole('dialog', { name: 'Filters' });
    await filters.locator('.filter-editor > .filter-group > .actions .add-condition').click();
    const condition = filters.locator('.condition-row').first();
    await condition.getByLabel('Field').selectOption(Score);
    await condition.getByLabel('Operator').selectOption('>=');
    await condition.getByLabel('Value').fill('20');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Group', exact: true }).click();
    const panel = page.getByRole('dialog', { name: 'Group records by' });
    await panel.getByRole('button', { name: '+ Add a level' }).click();
    await panel.getByLabel('Field of level 1').selectOption(Stage);
    await expect.poll(() => shownRows(page, Name), POLL).toEqual([
      '# Lead (3 records)', 'Customer 3', 'Customer 4', 'Customer 7',
      '# Won (2 records)', 'Customer 2', 'Customer 5',
      '# (empty) (1 record)', 'Customer 6',
    ]);
    const sums = await page.locator('.group-row .group-sum').allTextContents();
    expect(sums).toEqual(['Σ Score: 140', 'Σ Score: 70', 'Σ Score: 60']);
    await page.getByRole('button', { name: 'Grouped by 1 field' }).waitFor();
    const saved = (await session.team.owner.client.get(`/tables/${session.team.tableId}/views`)).body.views[0];
    expect(saved.groupBy).toEqual([{ field: Stage, direction: 'asc' }]);

    // A second level, last → first: Score inside each stage.
    await panel.getByRole('button', { name: '+ Add a level' }).click();
    await panel.getByLabel('Field of level 2').selectOption(Score);
    await panel.getByLabel('Order of level 2').selectOption('desc');
    await expect.poll(() => shownRows(page, Name).then((rows) => rows.slice(0, 7)), POLL).toEqual([
      '# Lead (3 records)', '## 70 (1 record)', 'Customer 7', '## 40 (1 record)', 'Customer 4', '## 30 (1 record)', 'Customer 3',
    ]);
    await panel.getByRole('button', { name: 'Remove level 2' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => shownRows(page, Name).then((rows) => rows.length), POLL).toBe(9);
    expect(mei.errors).toEqual([]);
  });

  it('collapses a group with a click and with the keyboard, and remembers it for this person', async () => {
    const { page } = mei;
    const { Name } = session.team.field;
    await page.getByRole('button', { name: 'Collapse Stage: Won' }).click();
    const collapsed = ['# Lead (3 records)', 'Customer 3', 'Customer 4', 'Customer 7', '# Won (2 records)', '# (empty) (1 record)', 'Customer 6'];
    await expect.poll(() => shownRows(page, Name), POLL).toEqual(collapsed);
    await page.reload();
    await expect.poll(() => shownRows(page, Name), POLL).toEqual(collapsed);
    // Enter on the focused header row expands it again.
    await page.getByRole('button', { name: 'Expand Stage: Won' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => shownRows(page, Name).then((rows) => rows.length), POLL).toBe(9);
    // Edits keep working on record rows; moving a record to another group regroups it.
    const won = page.locator('.ag-row', { hasText: 'Customer 5' }).locator(`.ag-cell[col-id="${session.team.field.Stage}"]`);
    await won.click({ position: { x: 4, y: 4 } });
    await page.keyboard.press('Delete');
    await expect.poll(() => shownRows(page, Name), POLL).toEqual([
      '# Lead (3 records)', 'Customer 3', 'Customer 4', 'Customer 7', '# Won (1 record)', 'Customer 2', '# (empty) (2 records)', 'Customer 5', 'Customer 6',
    ]);
    expect(mei.errors).toEqual([]);
  });
});
