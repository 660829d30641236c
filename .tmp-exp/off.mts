import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path';
import { launchBrowser } from '../tests/support/browser.ts';
import { startServer } from '../server/http/create-server.ts';
import { seedGridTeam, openGrid, cellText, focusCell } from '../tests/e2e/grid-support.ts';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'x-'));
const t = await startServer({ port: 0, host: '127.0.0.1', dataDir, secureCookies: false }, { ui: 'build' });
const server = { ...t, dataDir } as any;
const browser = await launchBrowser();
try {
  const team = await seedGridTeam(server);
  const mei = await openGrid(browser, server, team, team.owner);
  const { page } = mei;
  page.on('console', (m) => console.log('PAGE', m.type(), m.text().slice(0, 200)));
  await t.close();
  await page.evaluate(() => {
    for (const type of ['keydown', 'input', 'focusin']) document.addEventListener(type, (e: any) => console.log(type, (e.target as HTMLElement).className.slice(0, 30), e.key ?? '', e.inputType ?? '', e.data ?? ''), true);
  });
  await focusCell(page, 1, team.field.Name);
  await page.keyboard.type('断网');
  await page.waitForTimeout(300);
  console.log('input', await page.locator('.cell-input').inputValue().catch(() => 'none'));
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  console.log(await cellText(page, 1, team.field.Name));
  await page.screenshot({ path: '.tmp-exp/off.png' });
} finally { await browser.close(); fs.rmSync(dataDir, { recursive: true }); }
