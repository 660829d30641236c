import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestPage } from '../support/browser.ts';
import { startTestServer } from '../support/test-server.ts';
import { cell, openGrid, POLL, requireUiBuild, seedGridTeam, type GridTeam } from './grid-support.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const FIXTURES = fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));
/** Big enough that a poll sees the bar between 0 and 100 and a reload lands mid-import. */
const BIG_ROWS = 200_000;

describe('the import wizard and export, in the browser', () => {
  let server: Server;
  let browser: Browser;
  let team: GridTeam;
  let mei: TestPage;
  let tmp: string;
  let bigCsv: string;

  beforeAll(async () => {
    requireUiBuild();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-import-e2e-'));
    bigCsv = path.join(tmp, 'customers-big.csv');
    execFileSync(process.execPath, [path.join(FIXTURES, 'gen-customers-csv.mjs'), String(BIG_ROWS), '7', bigCsv], { timeout: 60_000 });
    server = await startTestServer({}, { ui: 'build' });
    browser = await launchBrowser();
    team = await seedGridTeam(server, 8);
    mei = await openGrid(browser, server, team, team.owner);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const tablesOfBase = async () => (await team.owner.client.get(`/bases/${team.baseId}/tables`)).body.tables as Array<{ id: string; name: string; fields: Array<{ name: string; type: string }> }>;
  const rowCount = (tableId: string) => (server.ctx.db.sqlite.prepare(`SELECT count(*) AS n FROM t_${tableId}`).get() as { n: number }).n;

  /** "+" tab → New table → Import a file → the wizard with `file` previewed. */
  async function openWizardWith(page: Page, file: string) {
    await page.getByRole('button', { name: 'Add a table' }).click();
    await page.getByRole('dialog', { name: 'New table' }).getByRole('button', { name: 'Import a file' }).click();
    await page.getByRole('dialog', { name: 'Import a file' }).waitFor();
    // The title follows the stage (Importing…, Import): the one open dialog is the wizard.
    const wizard = page.getByRole('dialog');
    await wizard.getByLabel('File to import').setInputFiles(file);
    await wizard.getByRole('table', { name: /^Columns of / }).waitFor({ timeout: 30_000 });
    return wizard;
  }

  /** aria-valuenow of the progress bar right now, without waiting for it. */
  const barValue = (page: Page) => page.evaluate(() => document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? null);

  it('imports the GBK customers CSV into a new table with a renamed, a retyped and a skipped column', async () => {
    const { page } = mei;
    const wizard = await openWizardWith(page, path.join(FIXTURES, 'customers-gbk.csv'));
    await expect.poll(() => wizard.locator('.import-facts').textContent(), POLL).toContain('GBK');
    // Each column's inferred type with what it inferred beyond it (a select's choices, a currency's symbol).
    expect(await wizard.getByLabel('Type of column 所属行业').inputValue()).toBe('singleSelect');
    expect(await wizard.locator('tr', { has: page.getByLabel('Type of column 所属行业') }).textContent()).toMatch(/\d+ choices/);
    expect(await wizard.getByLabel('Type of column 预估金额').inputValue()).toBe('currency');
    expect(await wizard.locator('tr', { has: page.getByLabel('Type of column 预估金额') }).textContent()).toContain('symbol ¥');
    await wizard.getByLabel('New table name').fill('客户 GBK');
    await wizard.getByLabel('Field name for column 客户名称').fill('公司名称');
    await wizard.getByLabel('Import column 官方网站').uncheck();
    await wizard.getByLabel('Type of column 城市').selectOption('singleLineText');
    // The first rows show the chosen name and leave the skipped column out.
    await expect.poll(() => wizard.locator('.import-rows thead').textContent(), POLL).toContain('公司名称');
    expect(await wizard.locator('.import-rows thead').textContent()).not.toContain('官方网站');
    await wizard.getByRole('button', { name: 'Start import' }).click();

    await wizard.getByText('Import finished').waitFor({ timeout: 30_000 });
    await expect.poll(() => wizard.getByText('500 records created').count(), POLL).toBe(1);
    // The page has moved to the new table under the summary.
    const table = (await tablesOfBase()).find((entry) => entry.name === '客户 GBK')!;
    expect(table).toBeDefined();
    await page.waitForURL(`**/tables/${table.id}`);
    const types = Object.fromEntries(table.fields.map((field) => [field.name, field.type]));
    expect(types['公司名称']).toBe('singleLineText');
    expect(types['城市']).toBe('singleLineText');
    expect(types).not.toHaveProperty('官方网站');
    expect(types).not.toHaveProperty('客户名称');
    expect(rowCount(table.id)).toBe(500);
    const first = await team.owner.client.get(`/tables/${table.id}/records?pageSize=1`);
    expect(first.body.records[0].fields).toMatchObject({ 公司名称: '杭州领航德网络科技有限公司', 城市: '杭州', 统一社会信用代码: '91330100130814539F' });

    await wizard.getByRole('button', { name: 'Close' }).last().click();
    await page.locator('.ag-header-cell .field-header-name', { hasText: '公司名称' }).waitFor();
    await page.locator('.ag-row[row-index="0"] .cell-frame', { hasText: '杭州领航德网络科技有限公司' }).waitFor();
  });

  it(`shows a big import's progress, again after a reload, then its summary and rows (${BIG_ROWS.toLocaleString('en')} rows)`, async () => {
    const { page } = mei;
    const before = new Set((await tablesOfBase()).map((table) => table.id));
    const wizard = await openWizardWith(page, bigCsv);
    await wizard.getByRole('button', { name: 'Start import' }).click();
    await page.getByRole('progressbar', { name: 'Import progress' }).waitFor({ timeout: 60_000 });
    expect(new URL(page.url()).searchParams.get('import')).toMatch(/^imp/);

    const seen: number[] = [];
    for (const until = Date.now() + 60_000; Date.now() < until; await page.waitForTimeout(50)) {
      const value = await barValue(page);
      if (value !== null) seen.push(Number(value));
      if (seen.some((v) => v > 0 && v < 100)) break;
    }
    expect(seen.some((v) => v > 0 && v < 100), `bar values ${seen.join(',')}`).toBe(true);

    await page.reload();
    // The reopened dialog finds the job again: its bar while it runs, else its summary.
    const reopened = page.getByRole('dialog');
    await reopened.waitFor({ timeout: 15_000 });
    const after: number[] = [];
    for (const until = Date.now() + 90_000; Date.now() < until; await page.waitForTimeout(100)) {
      const value = await barValue(page);
      if (value !== null) after.push(Number(value));
      if (await reopened.getByText('Import finished').count()) break;
    }
    if (process.env.H5_DEBUG) console.log('bar before reload', seen.join(','), 'after', after.join(','));
    expect(after.length, 'the progress bar shown again after the reload').toBeGreaterThan(0);
    expect(after.every((v, i) => i === 0 || v >= after[i - 1]!), `bar values after reload ${after.join(',')}`).toBe(true);
    await reopened.getByText('Import finished').waitFor({ timeout: 5_000 });
    await expect.poll(() => reopened.getByText(`${BIG_ROWS.toLocaleString('en')} records created`).count(), POLL).toBe(1);
    expect(new URL(page.url()).searchParams.get('import')).toBeNull();

    const created = (await tablesOfBase()).filter((table) => !before.has(table.id));
    expect(created).toHaveLength(1);
    expect(created[0]!.name).toBe('customers-big');
    await page.waitForURL(`**/tables/${created[0]!.id}`);
    expect(rowCount(created[0]!.id)).toBe(BIG_ROWS);
    await reopened.getByRole('button', { name: 'Close' }).last().click();
    await page.locator('.ag-row[row-index="0"] .cell-frame').first().waitFor();
  }, 180_000);

  it('exports a filtered view with a hidden field as CSV and imports the file back to the same values', async () => {
    const { page } = mei;
    // Three customers won; the view shows those, without the Done field, by score descending.
    const won = [1, 3, 5].map((i) => ({ id: team.recordIds[i]!, fields: { Stage: 'Won' } }));
    expect((await team.owner.client.patch(`/tables/${team.tableId}/records`, { records: won })).status).toBe(200);
    const view = await team.owner.client.post(`/tables/${team.tableId}/views`, {
      name: 'Won 赢单',
      type: 'grid',
      filter: { conjunction: 'and', conditions: [{ field: 'Stage', operator: 'is', value: 'Won' }] },
      sorts: [{ field: 'Score', direction: 'desc' }],
      hiddenFields: [team.field.Done],
    });
    expect(view.status, JSON.stringify(view.body)).toBeLessThan(300);
    await page.goto(`/bases/${team.baseId}/tables/${team.tableId}?view=${view.body.id}`);
    await cell(page, 0, team.field.Name).locator('.cell-frame').waitFor();

    await page.getByRole('button', { name: 'Import / export' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Export this view as CSV', exact: true }).click(),
    ]);
    const file = path.join(tmp, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    // The other formats of the menu: GBK text for old Excel, and a workbook.
    for (const [label, check] of [
      ['Export this view as CSV (GBK, older Excel)', (bytes: Buffer) => expect(new TextDecoder('gb18030').decode(bytes)).toContain('Customer 5')],
      ['Export all records as .xlsx', (bytes: Buffer) => expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK')],
    ] as const) {
      await page.getByRole('button', { name: 'Import / export' }).click();
      const [other] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: label }).click()]);
      const saved = path.join(tmp, `other-${other.suggestedFilename()}`);
      await other.saveAs(saved);
      check(fs.readFileSync(saved));
    }

    const before = new Set((await tablesOfBase()).map((table) => table.id));
    const wizard = await openWizardWith(page, file);
    await wizard.getByLabel('New table name').fill('Won again');
    await wizard.getByRole('button', { name: 'Start import' }).click();
    await wizard.getByText('Import finished').waitFor({ timeout: 30_000 });
    const [copy] = (await tablesOfBase()).filter((table) => !before.has(table.id));
    expect(copy!.fields.map((field) => field.name)).toEqual(['Name', 'Score', 'Stage']);

    const shown = await team.owner.client.get(`/tables/${team.tableId}/records?view=${view.body.id}`);
    const imported = await team.owner.client.get(`/tables/${copy!.id}/records`);
    const values = (records: Array<{ fields: Record<string, unknown> }>) => records.map((r) => ({ Name: r.fields.Name, Score: r.fields.Score, Stage: r.fields.Stage }));
    expect(values(shown.body.records)).toEqual([
      { Name: 'Customer 5', Score: 50, Stage: 'Won' },
      { Name: 'Customer 3', Score: 30, Stage: 'Won' },
      { Name: 'Customer 1', Score: 10, Stage: 'Won' },
    ]);
    expect(values(imported.body.records)).toEqual(values(shown.body.records));
    await wizard.getByRole('button', { name: 'Close' }).last().click();
  });

  it('cancels an import into this table from the data menu and leaves the table as it was', async () => {
    const { page } = mei;
    await page.goto(`/bases/${team.baseId}/tables/${team.tableId}`);
    await cell(page, 0, team.field.Name).locator('.cell-frame').waitFor();
    const fieldsBefore = (await tablesOfBase()).find((table) => table.id === team.tableId)!.fields.map((field) => field.name);
    const tablesBefore = (await tablesOfBase()).length;

    await page.getByRole('button', { name: 'Import / export' }).click();
    await page.getByRole('menuitem', { name: 'Import a file into this table…' }).click();
    await page.getByRole('dialog', { name: 'Import into this table' }).waitFor();
    const wizard = page.getByRole('dialog');
    await wizard.getByLabel('File to import').setInputFiles(bigCsv);
    await wizard.getByRole('table', { name: /^Columns of / }).waitFor({ timeout: 30_000 });
    // 客户名称 into Name; the other columns would become new fields (an owner may add them).
    await wizard.getByLabel('Where column 客户名称 goes').selectOption({ label: 'Name' });
    await wizard.getByRole('button', { name: 'Start import' }).click();

    await page.getByRole('progressbar', { name: 'Import progress' }).waitFor({ timeout: 60_000 });
    await expect.poll(async () => rowCount(team.tableId), { timeout: 60_000, interval: 25 }).toBeGreaterThan(8);
    // The server shares this process: its batches hold up Playwright's round trips, hence the patience.
    await wizard.getByRole('button', { name: 'Cancel import' }).click({ timeout: 30_000 });
    await wizard.getByText('The import was cancelled').waitFor({ timeout: 60_000 });
    await wizard.getByText(/^Nothing was imported/).waitFor();

    expect(rowCount(team.tableId)).toBe(8);
    expect((await tablesOfBase()).find((table) => table.id === team.tableId)!.fields.map((field) => field.name)).toEqual(fieldsBefore);
    expect((await tablesOfBase()).length).toBe(tablesBefore);
    await wizard.getByRole('button', { name: 'Close' }).last().click();
    await expect.poll(() => page.locator('.grid-toolbar-title').textContent(), POLL).toContain('8 records');
  }, 120_000);

  it('imports pasted rows into this table, updating the records whose key matches, and the grid shows them', async () => {
    const { page } = mei;
    await page.goto(`/bases/${team.baseId}/tables/${team.tableId}`);
    await cell(page, 0, team.field.Name).locator('.cell-frame').waitFor();
    await page.getByRole('button', { name: 'Import / export' }).click();
    await page.getByRole('menuitem', { name: 'Import a file into this table…' }).click();
    const wizard = page.getByRole('dialog');
    await wizard.getByLabel(/^Or paste rows/).fill('Name\tScore\nCustomer 0\t999\nCustomer 100\t5\n');
    await wizard.getByRole('button', { name: 'Use pasted text' }).click();
    await wizard.getByRole('table', { name: /^Columns of / }).waitFor({ timeout: 30_000 });
    // Same-named fields are chosen by themselves.
    expect(await wizard.getByLabel('Where column Name goes').inputValue()).toBe(`field:${team.field.Name}`);
    expect(await wizard.getByLabel('Where column Score goes').inputValue()).toBe(`field:${team.field.Score}`);
    await wizard.getByLabel('Match existing records by').selectOption({ label: 'Name' });
    await wizard.getByRole('button', { name: 'Start import' }).click();
    await wizard.getByText('Import finished').waitFor({ timeout: 30_000 });
    await wizard.getByText('1 record created').waitFor();
    await wizard.getByText('1 record updated').waitFor();
    await wizard.getByRole('button', { name: 'Close' }).last().click();
    // The grid reloaded: the updated score and the ninth row.
    await expect.poll(() => cell(page, 0, team.field.Score).textContent(), POLL).toContain('999');
    await expect.poll(() => page.locator('.grid-toolbar-title').textContent(), POLL).toContain('9 records');
  });

  it('names the row and column of a refused file, in Chinese', async () => {
    const zh = await openGrid(browser, server, team, team.owner, 'zh-CN');
    try {
      const { page } = zh;
      const tablesBefore = (await tablesOfBase()).length;
      await page.getByRole('button', { name: '添加数据表' }).click();
      await page.getByRole('dialog', { name: '新建数据表' }).getByRole('button', { name: '导入文件' }).click();
      const wizard = page.getByRole('dialog');
      // A file dropped on the drop zone is previewed like a chosen one.
      const dropped = await page.evaluateHandle(() => {
        const transfer = new DataTransfer();
        transfer.items.add(new File(['客户名称,电话\n杭州领航,13800000000\n'], '拖入.csv', { type: 'text/csv' }));
        return transfer;
      });
      await wizard.locator('.import-drop').dispatchEvent('drop', { dataTransfer: dropped });
      await wizard.getByRole('table', { name: '拖入 的各列' }).waitFor({ timeout: 30_000 });
      expect(await wizard.getByLabel('新表名称').inputValue()).toBe('拖入');
      await wizard.getByRole('button', { name: '选择其他文件' }).click();
      await wizard.getByLabel(/^或者粘贴/).fill('客户名称,备注\n杭州领航,"没有结束的引号\n');
      await wizard.getByRole('button', { name: '使用粘贴的内容' }).click();
      const alert = wizard.getByRole('alert');
      await alert.waitFor({ timeout: 30_000 });
      expect(await alert.textContent()).toContain('位置：第 2 行，列 B');
      expect((await tablesOfBase()).length).toBe(tablesBefore);
      expect(zh.errors).toEqual([]);
    } finally {
      await zh.page.context().close();
    }
  });

  it('has no console errors', () => {
    expect(mei.errors).toEqual([]);
  });
});
