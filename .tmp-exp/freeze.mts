import { launchBrowser } from '../tests/support/browser.ts';
import { startTestServer } from '../tests/support/test-server.ts';
import { seedGridTeam, openGrid, openHeaderMenu, chooseMenuItem, savedView } from '../tests/e2e/grid-support.ts';
const server = await startTestServer({}, { ui: 'build' });
const browser = await launchBrowser();
try {
  const team = await seedGridTeam(server);
  const mei = await openGrid(browser, server, team, team.owner);
  const { page } = mei;
  console.log(await page.evaluate(() => [...document.querySelectorAll('[class*=pinned]')].map((e) => e.className).slice(0, 10)));
  await openHeaderMenu(page, team.field.Score);
  await chooseMenuItem(page, 'Freeze up to this field');
  await page.waitForTimeout(1000);
  console.log(await savedView(team));
  console.log(await page.evaluate(() => [...document.querySelectorAll('.ag-header-cell[col-id]')].map((e) => { const chain = []; let n = e.parentElement; for (let i = 0; i < 4 && n; i++) { chain.push(n.className); n = n.parentElement; } return [e.getAttribute('col-id'), e.className, chain.join(' < ')]; })));
  await page.screenshot({ path: '.tmp-exp/freeze.png' });
  console.log(mei.errors);
} finally { await browser.close(); await server.close(); }
