import { launchBrowser } from '../tests/support/browser.ts';
import { startTestServer } from '../tests/support/test-server.ts';
import { seedGridTeam, openGrid, cellText, focusCell } from '../tests/e2e/grid-support.ts';
const server = await startTestServer({}, { ui: 'build' });
const browser = await launchBrowser();
try {
  const team = await seedGridTeam(server);
  const mei = await openGrid(browser, server, team, team.owner);
  const { page } = mei;
  await page.evaluate(() => {
    for (const type of ['keydown', 'input', 'beforeinput', 'compositionstart', 'compositionend', 'focusin']) document.addEventListener(type, (e: any) => console.log(type, (e.target as HTMLElement).className, e.key ?? '', e.inputType ?? '', e.data ?? ''), true);
  });
  page.on('console', (m) => console.log('PAGE', m.text()));
  await focusCell(page, 1, team.field.Name);
  await page.keyboard.type('断网');
  await page.waitForTimeout(300);
  console.log('input', await page.locator('.cell-input').inputValue().catch(() => 'none'));
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  console.log(await cellText(page, 1, team.field.Name));
} finally { await browser.close(); await server.close(); }
