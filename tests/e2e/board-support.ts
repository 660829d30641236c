import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { login, openPage, type TestPage } from '../support/browser.ts';
import { PASSWORD, type SignedUp } from '../support/fixtures.ts';
import type { startTestServer } from '../support/test-server.ts';
import type { GridTeam } from './grid-support.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** A view of the seeded table, created through the API; returns its id. */
export async function createView(team: GridTeam, body: Record<string, unknown>): Promise<string> {
  const res = await team.owner.client.post(`/tables/${team.tableId}/views`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.id as string;
}

/** A field added to the seeded table; returns its id. */
export async function addField(team: GridTeam, body: Record<string, unknown>): Promise<string> {
  const res = await team.owner.client.post(`/tables/${team.tableId}/fields`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

/** Sets values of the seeded records, keyed by field id, one record at a time in `values`' order. */
export async function setValues(team: GridTeam, values: Array<Record<string, unknown>>): Promise<void> {
  const records = values.map((fields, i) => ({ id: team.recordIds[i]!, fields }));
  const res = await team.owner.client.patch(`/tables/${team.tableId}/records`, { records });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

/** A signed-in page on one view of the table, once `ready` (a selector) shows. */
export async function openView(browser: Browser, server: Server, team: GridTeam, who: SignedUp, viewId: string, ready: string, lang = 'en-US'): Promise<TestPage> {
  const opened = await openPage(browser, server.url, { lang });
  await opened.page.setViewportSize({ width: 1400, height: 900 });
  const target = `/bases/${team.baseId}/tables/${team.tableId}?view=${viewId}`;
  await opened.page.goto(`/login?redirectTo=${encodeURIComponent(target)}`);
  await login(opened.page, { email: who.user.email, password: PASSWORD });
  await opened.page.waitForURL(`**/tables/${team.tableId}?view=${viewId}`);
  await opened.page.locator(ready).first().waitFor();
  return opened;
}
