import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestPage } from '../support/browser.ts';
import { startTestServer } from '../support/test-server.ts';
import { cell, cellText, columnOrder, dbValue, focusCell, openGrid, POLL, useGridSession, type GridTeam } from './grid-support.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const FIXTURES = '/work/shared/fixtures';
const HTML = readFileSync(`${FIXTURES}/excel-clipboard.html`, 'utf8');
const TSV = readFileSync(`${FIXTURES}/excel-clipboard.tsv`, 'utf8');

/** What Excel puts on the clipboard, pasted on the focused grid cell as a browser would. */
async function paste(page: Page, data: { html?: string; text: string }): Promise<void> {
  await page.evaluate(({ html, text }) => {
    const transfer = new DataTransfer();
    if (html) transfer.setData('text/html', html);
    transfer.setData('text/plain', text);
    const target = document.activeElement ?? document.body;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
}

function countRows(server: Server, tableId: string): number {
  return (server.ctx.db.sqlite.prepare(`SELECT COUNT(*) AS n FROM t_${tableId}`).get() as { n: number }).n;
}

describe('pasting from Excel into the grid', () => {
  const session = useGridSession({ rows: 3 });
  let mei: TestPage;
  let leads: { tableId: string; field: Record<string, string> };
  beforeAll(async () => {
    // A table shaped like the Excel sheet, with fewer rows than the paste: six fields, three records.
    const table = await session.team.owner.client.post(`/bases/${session.team.baseId}/tables`, {
      name: 'Leads',
      fields: [
        { name: 'Company', type: 'singleLineText' },
        { name: 'Code', type: 'singleLineText' },
        { name: 'Industry', type: 'singleLineText' },
        { name: 'Size', type: 'singleLineText' },
        { name: 'City', type: 'singleLineText' },
        { name: 'Website', type: 'longText' },
      ],
    });
    expect(table.status, JSON.stringify(table.body)).toBe(201);
    const field = Object.fromEntries(table.body.fields.map((f: { id: string; name: string }) => [f.name, f.id])) as Record<string, string>;
    const records = Array.from({ length: 3 }, (_, i) => ({ fields: { Company: `Old ${i}`, City: `City ${i}` } }));
    const created = await session.team.owner.client.post(`/tables/${table.body.id}/records`, { records });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    leads = { tableId: table.body.id, field };
    mei = await openGrid(session.browser, session.server, { ...session.team, tableId: leads.tableId, field: { ...session.team.field, Name: field.Company! } }, session.team.owner);
  });

  const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

  it('pastes an HTML table into existing rows and new records, keeping in-cell line breaks, and undoes it in one step', async () => {
    const { page } = mei;
    const { Company, Code, City, Website } = leads.field as Record<string, string>;
    expect(countRows(session.server, leads.tableId)).toBe(3);
    await focusCell(page, 0, Company!);
    await paste(page, { html: HTML, text: TSV });
    // 21 lines (a header and 20 customers): 3 rows updated, 18 records created.
    await expect.poll(() => countRows(session.server, leads.tableId), POLL).toBe(21);
    await expect.poll(() => cellText(page, 0, Company!), POLL).toBe('客户名称');
    await expect.poll(() => cellText(page, 5, Company!), POLL).toBe('苏州德润云运输有限公司');
    const broken = session.server.ctx.db.sqlite.prepare(`SELECT f_${Website} AS site, f_${Code} AS code FROM t_${leads.tableId} WHERE f_${Company} = ?`).get('广州星河启生物科技有限公司') as { site: string; code: string };
    expect(broken.site).toBe('第一行\n第二行');
    expect(broken.code).toBe('914401006775308558');
    expect(await cellText(page, 3, Website!)).toContain('第一行');
    await expect.poll(() => cellText(page, 20, City!), POLL).toBe('长沙');

    await focusCell(page, 0, Company!);
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => countRows(session.server, leads.tableId), POLL).toBe(3);
    await expect.poll(() => cellText(page, 0, Company!), POLL).toBe('Old 0');
    // Redo pastes it again (new records), and undo takes that back too.
    await page.keyboard.press(`${mod}+Shift+z`);
    await expect.poll(() => countRows(session.server, leads.tableId), POLL).toBe(21);
    await expect.poll(() => cellText(page, 0, Company!), POLL).toBe('客户名称');
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => countRows(session.server, leads.tableId), POLL).toBe(3);
    await expect.poll(() => cellText(page, 0, Company!), POLL).toBe('Old 0');
    const rows = session.server.ctx.db.sqlite.prepare(`SELECT f_${Company} AS name, f_${City} AS city, f_${Code} AS code FROM t_${leads.tableId} ORDER BY id`).all();
    expect(rows).toEqual([0, 1, 2].map((i) => ({ name: `Old ${i}`, city: `City ${i}`, code: null })));
  });

  it('pastes TSV text coerced by the field types, fills a range with one value, and says what was left out', async () => {
    const { page } = mei;
    const { Company, Code } = leads.field as Record<string, string>;
    // Excel's quoted TSV alone (no HTML): the quoted cell keeps its line break.
    await focusCell(page, 1, Company!);
    await paste(page, { text: TSV.split('\r\n').slice(3, 4).join('\r\n') + '\r\n' });
    await expect.poll(() => cellText(page, 1, Company!), POLL).toBe('广州星河启生物科技有限公司');
    const site = session.server.ctx.db.sqlite.prepare(`SELECT f_${leads.field.Website} AS site FROM t_${leads.tableId} WHERE f_${Company} = ?`).get('广州星河启生物科技有限公司') as { site: string };
    expect(site.site).toBe('第一行\n第二行');
    expect(countRows(session.server, leads.tableId)).toBe(3);

    // One value over a selected range fills it.
    await focusCell(page, 0, Code!);
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await paste(page, { text: 'same\r\n' });
    const ids = (session.server.ctx.db.sqlite.prepare(`SELECT id FROM t_${leads.tableId} ORDER BY id`).all() as Array<{ id: number }>).map((row) => `rec${row.id}`);
    for (const id of ids) await expect.poll(() => dbValue(session.server, leads.tableId, Code!, id), POLL).toBe('same');
  });
});

describe('pasting into typed fields', () => {
  const session = useGridSession({ rows: 2 });
  let mei: TestPage;
  beforeAll(async () => {
    mei = await session.open(session.team.owner);
  });

  const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

  it('coerces text with typecast; declining new fields pastes what fits and says what was left out', async () => {
    const { page } = mei;
    const { Score, Stage, Done } = session.team.field;
    await focusCell(page, 0, Score);
    await paste(page, { text: '1,234\tWon\ttrue\textra\tmore\r\n' });
    const dialog = page.getByRole('dialog', { name: 'Create 2 new fields for the extra columns?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Paste what fits' }).click();
    // The toast first: it goes away by itself after a while.
    await expect.poll(() => page.getByText(/2 pasted columns were left out/).count(), POLL).toBe(1);
    await expect.poll(() => dbValue(session.server, session.team.tableId, Score, session.team.recordIds[0]!), POLL).toBe(1234);
    await expect.poll(() => dbValue(session.server, session.team.tableId, Done, session.team.recordIds[0]!), POLL).toBe(1);
    await expect.poll(() => cellText(page, 0, Stage), POLL).toBe('Won');
    expect(await fieldNames(session.team)).toEqual(['Name', 'Score', 'Stage', 'Done']);
  });

  it('creates fields for columns past the last one, named from the header and typed from the values; one undo takes the paste back', async () => {
    const { page } = mei;
    const { Name, Done } = session.team.field;
    const rows = [
      ['Name', 'Score', 'Stage', 'Done', '金额', '签约日期', 'Email'],
      ['Acme', '5', 'Won', 'true', '¥1,200', '2026-01-05', 'a@acme.cn'],
      ['Bolt', '6', 'Lead', 'false', '800', '2026-02-01', 'b@bolt.cn'],
      ['Cyan', '7', 'Lead', 'true', '3,000', '2026-03-10', 'c@cyan.cn'],
    ];
    await focusCell(page, 0, Name);
    await paste(page, { text: `${rows.map((row) => row.join('\t')).join('\r\n')}\r\n` });
    const dialog = page.getByRole('dialog', { name: 'Create 3 new fields for the extra columns?' });
    await dialog.waitFor();
    // The header row was recognised: it names the fields and is not pasted.
    await expect.poll(() => dialog.getByRole('checkbox').isChecked(), POLL).toBe(true);
    await expect.poll(() => dialog.locator('tbody tr').allInnerTexts(), POLL).toEqual(['金额\tCurrency', '签约日期\tDate', 'Email\tEmail']);
    await dialog.getByRole('button', { name: 'Create 3 fields and paste' }).click();

    await expect.poll(() => fieldNames(session.team), POLL).toEqual(['Name', 'Score', 'Stage', 'Done', '金额', '签约日期', 'Email']);
    const fields = await tableFields(session.team);
    expect(fields.slice(4).map((field) => field.type)).toEqual(['currency', 'date', 'email']);
    const [amount, signed, email] = fields.slice(4).map((field) => field.id) as [string, string, string];
    await expect.poll(() => countRows(session.server, session.team.tableId), POLL).toBe(3);
    const third = `rec${(session.server.ctx.db.sqlite.prepare(`SELECT MAX(id) AS id FROM t_${session.team.tableId}`).get() as { id: number }).id}`;
    await expect.poll(() => dbValue(session.server, session.team.tableId, email, third), POLL).toBe('c@cyan.cn');
    expect(dbValue(session.server, session.team.tableId, amount, session.team.recordIds[0]!)).toBe(1200);
    expect(dbValue(session.server, session.team.tableId, signed, session.team.recordIds[1]!)).toBe('2026-02-01');
    expect(dbValue(session.server, session.team.tableId, Name, session.team.recordIds[0]!)).toBe('Acme');
    expect(dbValue(session.server, session.team.tableId, Done, session.team.recordIds[1]!)).toBe(0);
    // The view shows them after the last column.
    await expect.poll(() => columnOrder(page), POLL).toEqual([...Object.values(session.team.field), amount, signed, email]);
    await expect.poll(() => cellText(page, 2, email), POLL).toBe('c@cyan.cn');

    // One undo: every pasted value back as it was; the new fields stay (decision 0045).
    await focusCell(page, 0, Name);
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => dbValue(session.server, session.team.tableId, Name, session.team.recordIds[0]!), POLL).toBe('Customer 0');
    expect(dbValue(session.server, session.team.tableId, email, third)).toBeNull();
    expect(dbValue(session.server, session.team.tableId, amount, session.team.recordIds[0]!)).toBeNull();
    expect(countRows(session.server, session.team.tableId)).toBe(2);
    expect(await fieldNames(session.team)).toHaveLength(7);
  });

  it('gives someone who may not add fields what fits, and says why', async () => {
    const wang = await session.open(session.team.editor);
    try {
      const { page } = wang;
      const email = (await tableFields(session.team)).at(-1)!.id;
      await focusCell(page, 1, email);
      await paste(page, { text: 'wang@bolt.cn\tx\ty\r\n' });
      await expect.poll(() => page.getByText(/2 pasted columns were left out: only the base’s owners can add fields/).count(), POLL).toBe(1);
      await expect.poll(() => dbValue(session.server, session.team.tableId, email, session.team.recordIds[1]!), POLL).toBe('wang@bolt.cn');
      expect(await page.getByRole('dialog').count()).toBe(0);
      expect(await fieldNames(session.team)).toHaveLength(7);
    } finally {
      await wang.page.context().close();
    }
  });
});

async function tableFields(team: GridTeam): Promise<Array<{ id: string; name: string; type: string }>> {
  const res = await team.owner.client.get(`/bases/${team.baseId}/tables`);
  return res.body.tables.find((table: { id: string }) => table.id === team.tableId).fields;
}

async function fieldNames(team: GridTeam): Promise<string[]> {
  return (await tableFields(team)).map((field) => field.name);
}

describe('the fill handle', () => {
  const session = useGridSession({ rows: 6 });
  let mei: TestPage;
  beforeAll(async () => {
    mei = await session.open(session.team.owner);
  });

  const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

  async function dragHandleTo(page: Page, row: number, fieldId: string): Promise<void> {
    const handle = page.locator('.fill-handle');
    const box = (await handle.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    const target = (await cell(page, row, fieldId).boundingBox())!;
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 8 });
    await page.mouse.up();
  }

  it('continues a number series down and undoes the drag in one step', async () => {
    const { page } = mei;
    const { Score } = session.team.field;

    // 5, 7 pasted, then dragged on: 9, 11, 13.
    await focusCell(page, 0, Score);
    await paste(page, { text: '5\r\n7\r\n' });
    await expect.poll(() => dbValue(session.server, session.team.tableId, Score, session.team.recordIds[1]!), POLL).toBe(7);
    await cell(page, 1, Score).click({ modifiers: ['Shift'], position: { x: 4, y: 4 } });
    await dragHandleTo(page, 4, Score);
    await expect.poll(() => [2, 3, 4].map((row) => dbValue(session.server, session.team.tableId, Score, session.team.recordIds[row]!)), POLL).toEqual([9, 11, 13]);
    expect(await cellText(page, 4, Score)).toBe('13');

    await focusCell(page, 0, Score);
    await page.keyboard.press(`${mod}+z`);
    await expect.poll(() => [2, 3, 4].map((row) => dbValue(session.server, session.team.tableId, Score, session.team.recordIds[row]!)), POLL).toEqual([20, 30, 40]);
  });

});
