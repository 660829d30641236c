import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium: playwright-core never downloads a browser of its own here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Every wait in a browser test is bounded by these, so a broken page fails fast. */
export const TIMEOUTS = { launch: 30_000, action: 10_000, navigation: 15_000 } as const;

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    timeout: TIMEOUTS.launch,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
}

export interface TestPage {
  page: Page;
  /** console.error output and uncaught page errors (hydration mismatches land here). */
  errors: string[];
}

export interface PageOptions {
  /** Sent as Accept-Language and used as the browser's locale. */
  lang?: string;
  /** The browser's time zone, so tests do not depend on the machine's. */
  timezoneId?: string;
}

/** A fresh context (own cookies) whose page collects errors. */
export async function openPage(browser: Browser, baseURL: string, { lang = 'en-US', timezoneId = 'Asia/Shanghai' }: PageOptions = {}): Promise<TestPage> {
  const context = await browser.newContext({ baseURL, locale: lang, timezoneId, extraHTTPHeaders: { 'Accept-Language': lang } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUTS.action);
  page.setDefaultNavigationTimeout(TIMEOUTS.navigation);
  const errors: string[] = [];
  page.on('console', (message) => {
    // Chromium logs every 4xx response; a form answering 401 or 400 is the app working.
    if (message.type() === 'error' && !/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) {
      errors.push(message.text());
    }
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return { page, errors };
}

/**
 * The `login` fixture: signs in through the real form and waits until the app has moved on
 * from /login (to `redirectTo` or the bases page).
 */
export async function login(page: Page, { email, password }: { email: string; password: string }): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith('/login')) await page.goto('/login');
  await page.getByLabel(/^(Email|邮箱)$/).fill(email);
  await page.getByLabel(/^(Password|密码)$/).fill(password);
  await page.getByRole('button', { name: /^(Sign in|登录)$/ }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}
