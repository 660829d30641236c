import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { uiBuildExists } from '../../server/http/ui.ts';
import { launchBrowser, login, openPage, type TestPage } from '../support/browser.ts';
import { PASSWORD, signUp, type SignedUp } from '../support/fixtures.ts';
import { startTestServer } from '../support/test-server.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

export interface GridTeam {
  baseId: string;
  tableId: string;
  field: Record<'Name' | 'Score' | 'Stage' | 'Done', string>;
  recordIds: string[];
  owner: SignedUp;
  editor: SignedUp;
  viewer: SignedUp;
}

export function requireUiBuild(): void {
  if (!uiBuildExists()) throw new Error('no UI build: run `npx react-router build` (npm test does) before the e2e tests');
}

/** An owner, an editor and a viewer who can sign in, and a small customers table. */
export async function seedGridTeam(server: Server, rows = 8): Promise<GridTeam> {
  const suffix = Math.random().toString(36).slice(2, 8);
  const owner = await signUp(server.url, 'Mei Lin', `mei-${suffix}@example.com`);
  const editor = await signUp(server.url, 'Wang Fang', `wang-${suffix}@example.com`);
  const viewer = await signUp(server.url, 'Li Na', `li-${suffix}@example.com`);
  const base = await owner.client.post('/bases', { name: 'East China' });
  for (const [who, role] of [[editor, 'editor'], [viewer, 'viewer']] as const) {
    const res = await owner.client.post(`/bases/${base.body.id}/members`, { email: who.user.email, role });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  const table = await owner.client.post(`/bases/${base.body.id}/tables`, {
    name: 'Customers',
    fields: [
      { name: 'Name', type: 'singleLineText' },
      { name: 'Score', type: 'number' },
      { name: 'Stage', type: 'singleSelect', options: { choices: [{ name: 'Lead' }, { name: 'Won' }] } },
      { name: 'Done', type: 'checkbox' },
    ],
  });
  expect(table.status, JSON.stringify(table.body)).toBe(201);
  const field = Object.fromEntries(table.body.fields.map((f: { id: string; name: string }) => [f.name, f.id])) as GridTeam['field'];
  const records = Array.from({ length: rows }, (_, i) => ({ fields: { Name: `Customer ${i}`, Score: i * 10, Stage: 'Lead' } }));
  const created = await owner.client.post(`/tables/${table.body.id}/records`, { records });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  return { baseId: base.body.id, tableId: table.body.id, field, recordIds: created.body.records.map((r: { id: string }) => r.id), owner, editor, viewer };
}

/** What a grid test file works against: the server with the built UI, one browser, the seeded team. */
export interface GridSession {
  readonly server: Server;
  readonly browser: Browser;
  readonly team: GridTeam;
  /** A signed-in page on the table (see openGrid). */
  open(who: SignedUp, lang?: string): Promise<TestPage>;
}

/**
 * Registers the beforeAll/afterAll every browser test of the grid needs: a server serving the
 * UI build, a browser and a team with `rows` customers. Call it first in a describe, so its
 * beforeAll runs before the file's own (which may then use the session); the fields throw if
 * read before that.
 */
export function useGridSession({ rows = 8 }: { rows?: number } = {}): GridSession {
  let state: { server: Server; browser: Browser; team: GridTeam } | undefined;
  let server: Server | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    requireUiBuild();
    server = await startTestServer({}, { ui: 'build' });
    browser = await launchBrowser();
    state = { server, browser, team: await seedGridTeam(server, rows) };
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const ready = () => {
    if (!state) throw new Error('grid session not started: read it inside a test or a later beforeAll');
    return state;
  };
  return {
    get server() { return ready().server; },
    get browser() { return ready().browser; },
    get team() { return ready().team; },
    open: (who, lang) => openGrid(ready().browser, ready().server, ready().team, who, lang),
  };
}

/** A signed-in page on the table, with its first row rendered. */
export async function openGrid(browser: Browser, server: Server, team: GridTeam, who: SignedUp, lang = 'en-US'): Promise<TestPage> {
  const opened = await openPage(browser, server.url, { lang });
  await opened.page.setViewportSize({ width: 1280, height: 800 });
  await opened.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await opened.page.goto(`/login?redirectTo=${encodeURIComponent(`/bases/${team.baseId}/tables/${team.tableId}`)}`);
  await login(opened.page, { email: who.user.email, password: PASSWORD });
  await opened.page.waitForURL(`**/tables/${team.tableId}`);
  await cell(opened.page, 0, team.field.Name).locator('.cell-frame').waitFor();
  return opened;
}

export function cell(page: Page, row: number, fieldId: string) {
  return page.locator(`.ag-row[row-index="${row}"] .ag-cell[col-id="${fieldId}"]`);
}

export async function cellText(page: Page, row: number, fieldId: string): Promise<string> {
  return ((await cell(page, row, fieldId).textContent()) ?? '').trim();
}

/** Focuses a cell without editing it: a single click near its corner, away from any button in it. */
export async function focusCell(page: Page, row: number, fieldId: string): Promise<void> {
  await cell(page, row, fieldId).click({ position: { x: 4, y: 4 } });
}

/** Selects the range between two cells: a click on the first, a shift-click on the other. */
export async function select(page: Page, from: [number, string], to: [number, string]): Promise<void> {
  await focusCell(page, from[0], from[1]);
  await cell(page, to[0], to[1]).click({ modifiers: ['Shift'], position: { x: 4, y: 4 } });
}

/** Presses the fill handle of the selected range and lets go over a cell. */
export async function dragHandleTo(page: Page, row: number, fieldId: string): Promise<void> {
  const box = (await page.locator('.fill-handle').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  const target = (await cell(page, row, fieldId).boundingBox())!;
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 8 });
  await page.mouse.up();
}

/** Types into a focused cell: the first key opens the editor with itself as the value. */
export async function typeIntoCell(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text);
}

/** One column of a user table, straight from SQLite. */
export function dbValue(server: Server, tableId: string, fieldId: string, recordId: string): unknown {
  const row = server.ctx.db.sqlite.prepare(`SELECT f_${fieldId} AS value FROM t_${tableId} WHERE id = ?`).get(Number(recordId.slice(3))) as { value: unknown } | undefined;
  return row?.value ?? null;
}

export const POLL = { timeout: 5000, interval: 25 } as const;

/** Opens a column's ▾ menu the way a person does: hover the header, press the button. */
export async function openHeaderMenu(page: Page, fieldId: string): Promise<void> {
  const header = page.locator(`.ag-header-cell[col-id="${fieldId}"]`);
  await header.hover();
  await header.locator('.header-menu-trigger').click();
  await page.getByRole('menu').waitFor();
}

/** Chooses an entry of the open menu by its label. */
export async function chooseMenuItem(page: Page, label: string | RegExp): Promise<void> {
  await page.getByRole('menu').getByRole('menuitem', { name: label }).click();
}

/** The field columns left to right, as the grid shows them (pinned ones first). */
export async function columnOrder(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cells = [...document.querySelectorAll<HTMLElement>('.ag-header-row-column .ag-header-cell[col-id]')];
    return cells
      .map((cell) => ({ id: cell.getAttribute('col-id')!, index: Number(cell.getAttribute('aria-colindex')) }))
      .filter((cell) => cell.id !== '__row')
      .sort((a, b) => a.index - b.index)
      .map((cell) => cell.id);
  });
}

/** The view as the API has it (what every other client and a reload get). */
export async function savedView(team: GridTeam): Promise<{ id: string; hiddenFields?: string[]; fieldOrder?: string[]; fieldWidths?: Record<string, number>; frozenFieldCount?: number; sorts?: Array<{ field: string; direction: string }> }> {
  const res = await team.owner.client.get(`/tables/${team.tableId}/views`);
  return res.body.views[0];
}
