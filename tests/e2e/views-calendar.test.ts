import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../app/components/calendar/calendar-dates.ts';
import { launchBrowser, type TestPage } from '../support/browser.ts';
import { startTestServer } from '../support/test-server.ts';
import { addField, createView, openView, setValues } from './board-support.ts';
import { dbValue, POLL, requireUiBuild, seedGridTeam, type GridTeam } from './grid-support.ts';

type Server = Awaited<ReturnType<typeof startTestServer>>;

const day = (page: Page, date: string) => page.locator(`.calendar-day[data-day="${date}"]`);
const entry = (page: Page, recordId: string) => page.locator(`.calendar-entry[data-record-id="${recordId}"]`);

describe('calendar: follow-ups by day', () => {
  let server: Server;
  let browser: Browser;
  let team: GridTeam;
  let followUp: string;
  let meeting: string;
  let month: string;
  let viewId: string;
  let mei: TestPage;
  beforeAll(async () => {
    requireUiBuild();
    server = await startTestServer({}, { ui: 'build' });
    browser = await launchBrowser();
    team = await seedGridTeam(server, 8);
    const base = await team.owner.client.get(`/bases/${team.baseId}`);
    month = todayIn(base.body.timeZone as string).slice(0, 7);
    followUp = await addField(team, { name: 'Follow-up', type: 'date' });
    meeting = await addField(team, { name: 'Meeting', type: 'date', options: { includeTime: true } });
    // Customer 0 on the 10th; customers 1–5 all on the 12th (more than a month cell shows).
    await setValues(team, Array.from({ length: 6 }, (_, i) => ({ 'Follow-up': `${month}-${i === 0 ? '10' : '12'}`, Meeting: `${month}-11T09:30:00` })));
    viewId = await createView(team, { name: 'Follow-ups', type: 'calendar', dateField: 'Follow-up' });
    mei = await openView(browser, server, team, team.owner, viewId, '.calendar-entry');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows records on their day, with "+N more" when a day is full', async () => {
    expect(await day(mei.page, `${month}-10`).locator(`.calendar-entry[data-record-id="${team.recordIds[0]}"]`).textContent()).toBe('Customer 0');
    const full = day(mei.page, `${month}-12`);
    expect(await full.locator('.calendar-entry').count()).toBe(3);
    await full.getByRole('button', { name: '+2 more' }).click();
    expect(await full.locator('.calendar-entry').count()).toBe(5);
    // Records without a date are not on the calendar.
    expect(await entry(mei.page, team.recordIds[7]!).count()).toBe(0);
  });

  it('moves a record dragged to another day through the write path', async () => {
    const recordId = team.recordIds[0]!;
    await entry(mei.page, recordId).dragTo(day(mei.page, `${month}-20`));
    await expect.poll(() => day(mei.page, `${month}-20`).locator(`.calendar-entry[data-record-id="${recordId}"]`).count(), POLL).toBe(1);
    await expect.poll(() => dbValue(server, team.tableId, followUp, recordId), POLL).toBe(`${month}-20`);
    const history = await team.owner.client.get(`/tables/${team.tableId}/records/${recordId}/history`);
    const change = (history.body.history as Array<{ changes: Record<string, unknown[]>; origin: string }>).find((h) => h.changes[followUp]);
    expect(change?.changes[followUp]).toEqual([`${month}-10`, `${month}-20`]);
  });

  it('keeps the time of day when a timed record moves, and shows the time in week view', async () => {
    const timed = await createView(team, { name: 'Meetings', type: 'calendar', dateField: 'Meeting' });
    const page = await openView(browser, server, team, team.owner, timed, '.calendar-entry');
    try {
      const recordId = team.recordIds[2]!;
      const before = dbValue(server, team.tableId, meeting, recordId) as string;
      await entry(page.page, recordId).dragTo(day(page.page, `${month}-15`));
      await expect.poll(() => dbValue(server, team.tableId, meeting, recordId), POLL).not.toBe(before);
      const after = dbValue(server, team.tableId, meeting, recordId) as string;
      expect(Date.parse(after) - Date.parse(before)).toBe(4 * 86_400_000);
      await page.page.getByRole('combobox', { name: 'Month' }).selectOption('week');
      expect(page.errors).toEqual([]);
    } finally {
      await page.page.context().close();
    }
  });

  it('asks only for the visible range, and moves between months', async () => {
    const asked: string[] = [];
    mei.page.on('request', (request) => { if (request.url().includes('/calendar?')) asked.push(request.url()); });
    await mei.page.getByRole('button', { name: 'Next' }).click();
    await expect.poll(() => asked.length, POLL).toBeGreaterThan(0);
    const url = new URL(asked.at(-1)!);
    const from = url.searchParams.get('from')!;
    const to = url.searchParams.get('to')!;
    expect((Date.parse(to) - Date.parse(from)) / 86_400_000).toBeLessThanOrEqual(42);
    expect(await mei.page.locator('.calendar-entry').count()).toBe(0);
    await mei.page.getByRole('button', { name: 'Today' }).click();
    await mei.page.locator('.calendar-entry').first().waitFor();
    expect(mei.errors).toEqual([]);
  });
});
