import { beforeAll, describe, expect, it } from 'vitest';
import type { TestPage } from '../support/browser.ts';
import {
  cell, cellText, chooseMenuItem, columnOrder, dbValue, focusCell, openHeaderMenu, POLL, savedView,
  typeIntoCell, useGridSession,
} from './grid-support.ts';

describe('the schema and the view, from the grid', () => {
  const session = useGridSession({ rows: 200 });
  let mei: TestPage;
  let remarks = '';
  beforeAll(async () => {
    mei = await session.open(session.team.owner);
  });

  it('creates a table from the "+" tab and opens it', async () => {
    const { page } = mei;
    await page.getByRole('button', { name: 'Add a table' }).click();
    const dialog = page.getByRole('dialog', { name: 'New table' });
    await dialog.getByLabel('Table name').fill('Leads 线索');
    await dialog.getByRole('button', { name: 'Create table' }).click();
    await page.waitForURL((url) => url.pathname.startsWith(`/bases/${session.team.baseId}/tables/`) && !url.pathname.endsWith(session.team.tableId));
    await expect.poll(() => page.locator('.table-tab[aria-current="page"]').textContent(), POLL).toBe('Leads 线索');
    await page.locator('.ag-header-cell .field-header-name', { hasText: 'Name' }).waitFor();
    await page.getByRole('link', { name: 'Customers' }).click();
    await cell(page, 0, session.team.field.Name).locator('.cell-frame').waitFor();
  });

  it('adds a field from a header menu, renames it, and converts its type after a preview of what converts', async () => {
    const { page } = mei;
    await openHeaderMenu(page, session.team.field.Score);
    await chooseMenuItem(page, 'Insert field right');
    const create = page.getByRole('dialog', { name: 'New field' });
    await create.getByLabel('Field name').fill('Notes');
    await create.getByRole('button', { name: 'Create field' }).click();
    await expect.poll(async () => (await columnOrder(page)).length, POLL).toBe(5);
    const order = await columnOrder(page);
    remarks = order[2]!;
    expect(order).toEqual([session.team.field.Name, session.team.field.Score, remarks, session.team.field.Stage, session.team.field.Done]);
    await expect.poll(() => page.locator(`.ag-header-cell[col-id="${remarks}"] .field-header-name`).textContent(), POLL).toBe('Notes');

    await openHeaderMenu(page, remarks);
    await chooseMenuItem(page, 'Rename');
    const rename = page.getByRole('dialog', { name: 'Rename field' });
    await rename.getByLabel('Field name').fill('Remarks 备注');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await expect.poll(() => page.locator(`.ag-header-cell[col-id="${remarks}"] .field-header-name`).textContent(), POLL).toBe('Remarks 备注');

    for (const [row, text] of [[0, '42'], [1, 'about 7']] as const) {
      await focusCell(page, row, remarks);
      await typeIntoCell(page, text);
      await page.keyboard.press('Enter');
      await expect.poll(() => dbValue(session.server, session.team.tableId, remarks, session.team.recordIds[row]!), POLL).toBe(text);
    }

    await openHeaderMenu(page, remarks);
    await chooseMenuItem(page, 'Edit field');
    const edit = page.getByRole('dialog', { name: 'Edit field' });
    await edit.locator('label.type-option', { hasText: /^Number$/ }).click();
    await edit.getByRole('button', { name: 'Save' }).click();
    const preview = page.getByRole('dialog', { name: 'Before you save: existing values' });
    await expect.poll(() => preview.locator('.conversion-counts').textContent(), POLL).toBe('1 value converts. 1 value cannot convert and will be emptied.');
    await preview.getByRole('button', { name: 'Convert and save' }).click();
    const result = page.getByRole('dialog', { name: 'Field saved' });
    await result.getByText('1 value could not convert', { exact: false }).waitFor();
    await result.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => dbValue(session.server, session.team.tableId, remarks, session.team.recordIds[0]!), POLL).toBe(42);
    expect(dbValue(session.server, session.team.tableId, remarks, session.team.recordIds[1]!)).toBe(null);
    await expect.poll(() => cellText(page, 0, remarks), POLL).toBe('42');
    await expect.poll(() => cellText(page, 1, remarks), POLL).toBe('');
  });

  it('hides and shows a field, freezes, moves and resizes columns — and the view keeps them after a reload', async () => {
    const { page } = mei;
    const { Name, Score, Stage, Done } = session.team.field;
    await openHeaderMenu(page, Stage);
    await chooseMenuItem(page, 'Hide field');
    await expect.poll(() => columnOrder(page), POLL).toEqual([Name, Score, remarks, Done]);
    await openHeaderMenu(page, Done);
    await chooseMenuItem(page, 'Move left');
    await expect.poll(() => columnOrder(page), POLL).toEqual([Name, Score, Done, remarks]);
    await openHeaderMenu(page, Score);
    await chooseMenuItem(page, 'Freeze up to this field');
    await expect.poll(() => page.locator(`.ag-header .ag-grid-pinned-left-cells .ag-header-cell[col-id="${Score}"]`).count(), POLL).toBe(1);
    // Resizing by the header's edge, as with a mouse.
    const handle = page.locator(`.ag-header-cell[col-id="${Name}"] .ag-header-cell-resize`);
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(async () => (await savedView(session.team)).fieldWidths?.[Name], POLL).toBe(280);

    await expect.poll(async () => {
      const view = await savedView(session.team);
      return [view.hiddenFields, view.frozenFieldCount, view.fieldOrder?.filter((id) => id !== Stage)];
    }, POLL).toEqual([[Stage], 2, [Name, Score, Done, remarks]]);

    await page.reload();
    await cell(page, 0, Name).locator('.cell-frame').waitFor();
    expect(await columnOrder(page)).toEqual([Name, Score, Done, remarks]);
    expect(await page.locator(`.ag-header .ag-grid-pinned-left-cells .ag-header-cell[col-id="${Score}"]`).count()).toBe(1);
    expect(Math.round((await page.locator(`.ag-header-cell[col-id="${Name}"]`).boundingBox())!.width)).toBe(280);

    await page.getByRole('button', { name: '1 hidden field' }).click();
    await page.getByRole('dialog', { name: 'Fields' }).getByLabel('Show Stage').check();
    await page.keyboard.press('Escape');
    // A hidden field keeps its slot among the others while hidden.
    await expect.poll(() => columnOrder(page), POLL).toEqual([Name, Score, Done, Stage, remarks]);
    await expect.poll(async () => (await savedView(session.team)).hiddenFields, POLL).toEqual([]);

    // Dragging a header moves the column and saves the order the same way.
    const from = (await page.locator(`.ag-header-cell[col-id="${remarks}"]`).boundingBox())!;
    const to = (await page.locator(`.ag-header-cell[col-id="${Done}"]`).boundingBox())!;
    await page.mouse.move(from.x + 30, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + 5, to.y + to.height / 2, { steps: 12 });
    await page.mouse.up();
    await expect.poll(() => columnOrder(page), POLL).toEqual([Name, Score, remarks, Done, Stage]);
    await expect.poll(async () => (await savedView(session.team)).fieldOrder, POLL).toEqual([Name, Score, remarks, Done, Stage]);
    expect(mei.errors).toEqual([]);
  });

  it("sorts the view from a header, and a viewer's own sort stays on their screen", async () => {
    const { page } = mei;
    const { Name, Score } = session.team.field;
    await openHeaderMenu(page, Score);
    await chooseMenuItem(page, 'Sort descending');
    await expect.poll(() => cellText(page, 0, Name), POLL).toBe('Customer 199');
    expect((await savedView(session.team)).sorts).toEqual([{ field: Score, direction: 'desc' }]);

    const li = await session.open(session.team.viewer);
    expect(await cellText(li.page, 0, Name)).toBe('Customer 199');
    await openHeaderMenu(li.page, Score);
    await chooseMenuItem(li.page, 'Sort ascending');
    await expect.poll(() => cellText(li.page, 0, Name), POLL).toBe('Customer 0');
    expect((await savedView(session.team)).sorts).toEqual([{ field: Score, direction: 'desc' }]);
    // The arrow in the header takes the sort away again (the view's, for the owner).
    await page.locator(`.ag-header-cell[col-id="${Score}"] .field-header-sort`).click();
    await expect.poll(async () => (await savedView(session.team)).sorts, POLL).toEqual([]);
    await expect.poll(() => cellText(page, 0, Name), POLL).toBe('Customer 0');
    await li.page.context().close();
  });

  it("shows another person's schema change in place, keeping where they scrolled", async () => {
    const wang = await session.open(session.team.editor);
    const { Name, Score } = session.team.field;
    const viewport = wang.page.locator('.ag-grid-viewport');
    await viewport.evaluate((element) => { element.scrollTop = 3000; });
    await wang.page.locator('.ag-row[row-index="100"] .cell-frame').first().waitFor();
    const before = await viewport.evaluate((element) => element.scrollTop);
    await openHeaderMenu(mei.page, Score);
    await chooseMenuItem(mei.page, 'Rename');
    const rename = mei.page.getByRole('dialog', { name: 'Rename field' });
    await rename.getByLabel('Field name').fill('Deal size');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await expect.poll(() => wang.page.locator(`.ag-header-cell[col-id="${Score}"] .field-header-name`).textContent(), POLL).toBe('Deal size');
    expect(await viewport.evaluate((element) => element.scrollTop)).toBe(before);
    expect(await wang.page.locator(`.ag-row[row-index="100"] .ag-cell[col-id="${Name}"]`).count()).toBe(1);
    expect(wang.errors).toEqual([]);
    await wang.page.context().close();
  });

  it('deletes a field after asking, for owners only', async () => {
    const { page } = mei;
    await openHeaderMenu(page, remarks);
    await chooseMenuItem(page, 'Delete field');
    const confirm = page.getByRole('dialog', { name: 'Delete "Remarks 备注"?' });
    await confirm.getByRole('button', { name: 'Delete field' }).click();
    await expect.poll(async () => (await columnOrder(page)).includes(remarks), POLL).toBe(false);
    expect(session.server.ctx.db.sqlite.prepare('SELECT count(*) AS n FROM fields WHERE id = ?').get(remarks)).toEqual({ n: 0 });
    // An editor sees the entry, disabled with the reason.
    const wang = await session.open(session.team.editor);
    await openHeaderMenu(wang.page, session.team.field.Done);
    const entry = wang.page.getByRole('menuitem', { name: /Delete field/ });
    expect(await entry.getAttribute('aria-disabled')).toBe('true');
    expect(await entry.textContent()).toContain('Only base owners can change fields.');
    await wang.page.context().close();
    expect(mei.errors).toEqual([]);
  });
});
