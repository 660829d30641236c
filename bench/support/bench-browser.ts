import type { Page } from 'playwright-core';
import { launchBrowser, login } from '../../tests/support/browser.ts';
import { BENCH_ADMIN } from './rest-client.ts';

/**
 * Chromium with one page signed in as the bench admin on `serverUrl`, in Chinese and
 * Shanghai time like the people the benches stand for; `close` ends the browser.
 */
export async function openAdminPage(serverUrl: string, viewport: { width: number; height: number }): Promise<{ page: Page; close(): Promise<void> }> {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ baseURL: serverUrl, viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    page.setDefaultTimeout(60_000);
    await page.goto('/login');
    await login(page, { email: BENCH_ADMIN.TESSERA_ADMIN_EMAIL, password: BENCH_ADMIN.TESSERA_ADMIN_PASSWORD });
    return { page, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
