import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uiBuildExists } from '../../server/http/ui.ts';
import { launchBrowser, login, openPage } from '../support/browser.ts';
import { createTable } from '../../server/tables/index.ts';
import { actorOf } from '../support/records-table.ts';
import { startTestServer } from '../support/test-server.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('signing up, bases and language', () => {
  let server: Server;
  let browser: Browser;
  beforeAll(async () => {
    if (!uiBuildExists()) throw new Error('no UI build: run `npx react-router build` (npm test does) before the e2e tests');
    server = await startTestServer({}, { ui: 'build' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs up, creates a base, signs out and in, and switches to Chinese', async () => {
    const { page, errors } = await openPage(browser, server.url);
    const email = 'mei@example.com';
    const password = 'sales-team-2026';

    // Anonymous visitors land on the sign-in page.
    await page.goto('/');
    await page.waitForURL('**/login');
    await page.getByRole('main').getByRole('link', { name: 'Create account' }).click();
    await page.waitForURL('**/signup');

    await page.getByLabel('Your name').fill('Mei Lin');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Your bases');
    expect(await page.locator('.user-chip').textContent()).toContain('Mei Lin');

    await page.getByLabel('Base name').fill('East China customers');
    await page.getByRole('button', { name: 'Create base' }).click();
    const card = page.locator('.base-card', { hasText: 'East China customers' });
    await card.waitFor();
    expect(await card.locator('.role').textContent()).toBe('Owner');
    expect(await page.getByLabel('Base name').inputValue()).toBe('');

    // The browser's zone (openPage sets Asia/Shanghai) went along with the form.
    const baseId = (await card.getAttribute('data-base-id'))!;
    const base = server.ctx.db.first(server.ctx.db.kysely.selectFrom('bases').selectAll().where('id', '=', baseId))!;
    expect(base.time_zone).toBe('Asia/Shanghai');

    // A table made by the table engine shows up as a link to its page (its grid).
    const owner = server.ctx.db.first(server.ctx.db.kysely.selectFrom('users').select('id').where('email', '=', email))!;
    const leads = createTable(server.ctx, actorOf(owner), baseId, { name: 'Leads' }).id;
    await page.reload();
    await page.getByRole('link', { name: 'Leads' }).click();
    await page.waitForURL(`**/bases/${baseId}/tables/${leads}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Leads');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');
    await page.goto(`/bases/${baseId}/tables/${leads}`);
    await page.waitForURL('**/login?redirectTo=*');

    await login(page, { email, password });
    expect(new URL(page.url()).pathname).toBe(`/bases/${baseId}/tables/${leads}`);
    await page.getByRole('link', { name: 'All bases' }).click();
    await page.waitForURL((url) => url.pathname === '/');

    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('我的数据库');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.getByRole('button', { name: '退出登录' }).isVisible()).toBe(true);
    expect(await page.title()).toBe('我的数据库 · Tessera');

    // Saved on the account and rendered by the server in Chinese: no English flash.
    const html = await (await page.request.get('/')).text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('我的数据库');
    expect(server.ctx.db.first(server.ctx.db.kysely.selectFrom('users').select('locale').where('email', '=', email))?.locale).toBe('zh-CN');

    expect(errors).toEqual([]);
  });

  it('shows the sign-in page in the browser language, and a wrong password in it', async () => {
    const { page, errors } = await openPage(browser, server.url, { lang: 'zh-CN' });
    await page.goto('/login');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('登录 Tessera');
    await page.getByLabel('邮箱').fill('mei@example.com');
    await page.getByLabel('密码').fill('not-my-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('邮箱或密码错误。');
    expect(errors).toEqual([]);
  });
});
