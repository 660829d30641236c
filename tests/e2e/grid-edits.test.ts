import { beforeAll, describe, expect, it } from 'vitest';
import type { TestPage } from '../support/browser.ts';
import { cell, cellText, dbValue, focusCell, POLL, useGridSession } from './grid-support.ts';

describe('editing the grid: input methods, undoing deletions, sorted views', () => {
  const session = useGridSession();
  let mei: TestPage;
  beforeAll(async () => {
    mei = await session.open(session.team.owner, 'zh-CN');
  });

  const mod = process.platform === 'darwin' ? 'Meta' : 'Control';
  const count = () => (session.server.ctx.db.sqlite.prepare(`SELECT count(*) AS n FROM t_${session.team.tableId}`).get() as { n: number }).n;

  it('starts editing a focused cell with what a pinyin IME composed, and keeps composing in the editor', async () => {
    const { page } = mei;
    const { Name } = session.team.field;
    await focusCell(page, 0, Name);
    const cdp = await page.context().newCDPSession(page);
    // What an IME sends: a 229 key (which must not move or open anything), then the composition.
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key: 'Process', code: 'KeyN', windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
    await cdp.send('Input.imeSetComposition', { text: 'n', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.imeSetComposition', { text: 'ni h', selectionStart: 4, selectionEnd: 4 });
    // While composing the word shows over the cell, which is not editing yet.
    expect(await page.locator('.ime-catcher.composing').inputValue()).toBe('ni h');
    await cdp.send('Input.insertText', { text: '你好' });
    const editor = cell(page, 0, Name).locator('.cell-input');
    await expect.poll(() => editor.inputValue(), POLL).toBe('你好');
    await cdp.send('Input.imeSetComposition', { text: 'shi j', selectionStart: 5, selectionEnd: 5 });
    await cdp.send('Input.insertText', { text: '世界' });
    await expect.poll(() => editor.inputValue(), POLL).toBe('你好世界');
    await page.keyboard.press('Enter');
    await expect.poll(() => dbValue(session.server, session.team.tableId, Name, session.team.recordIds[0]!), POLL).toBe('你好世界');
    await expect.poll(() => cellText(page, 0, Name), POLL).toBe('你好世界');
    // Text inserted without any key (an emoji picker, dictation) starts editing the same way.
    await focusCell(page, 1, Name);
    await page.keyboard.insertText('杭州');
    await expect.poll(() => cell(page, 1, Name).locator('.cell-input').inputValue(), POLL).toBe('杭州');
    await page.keyboard.press('Escape');
    await expect.poll(() => cellText(page, 1, Name), POLL).toBe('Customer 1');
    await cdp.detach();
  });

  it('undoes a deletion of rows by bringing them back with their values, and redoes it', async () => {
    const { page } = mei;
    const { Name, Score, Stage } = session.team.field;
    for (const row of [6, 7]) {
      await page.locator(`.ag-row[row-index="${row}"] .row-number`).hover();
      await page.getByRole('checkbox', { name: `选择第 ${row + 1} 行` }).check();
    }
    await page.getByRole('button', { name: '删除 2 条记录' }).click();
    await page.getByRole('button', { name: '删除', exact: true }).click();
    await expect.poll(count, POLL).toBe(6);
    await focusCell(page, 0, Name);
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(count, POLL).toBe(8);
    const rows = session.server.ctx.db.sqlite.prepare(`SELECT f_${Name} AS name, f_${Score} AS score, f_${Stage} AS stage FROM t_${session.team.tableId} ORDER BY id DESC LIMIT 2`).all();
    expect(rows).toEqual([{ name: 'Customer 7', score: 70, stage: 'Lead' }, { name: 'Customer 6', score: 60, stage: 'Lead' }]);
    await expect.poll(() => cellText(page, 7, Name), POLL).toBe('Customer 7');
    await page.keyboard.press(`${mod}+Shift+z`);
    await expect.poll(count, POLL).toBe(6);
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(count, POLL).toBe(8);
    expect(mei.errors).toEqual([]);
  });

  it("moves a row at once when a collaborator's edit changes where it sorts", async () => {
    const { page } = mei;
    const { Name, Score } = session.team.field;
    const views = await session.team.owner.client.get(`/tables/${session.team.tableId}/views`);
    const viewId = views.body.views[0].id;
    const sorted = await session.team.owner.client.patch(`/tables/${session.team.tableId}/views/${viewId}`, { sorts: [{ field: Score, direction: 'desc' }] });
    expect(sorted.status, JSON.stringify(sorted.body)).toBe(200);
    await expect.poll(() => cellText(page, 0, Name), POLL).toBe('Customer 7');
    const mover = session.team.recordIds[3]!;
    await page.evaluate(() => performance.clearMarks('tessera:patch'));
    const moved = page.waitForFunction(([field]) => {
      const text = document.querySelector(`.ag-row[row-index="0"] .ag-cell[col-id="${field}"]`)?.textContent?.trim();
      const mark = performance.getEntriesByName('tessera:patch').at(-1);
      return text === 'Customer 3' && mark ? performance.now() - mark.startTime : 0;
    }, [Name] as const, { polling: 'raf', timeout: 5000 });
    const res = await session.team.editor.client.patch(`/tables/${session.team.tableId}/records/${mover}`, { fields: { [Score]: 1000 } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const ms = (await (await moved).jsonValue()) as number;
    // Moved among the loaded rows without waiting for the server (a refresh would take a round trip).
    expect(ms).toBeLessThan(250);
    expect(await cellText(page, 1, Name)).toBe('Customer 7');
    expect(await cellText(page, 4, Name)).toBe('Customer 4');
    // The session.server's blocks, reloaded afterwards, agree.
    await page.waitForTimeout(600);
    expect(await cellText(page, 0, Name)).toBe('Customer 3');
    expect(await cellText(page, 0, Score)).toBe('1,000');
    expect(mei.errors).toEqual([]);
  });
});
