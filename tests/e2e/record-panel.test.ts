import { beforeAll, describe, expect, it } from 'vitest';
import type { TestPage } from '../support/browser.ts';
import { cell, cellText, dbValue, focusCell, POLL, useGridSession } from './grid-support.ts';

describe('the record panel', () => {
  const session = useGridSession();
  let notes: string;
  let mei: TestPage;
  let wang: TestPage;
  beforeAll(async () => {
    const field = await session.team.owner.client.post(`/tables/${session.team.tableId}/fields`, { name: 'Notes', type: 'longText' });
    expect(field.status, JSON.stringify(field.body)).toBe(201);
    notes = field.body.id;
    mei = await session.open(session.team.owner);
    wang = await session.open(session.team.editor);
  });

  const panel = (page: TestPage['page']) => page.locator('aside.record-panel');

  it('expands a record from its row, edits it there through the record doc, and shows its history', async () => {
    const { page } = mei;
    const { Score } = session.team.field;
    await page.locator('.ag-row[row-index="0"] .row-number').hover();
    await page.getByRole('button', { name: 'Expand record 1' }).click();
    await expect.poll(() => panel(page).locator('h2').textContent(), POLL).toBe('Customer 0');
    const score = panel(page).getByLabel('Score');
    await expect.poll(() => score.isEditable(), POLL).toBe(true);
    await score.fill('123');
    await score.press('Enter');
    await expect.poll(() => dbValue(session.server, session.team.tableId, Score, session.team.recordIds[0]!), POLL).toBe(123);
    // The grid's row follows, and so does the other person's grid.
    await expect.poll(() => cellText(page, 0, Score), POLL).toBe('123');
    await expect.poll(() => cellText(wang.page, 0, Score), POLL).toBe('123');

    await panel(page).getByRole('tab', { name: 'History' }).click();
    await expect.poll(() => panel(page).locator('.history-line').first().textContent(), { timeout: 8000, interval: 50 }).toBe('Mei Lin changed Score from 0 to 123');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).count(), POLL).toBe(0);

    // From the keyboard: Shift+Enter on a focused cell.
    await focusCell(page, 2, session.team.field.Name);
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => panel(page).locator('h2').textContent(), POLL).toBe('Customer 2');
    await panel(page).getByRole('button', { name: 'Close the record' }).click();
    await expect.poll(() => panel(page).count(), POLL).toBe(0);
  });

  it('lets two people type in the same long text at once, keeping both, and shows who is here', async () => {
    await mei.page.locator('.ag-row[row-index="3"] .row-number').hover();
    await mei.page.getByRole('button', { name: 'Expand record 4' }).click();
    await focusCell(wang.page, 3, session.team.field.Name);
    await wang.page.keyboard.press('Shift+Enter');
    const areas = [mei.page, wang.page].map((page) => panel(page).getByLabel('Notes'));
    for (const area of areas) await expect.poll(() => area.isEditable(), POLL).toBe(true);

    await areas[0]!.click();
    await mei.page.keyboard.type('Call back Monday. ');
    await expect.poll(() => areas[1]!.inputValue(), POLL).toBe('Call back Monday. ');
    // Both at once: Mei adds at the end, Wang at the start.
    await areas[1]!.click();
    await wang.page.keyboard.press('Control+Home');
    await Promise.all([
      mei.page.keyboard.type('Wants a quote.', { delay: 15 }),
      wang.page.keyboard.type('王芳：客户很重要。', { delay: 15 }),
    ]);
    const expected = '王芳：客户很重要。Call back Monday. Wants a quote.';
    for (const area of areas) await expect.poll(() => area.inputValue(), POLL).toBe(expected);
    await expect.poll(() => dbValue(session.server, session.team.tableId, notes, session.team.recordIds[3]!), POLL).toBe(expected);
    // The grid shows the note too.
    await expect.poll(() => cellText(mei.page, 3, notes), POLL).toBe(expected);

    await expect.poll(() => mei.page.locator('.presence-avatar[data-name="Wang Fang"]').count(), POLL).toBe(1);
    await expect.poll(() => wang.page.locator('.presence-avatar[data-name="Mei Lin"]').count(), POLL).toBe(1);
    expect(mei.errors).toEqual([]);
    expect(wang.errors).toEqual([]);
  });

  it('opens a record that the grid holds open for editing without a second doc', async () => {
    const { page } = mei;
    const { Name } = session.team.field;
    await panel(page).getByRole('button', { name: 'Close the record' }).click();
    // Focus and edit a cell (the grid opens the record's doc), then expand the same record.
    await focusCell(page, 5, Name);
    await page.keyboard.type('Xiamen Foods');
    await page.keyboard.press('Enter');
    await expect.poll(() => dbValue(session.server, session.team.tableId, Name, session.team.recordIds[5]!), POLL).toBe('Xiamen Foods');
    await focusCell(page, 5, Name);
    await page.keyboard.press('Shift+Enter');
    const name = panel(page).getByLabel('Name');
    await expect.poll(() => name.inputValue(), POLL).toBe('Xiamen Foods');
    await expect.poll(() => name.isEditable(), POLL).toBe(true);
    await name.fill('Xiamen Foods Ltd');
    await name.press('Enter');
    await expect.poll(() => dbValue(session.server, session.team.tableId, Name, session.team.recordIds[5]!), POLL).toBe('Xiamen Foods Ltd');
    await expect.poll(() => cellText(page, 5, Name), POLL).toBe('Xiamen Foods Ltd');
    expect(await cell(page, 5, Name).count()).toBe(1);
    expect(mei.errors).toEqual([]);
  });

  it('shows a viewer the record without letting them edit it', async () => {
    const li = await session.open(session.team.viewer);
    await focusCell(li.page, 1, session.team.field.Name);
    await li.page.keyboard.press('Shift+Enter');
    await expect.poll(() => panel(li.page).locator('h2').textContent(), POLL).toBe('Customer 1');
    await panel(li.page).getByText('You can view this record but not edit it.').waitFor();
    expect(await panel(li.page).getByLabel('Score').textContent()).toBe('10');
    expect(await panel(li.page).locator('input:not([disabled]), textarea:not([readonly])').count()).toBe(0);
    expect(li.errors).toEqual([]);
    await li.page.context().close();
  });
});
