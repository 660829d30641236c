import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uiBuildExists } from '../../server/http/ui.ts';
import { launchBrowser, login, openPage } from '../support/browser.ts';
import { PASSWORD, signUp } from '../support/fixtures.ts';
import { ApiClient, startTestServer } from '../support/test-server.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('settings page', () => {
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

  it('creates a token shown once, revokes it, and lets the admin close sign-up', async () => {
    const { user } = await signUp(server.url, 'Admin');
    const { page, errors } = await openPage(browser, server.url);
    await page.goto('/settings');
    await login(page, { email: user.email, password: PASSWORD });
    expect(new URL(page.url()).pathname).toBe('/settings');

    await page.getByLabel('Token name').fill('ERP sync');
    await page.getByRole('button', { name: 'Create token' }).click();
    const secret = (await page.getByTestId('new-token').textContent())!;
    expect(secret).toMatch(/^tsr_/);
    expect((await new ApiClient(server.url, secret).get('/auth/me')).status).toBe(200);
    await page.reload();
    expect(await page.getByTestId('new-token').count()).toBe(0);
    expect(await page.content()).not.toContain(secret);

    await page.locator('.token-list li', { hasText: 'ERP sync' }).getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('No tokens yet.').waitFor();
    expect((await new ApiClient(server.url, secret).get('/auth/me')).status).toBe(401);

    await page.getByLabel('Anyone with the address can create an account').uncheck();
    await page.getByRole('button', { name: 'Save' }).last().click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect((await new ApiClient(server.url).get('/settings')).body).toEqual({ signupOpen: false });

    const visitor = await openPage(browser, server.url);
    await visitor.page.goto('/signup');
    await visitor.page.getByText('Sign-up is closed on this server').waitFor();
    expect(errors).toEqual([]);
    expect(visitor.errors).toEqual([]);
  });
});
