import { beforeAll, describe, expect, it } from 'vitest';
import type { TestPage } from '../support/browser.ts';
import { cell, cellText, dbValue, focusCell, POLL, typeIntoCell, useGridSession } from './grid-support.ts';

describe('the grid, by keyboard like a spreadsheet', () => {
  const session = useGridSession();
  let mei: TestPage;
  beforeAll(async () => {
    mei = await session.open(session.team.owner);
  });

  const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

  it('edits by typing (the key replaces the value), commits with Enter and moves down', async () => {
    const { page } = mei;
    const { Name } = session.team.field;
    await focusCell(page, 0, Name);
    await typeIntoCell(page, 'Ningbo Ports');
    await page.keyboard.press('Enter');
    await expect.poll(() => cellText(page, 0, Name), POLL).toBe('Ningbo Ports');
    await expect.poll(() => dbValue(session.server, session.team.tableId, Name, session.team.recordIds[0]!), POLL).toBe('Ningbo Ports');
    // Excel-style: Enter after an edit goes to the cell below; F2 edits it keeping its text.
    await page.keyboard.press('F2');
    await page.keyboard.type(' Co.');
    await page.keyboard.press('Enter');
    await expect.poll(() => dbValue(session.server, session.team.tableId, Name, session.team.recordIds[1]!), POLL).toBe('Customer 1 Co.');
  });

  it('cancels with Esc, and keeps a value the field cannot take out, with the reason', async () => {
    const { page } = mei;
    const { Name, Score } = session.team.field;
    await focusCell(page, 2, Name);
    await typeIntoCell(page, 'Never saved');
    await page.keyboard.press('Escape');
    await expect.poll(() => cellText(page, 2, Name), POLL).toBe('Customer 2');
    await focusCell(page, 2, Score);
    await typeIntoCell(page, 'lots');
    await page.keyboard.press('Enter');
    await page.locator('.editor-error').waitFor();
    expect(await page.locator('.editor-error').textContent()).toMatch(/Not saved/);
    await page.keyboard.press('Escape');
    await expect.poll(() => cellText(page, 2, Score), POLL).toBe('20');
    expect(dbValue(session.server, session.team.tableId, Score, session.team.recordIds[2]!)).toBe(20);
  });

  it('selects a range with Shift+click and Shift+arrows, clears it with Delete, and undoes and redoes that', async () => {
    const { page } = mei;
    const { Name, Score } = session.team.field;
    await focusCell(page, 3, Name);
    await cell(page, 4, Score).click({ modifiers: ['Shift'], position: { x: 4, y: 4 } });
    await page.keyboard.press('Shift+ArrowDown');
    expect(await page.locator('.cell-frame.in-range').count()).toBe(6);
    await page.keyboard.press('Delete');
    for (const row of [3, 4, 5]) {
      await expect.poll(() => cellText(page, row, Name), POLL).toBe('');
      await expect.poll(() => dbValue(session.server, session.team.tableId, Score, session.team.recordIds[row]!), POLL).toBe(null);
    }
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => dbValue(session.server, session.team.tableId, Name, session.team.recordIds[4]!), POLL).toBe('Customer 4');
    expect(await cellText(page, 5, Score)).toBe('50');
    await page.keyboard.press(`${mod}+Shift+z`);
    await expect.poll(() => dbValue(session.server, session.team.tableId, Name, session.team.recordIds[4]!), POLL).toBe(null);
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => dbValue(session.server, session.team.tableId, Name, session.team.recordIds[4]!), POLL).toBe('Customer 4');
    // A single-cell edit undoes through its record doc, and Ctrl+Y redoes it.
    await focusCell(page, 6, Score);
    await typeIntoCell(page, '6.5');
    await page.keyboard.press('Enter');
    await expect.poll(() => dbValue(session.server, session.team.tableId, Score, session.team.recordIds[6]!), POLL).toBe(6.5);
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => dbValue(session.server, session.team.tableId, Score, session.team.recordIds[6]!), POLL).toBe(60);
    await page.keyboard.press(`${mod}+y`);
    await expect.poll(() => dbValue(session.server, session.team.tableId, Score, session.team.recordIds[6]!), POLL).toBe(6.5);
  });

  it('copies a range as TSV and as an HTML table', async () => {
    const { page } = mei;
    const { Name, Stage } = session.team.field;
    await page.evaluate(() => {
      // Read what the grid put on the clipboard as the copy event passes by.
      window.addEventListener('copy', (event) => {
        (window as unknown as { copied: unknown }).copied = { text: event.clipboardData?.getData('text/plain'), html: event.clipboardData?.getData('text/html') };
      });
    });
    await focusCell(page, 0, Name);
    await cell(page, 1, Stage).click({ modifiers: ['Shift'], position: { x: 4, y: 4 } });
    await page.keyboard.press(`${mod}+c`);
    const copied = await page.waitForFunction(() => (window as unknown as { copied?: { text: string; html: string } }).copied, undefined, { timeout: 5000 });
    const { text, html } = (await copied.jsonValue()) as { text: string; html: string };
    expect(text).toBe('Ningbo Ports\t0\tLead\r\nCustomer 1 Co.\t10\tLead\r\n');
    expect(html).toContain('<tr><td>Ningbo Ports</td><td>0</td><td>Lead</td></tr>');
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    expect(clipboard.replace(/\r\n/g, '\n')).toBe('Ningbo Ports\t0\tLead\nCustomer 1 Co.\t10\tLead\n');
  });

  it('toggles a checkbox with Space and picks a choice from the list', async () => {
    const { page } = mei;
    const { Done, Stage } = session.team.field;
    await focusCell(page, 7, Stage);
    await page.keyboard.press('Enter');
    await page.getByRole('option', { name: 'Won' }).click();
    await expect.poll(() => dbValue(session.server, session.team.tableId, Stage, session.team.recordIds[7]!), POLL).toBe('Won');
    await focusCell(page, 7, Done);
    await page.keyboard.press(' ');
    await expect.poll(() => dbValue(session.server, session.team.tableId, Done, session.team.recordIds[7]!), POLL).toBe(1);
    expect(await cell(page, 7, Done).getByRole('checkbox').getAttribute('aria-checked')).toBe('true');
  });

  it('adds a record at the bottom, ready for typing, and deletes ticked rows in one batch', async () => {
    const { page } = mei;
    const { Name } = session.team.field;
    const count = () => (session.server.ctx.db.sqlite.prepare(`SELECT count(*) AS n FROM t_${session.team.tableId}`).get() as { n: number }).n;
    await page.getByRole('button', { name: 'Add record' }).click();
    await expect.poll(count, POLL).toBe(9);
    await expect.poll(() => page.locator('.ag-row[row-index="8"] .ag-cell-focus').count(), POLL).toBe(1);
    await typeIntoCell(page, 'Fresh lead');
    await page.keyboard.press('Enter');
    await expect.poll(() => cellText(page, 8, Name), POLL).toBe('Fresh lead');
    for (const row of [7, 8]) {
      await page.locator(`.ag-row[row-index="${row}"] .row-number`).hover();
      await page.getByRole('checkbox', { name: `Select row ${row + 1}` }).check();
    }
    await page.getByRole('button', { name: 'Delete 2 records' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(count, POLL).toBe(7);
    await expect.poll(() => page.locator('.ag-row[row-index="7"]').count(), POLL).toBe(0);
    expect(mei.errors).toEqual([]);
  });
});
