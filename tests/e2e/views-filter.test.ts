import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestPage } from '../support/browser.ts';
import { cell, POLL, useGridSession, type GridTeam } from './grid-support.ts';

/** The Name column of the rows the grid shows, top to bottom. */
async function shownNames(page: Page, nameField: string): Promise<string[]> {
  return page.evaluate((fieldId) => {
    const rows = [...document.querySelectorAll<HTMLElement>('.ag-row[row-index]')];
    const byIndex = new Map<number, string>();
    for (const row of rows) {
      const text = row.querySelector(`.ag-cell[col-id="${fieldId}"] .cell-frame`)?.textContent?.trim();
      if (text !== undefined && text !== '') byIndex.set(Number(row.getAttribute('row-index')), text);
    }
    return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, text]) => text);
  }, nameField);
}

const sidebarNames = (page: Page) => page.locator('.view-sidebar .view-link-name').allTextContents();

async function views(team: GridTeam): Promise<Array<{ id: string; name: string; filter?: unknown; sorts?: unknown; personal: boolean }>> {
  return (await team.owner.client.get(`/tables/${team.tableId}/views`)).body.views;
}

describe('view configuration and saved views in the browser', () => {
  const session = useGridSession();
  let mei: TestPage;
  let wang: TestPage;
  beforeAll(async () => {
    // Customers 2 and 5 are won; 6 and 7 are done. Scores are 0, 10 … 70.
    const updates = [[2, { Stage: 'Won' }], [5, { Stage: 'Won' }], [6, { Done: true }], [7, { Done: true }]] as const;
    const res = await session.team.owner.client.patch(`/tables/${session.team.tableId}/records`, { records: updates.map(([i, fields]) => ({ id: session.team.recordIds[i], fields })) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    mei = await session.open(session.team.owner);
    wang = await session.open(session.team.editor);
    // Survives only as long as the page is not reloaded: proves the updates below are live.
    await wang.page.evaluate(() => { (window as unknown as { __noReload: boolean }).__noReload = true; });
  }, 60_000);

  it('builds "Score ≥ 30 and (Stage is Won or Done is checked)" and shows exactly those rows, to both people', async () => {
    const { page } = mei;
    const { Name, Score, Stage, Done } = session.team.field;
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    const panel = page.getByRole('dialog', { name: 'Filters' });
    await panel.locator('.filter-editor > .filter-group > .actions .add-condition').click();
    const first = panel.locator('.condition-row').first();
    await first.getByLabel('Field').selectOption(Score);
    await first.getByLabel('Operator').selectOption('>=');
    await first.getByLabel('Value').fill('30');
    await expect.poll(() => shownNames(page, Name), POLL).toEqual(['Customer 3', 'Customer 4', 'Customer 5', 'Customer 6', 'Customer 7']);

    await panel.locator('.filter-editor > .filter-group > .actions .add-group').click();
    const group = panel.locator('.filter-group.nested');
    const won = group.locator('.condition-row').first();
    await won.getByLabel('Field').selectOption(Stage);
    await won.getByLabel('Operator').selectOption('is');
    await won.getByLabel('Value').selectOption('Won');
    await group.locator('.add-condition').click();
    const done = group.locator('.condition-row').nth(1);
    await done.getByLabel('Field').selectOption(Done);
    expect(await done.getByLabel('Value').inputValue()).toBe('true');
    // The nested group starts as "or", the other conjunction than its parent's.
    expect(await group.getByLabel('Combine conditions with').inputValue()).toBe('or');

    const expected = ['Customer 5', 'Customer 6', 'Customer 7'];
    await expect.poll(() => shownNames(page, Name), POLL).toEqual(expected);
    await expect.poll(() => shownNames(wang.page, Name), POLL).toEqual(expected);
    const saved = (await views(session.team))[0]!;
    expect(saved.filter).toEqual({ conjunction: 'and', conditions: [
      { field: Score, operator: '>=', value: 30 },
      { conjunction: 'or', conditions: [{ field: Stage, operator: 'is', value: 'Won' }, { field: Done, operator: 'is', value: true }] },
    ] });
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Filtered by 3 conditions' }).waitFor();
    await wang.page.getByRole('button', { name: 'Filtered by 3 conditions' }).waitFor();

    // Switching the group to "and" narrows it to rows both won and done: none.
    await page.getByRole('button', { name: 'Filtered by 3 conditions' }).click();
    await panel.locator('.filter-group.nested').getByLabel('Combine conditions with').selectOption('and');
    await expect.poll(() => shownNames(wang.page, Name), POLL).toEqual([]);
    await panel.locator('.filter-group.nested').getByLabel('Combine conditions with').selectOption('or');
    await expect.poll(() => shownNames(wang.page, Name), POLL).toEqual(expected);
    await page.keyboard.press('Escape');
  });

  it('adds a sort, seen live by the other person', async () => {
    const { page } = mei;
    const { Name, Score } = session.team.field;
    await page.getByRole('button', { name: 'Sort', exact: true }).click();
    const panel = page.getByRole('dialog', { name: 'Sort by' });
    await panel.getByRole('button', { name: '+ Add sort' }).click();
    await panel.getByLabel('Sort field').selectOption(Score);
    await panel.getByLabel('Direction').selectOption('desc');
    const expected = ['Customer 7', 'Customer 6', 'Customer 5'];
    await expect.poll(() => shownNames(page, Name), POLL).toEqual(expected);
    await expect.poll(() => shownNames(wang.page, Name), POLL).toEqual(expected);
    expect((await views(session.team))[0]!.sorts).toEqual([{ field: Score, direction: 'desc' }]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Sorted by 1 field' }).waitFor();
  });

  it('hides a field from the Fields panel and changes the row height', async () => {
    const { page } = mei;
    const { Stage, Name } = session.team.field;
    await page.getByRole('button', { name: 'Fields', exact: true }).click();
    await page.getByRole('dialog', { name: 'Fields' }).getByLabel('Show Stage').uncheck();
    await expect.poll(() => wang.page.locator(`.ag-header-cell[col-id="${Stage}"]`).count(), POLL).toBe(0);
    await page.getByRole('button', { name: '1 hidden field' }).waitFor();
    await page.getByRole('dialog', { name: 'Fields' }).getByRole('button', { name: 'Show all' }).click();
    await expect.poll(() => wang.page.locator(`.ag-header-cell[col-id="${Stage}"]`).count(), POLL).toBe(1);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: /^Row height/ }).click();
    await page.getByRole('menuitem', { name: 'Tall', exact: true }).click();
    const rowHeight = (p: Page) => p.locator('.ag-row[row-index="0"]').first().evaluate((row) => row.getBoundingClientRect().height);
    await expect.poll(() => rowHeight(page), POLL).toBe(88);
    await expect.poll(() => rowHeight(wang.page), POLL).toBe(88);
    const wraps = await cell(page, 0, Name).locator('.cell-text').evaluate((text) => getComputedStyle(text).whiteSpace);
    expect(wraps).toBe('normal');
  });

  it('creates, renames, duplicates and deletes views, and the other sidebar follows without a reload', async () => {
    const { page } = mei;
    const { Name } = session.team.field;
    const original = (await views(session.team))[0]!;

    await page.getByRole('button', { name: '+ New view' }).click();
    const create = page.getByRole('dialog', { name: 'Create a view' });
    await create.getByLabel('Name').fill('Follow-ups');
    await create.getByRole('button', { name: 'Create view' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('view'), POLL).not.toBe(original.id);
    await expect.poll(() => page.locator('.view-link.active .view-link-name').textContent(), POLL).toBe('Follow-ups');
    await expect.poll(() => shownNames(page, Name).then((names) => names.length), POLL).toBe(8);
    await expect.poll(() => sidebarNames(wang.page), POLL).toContain('Follow-ups');

    // Rename the first view: both sidebars show the new name.
    await page.getByRole('button', { name: `Actions for view ${original.name}` }).click();
    await page.getByRole('menuitem', { name: 'Rename' }).click();
    const rename = page.getByRole('dialog', { name: 'Rename view' });
    await rename.getByLabel('Name').fill('Hot deals');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await expect.poll(() => sidebarNames(wang.page), POLL).toEqual(['Hot deals', 'Follow-ups']);
    await expect.poll(() => sidebarNames(page), POLL).toEqual(['Hot deals', 'Follow-ups']);

    // Duplicate it: the copy opens with the same filter and sort.
    await page.getByRole('button', { name: 'Actions for view Hot deals' }).click();
    await page.getByRole('menuitem', { name: 'Duplicate' }).click();
    await expect.poll(() => page.locator('.view-link.active .view-link-name').textContent(), POLL).toBe('Hot deals copy');
    await expect.poll(() => shownNames(page, Name), POLL).toEqual(['Customer 7', 'Customer 6', 'Customer 5']);
    await expect.poll(() => sidebarNames(wang.page), POLL).toEqual(['Hot deals', 'Follow-ups', 'Hot deals copy']);

    // Delete the copy (it is open): confirm, and the page moves to a neighbour.
    await page.getByRole('button', { name: 'Actions for view Hot deals copy' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    await page.getByRole('dialog', { name: 'Delete view' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => sidebarNames(page), POLL).toEqual(['Hot deals', 'Follow-ups']);
    await expect.poll(() => page.locator('.view-link.active .view-link-name').textContent(), POLL).toBe('Follow-ups');
    await expect.poll(() => sidebarNames(wang.page), POLL).toEqual(['Hot deals', 'Follow-ups']);

    expect(await wang.page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
    expect(mei.errors).toEqual([]);
    expect(wang.errors).toEqual([]);
  });

  it('locks a view: its config refuses changes with a message until unlocked', async () => {
    const { page } = mei;
    await page.getByRole('link', { name: /Hot deals/ }).click();
    await page.getByRole('button', { name: 'Actions for view Hot deals' }).click();
    await page.getByRole('menuitem', { name: 'Lock view' }).click();
    await expect.poll(() => wang.page.locator('.view-sidebar li').first().locator('.view-lock').count(), POLL).toBe(1);
    await page.getByRole('button', { name: 'Filtered by 3 conditions' }).click();
    const panel = page.getByRole('dialog', { name: 'Filters' });
    await expect.poll(() => panel.getByRole('note').textContent(), POLL).toContain('This view is locked');
    expect(await panel.getByLabel('Field').first().isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Actions for view Hot deals' }).click();
    await page.getByRole('menuitem', { name: 'Unlock view' }).click();
    await expect.poll(() => page.locator('.view-sidebar li').first().locator('.view-lock').count(), POLL).toBe(0);
  });

  it("shows a viewer the filter read-only, with a personal copy to filter their own way", async () => {
    const li = await session.open(session.team.viewer);
    const { page } = li;
    await page.getByRole('button', { name: 'Filtered by 3 conditions' }).click();
    const panel = page.getByRole('dialog', { name: 'Filters' });
    await expect.poll(() => panel.getByRole('note').textContent(), POLL).toContain('Only editors');
    expect(await panel.getByLabel('Field').first().isDisabled()).toBe(true);
    await panel.getByRole('button', { name: 'Filter in a personal copy' }).click();
    await expect.poll(() => page.locator('.view-link.active .view-link-name').textContent(), POLL).toBe('Hot deals copy');
    await expect.poll(() => page.locator('.view-link.active .view-tag').textContent(), POLL).toBe('Personal');
    // The copy is theirs: the builder is open to them, and nobody else sees the view.
    await page.getByRole('button', { name: 'Filtered by 3 conditions' }).click();
    await expect.poll(() => page.getByRole('dialog', { name: 'Filters' }).getByLabel('Field').first().isEnabled(), POLL).toBe(true);
    expect((await views(session.team)).map((view) => view.name)).toEqual(['Hot deals', 'Follow-ups']);
    await page.context().close();
  });
});
