import { launchBrowser } from '../tests/support/browser.ts';
import { startTestServer } from '../tests/support/test-server.ts';
import { seedGridTeam, openGrid, cell, focusCell } from '../tests/e2e/grid-support.ts';
const server = await startTestServer({}, { ui: 'build' });
const browser = await launchBrowser();
try {
  const team = await seedGridTeam(server);
  const mei = await openGrid(browser, server, team, team.owner, process.env.LANG_UI ?? 'en-US');
  const { page } = mei;
  await page.screenshot({ path: '.tmp-exp/grid.png' });
  // IME
  await focusCell(page, 0, team.field.Name);
  console.log('active', await page.evaluate(() => document.activeElement?.className));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'n', selectionStart: 1, selectionEnd: 1 });
  await cdp.send('Input.imeSetComposition', { text: 'ni h', selectionStart: 4, selectionEnd: 4 });
  await page.screenshot({ path: '.tmp-exp/composing.png' });
  await cdp.send('Input.insertText', { text: '你好' });
  await page.waitForTimeout(200);
  console.log('editor', await page.locator('.cell-input').inputValue().catch((e) => String(e)));
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500);
  console.log('cell0', await cell(page, 0, team.field.Name).textContent());
  // header menu
  await page.locator(`.ag-header-cell[col-id="${team.field.Score}"] .header-menu-trigger`).click();
  await page.waitForTimeout(200);
  await page.screenshot({ path: '.tmp-exp/menu.png' });
  await page.keyboard.press('Escape');
  // expand
  await focusCell(page, 1, team.field.Name);
  await page.keyboard.press('Shift+Enter');
  await page.waitForTimeout(500);
  await page.screenshot({ path: '.tmp-exp/panel.png' });
  console.log('errors', mei.errors);
} finally {
  await browser.close();
  await server.close();
}
