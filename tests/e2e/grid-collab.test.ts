import { beforeAll, describe, expect, it } from 'vitest';
import type { TestPage } from '../support/browser.ts';
import { cell, cellText, dbValue, focusCell, POLL, typeIntoCell, useGridSession } from './grid-support.ts';

describe('the grid, live between two people', () => {
  const session = useGridSession();
  let mei: TestPage;
  let wang: TestPage;
  beforeAll(async () => {
    mei = await session.open(session.team.owner);
    wang = await session.open(session.team.editor);
  });

  it("shows one person's edit to the other within a second", async () => {
    const { Name } = session.team.field;
    await focusCell(mei.page, 0, Name);
    await typeIntoCell(mei.page, 'Hangzhou Trading');
    const sent = Date.now();
    await mei.page.keyboard.press('Enter');
    await expect.poll(() => cellText(wang.page, 0, Name), { timeout: 1000, interval: 20 }).toBe('Hangzhou Trading');
    expect(Date.now() - sent).toBeLessThan(1000);
    await expect.poll(() => dbValue(session.server, session.team.tableId, Name, session.team.recordIds[0]!), POLL).toBe('Hangzhou Trading');
  });

  it('keeps both of two edits made at once to different cells of one record', async () => {
    const { Name, Score } = session.team.field;
    await Promise.all([focusCell(mei.page, 1, Name), focusCell(wang.page, 1, Score)]);
    await Promise.all([typeIntoCell(mei.page, 'Suzhou Metals'), typeIntoCell(wang.page, '777')]);
    await Promise.all([mei.page.keyboard.press('Enter'), wang.page.keyboard.press('Enter')]);
    for (const page of [mei.page, wang.page]) {
      await expect.poll(() => cellText(page, 1, Name), POLL).toBe('Suzhou Metals');
      await expect.poll(() => cellText(page, 1, Score), POLL).toBe('777');
    }
    expect(dbValue(session.server, session.team.tableId, Name, session.team.recordIds[1]!)).toBe('Suzhou Metals');
    expect(dbValue(session.server, session.team.tableId, Score, session.team.recordIds[1]!)).toBe(777);
  });

  it('converges two edits of the same cell to one value, everywhere', async () => {
    const { Name } = session.team.field;
    await Promise.all([focusCell(mei.page, 2, Name), focusCell(wang.page, 2, Name)]);
    await Promise.all([typeIntoCell(mei.page, 'Alpha Ltd'), typeIntoCell(wang.page, 'Beta Ltd')]);
    await Promise.all([mei.page.keyboard.press('Enter'), wang.page.keyboard.press('Enter')]);
    let settled = '';
    await expect.poll(async () => {
      const [a, b] = [await cellText(mei.page, 2, Name), await cellText(wang.page, 2, Name)];
      settled = a;
      return a === b && (a === 'Alpha Ltd' || a === 'Beta Ltd') && dbValue(session.server, session.team.tableId, Name, session.team.recordIds[2]!) === a;
    }, POLL).toBe(true);
    expect(['Alpha Ltd', 'Beta Ltd']).toContain(settled);
  });

  it("outlines the cell another person has selected, with their name", async () => {
    const { Score } = session.team.field;
    await focusCell(mei.page, 3, Score);
    const outline = cell(wang.page, 3, Score).locator('.presence-name');
    await expect.poll(() => outline.textContent(), POLL).toBe('Mei Lin');
    await expect.poll(() => wang.page.locator('.presence-avatar[data-name="Mei Lin"]').count(), POLL).toBe(1);
    await focusCell(mei.page, 4, Score);
    await expect.poll(() => cell(wang.page, 3, Score).locator('.presence-outline').count(), POLL).toBe(0);
    await expect.poll(() => cell(wang.page, 4, Score).locator('.presence-name').textContent(), POLL).toBe('Mei Lin');
  });

  it('keeps everything after a reload', async () => {
    const { Name, Score } = session.team.field;
    await wang.page.reload();
    await cell(wang.page, 0, Name).locator('.cell-frame').waitFor();
    expect(await cellText(wang.page, 0, Name)).toBe('Hangzhou Trading');
    expect(await cellText(wang.page, 1, Name)).toBe('Suzhou Metals');
    expect(await cellText(wang.page, 1, Score)).toBe('777');
    expect(mei.errors).toEqual([]);
    expect(wang.errors).toEqual([]);
  });

  it("refuses a viewer's edit, in the page and on the server", async () => {
    const { Name } = session.team.field;
    const li = await session.open(session.team.viewer);
    const before = dbValue(session.server, session.team.tableId, Name, session.team.recordIds[5]!);
    await focusCell(li.page, 5, Name);
    await li.page.keyboard.type('Hacked');
    await li.page.keyboard.press('Enter');
    await cell(li.page, 5, Name).dblclick();
    expect(await li.page.locator('.cell-input').count()).toBe(0);
    expect(await li.page.getByRole('button', { name: 'Add record' }).count()).toBe(0);
    // And straight at the server with the viewer's own session: refused.
    const status = await li.page.evaluate(async ([tableId, id, fieldId]) => {
      const res = await fetch(`/api/v1/tables/${tableId}/rows/batch`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ updates: [{ id, values: { [fieldId!]: 'Hacked' } }] }),
      });
      return res.status;
    }, [session.team.tableId, session.team.recordIds[5], Name]);
    expect(status).toBe(403);
    expect(dbValue(session.server, session.team.tableId, Name, session.team.recordIds[5]!)).toBe(before);
    expect(await cellText(li.page, 5, Name)).toBe(String(before));
    await li.page.context().close();
  });
});
