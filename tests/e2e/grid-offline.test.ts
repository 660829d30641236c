import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TesseraServer } from '../../server/http/create-server.ts';
import type { Config } from '../../server/config.ts';
import { launchBrowser } from '../support/browser.ts';
import type { startTestServer } from '../support/test-server.ts';
import { cell, cellText, dbValue, focusCell, openGrid, POLL, requireUiBuild, seedGridTeam, typeIntoCell } from './grid-support.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** Long enough for the socket's reconnect backoff (at most 8 s between tries) after a restart. */
const RECONNECT = { timeout: 30_000, interval: 100 } as const;

describe('the grid when the server goes away', () => {
  let browser: Browser;
  let dataDir: string;
  let tessera: TesseraServer | undefined;
  beforeAll(async () => {
    requireUiBuild();
    browser = await launchBrowser();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tessera-restart-'));
  });
  afterAll(async () => {
    await browser?.close();
    await tessera?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async (port: number): Promise<Server> => {
    const config: Config = { port, host: '127.0.0.1', dataDir, secureCookies: false };
    tessera = await startServer(config, { ui: 'build' });
    return { ...tessera, dataDir };
  };

  it('restarting the server while a user types loses nothing', async () => {
    let server = await start(0);
    const port = (server.server.address() as AddressInfo).port;
    const team = await seedGridTeam(server);
    const { Name, Score } = team.field;
    const mei = await openGrid(browser, server, team, team.owner);
    const { page } = mei;

    await focusCell(page, 0, Name);
    await typeIntoCell(page, 'Before the restart');
    await page.keyboard.press('Enter');
    await expect.poll(() => dbValue(server, team.tableId, Name, team.recordIds[0]!), POLL).toBe('Before the restart');

    await tessera!.close();
    tessera = undefined;

    // Typing goes on: a record whose doc was open, records never opened, and a batch.
    await focusCell(page, 0, Name);
    await typeIntoCell(page, 'Edited while down');
    await page.keyboard.press('Enter');
    await focusCell(page, 1, Name);
    await typeIntoCell(page, '断网时输入');
    await page.keyboard.press('Enter');
    await focusCell(page, 2, Score);
    await typeIntoCell(page, '222');
    await page.keyboard.press('Enter');
    await focusCell(page, 4, Score);
    await cell(page, 5, Score).click({ modifiers: ['Shift'], position: { x: 4, y: 4 } });
    await page.keyboard.press('Delete');
    const banner = page.locator('.offline-banner');
    await expect.poll(() => banner.textContent(), { timeout: 10_000, interval: 100 }).toMatch(/^You are offline\. .* \d+ changes? waiting\./);
    expect(await cellText(page, 1, Name)).toBe('断网时输入');
    expect(await cellText(page, 2, Score)).toBe('222');
    expect(await cellText(page, 4, Score)).toBe('');

    server = await start(port);
    await expect.poll(() => banner.count(), RECONNECT).toBe(0);
    await expect.poll(() => dbValue(server, team.tableId, Name, team.recordIds[0]!), POLL).toBe('Edited while down');
    await expect.poll(() => dbValue(server, team.tableId, Name, team.recordIds[1]!), POLL).toBe('断网时输入');
    await expect.poll(() => dbValue(server, team.tableId, Score, team.recordIds[2]!), POLL).toBe(222);
    await expect.poll(() => dbValue(server, team.tableId, Score, team.recordIds[4]!), POLL).toBe(null);
    expect(dbValue(server, team.tableId, Score, team.recordIds[5]!)).toBe(null);
    expect(dbValue(server, team.tableId, Score, team.recordIds[3]!)).toBe(30);

    const wang = await openGrid(browser, server, team, team.editor);
    expect(await cellText(wang.page, 0, Name)).toBe('Edited while down');
    expect(await cellText(wang.page, 1, Name)).toBe('断网时输入');
    expect(await cellText(wang.page, 2, Score)).toBe('222');
    expect(await cellText(wang.page, 4, Score)).toBe('');
    // And they keep working together on the new server.
    await focusCell(page, 6, Name);
    await typeIntoCell(page, 'After the restart');
    await page.keyboard.press('Enter');
    await expect.poll(() => cellText(wang.page, 6, Name), POLL).toBe('After the restart');
    const unexpected = (errors: string[]) => errors.filter((error) => !/ERR_CONNECTION_REFUSED|Failed to fetch|WebSocket/.test(error));
    expect(unexpected(mei.errors)).toEqual([]);
    expect(wang.errors).toEqual([]);
  }, 120_000);
});
