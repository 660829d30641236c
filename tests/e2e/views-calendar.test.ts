import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../app/components/calendar/calendar-dates.ts';
import type { TestPage } from '../support/browser.ts';
import { addField, createView, openView, setValues } from './board-support.ts';
import { dbValue, POLL, useGridSession } from './grid-support.ts';

const day = (page: Page, date: string) => page.locator(`.calendar-day[data-day="${date}"]`);
const entry = (page: Page, recordId: string) => page.locator(`.calendar-entry[data-record-id="${recordId}"]`);

describe('calendar: follow-ups by day', () => {
  const session = useGridSession();
  let followUp: string;
  let meeting: string;
  let month: string;
  let viewId: string;
  let mei: TestPage;
  beforeAll(async () => {
    const base = await session.team.owner.client.get(`/bases/${session.team.baseId}`);
    month = todayIn(base.body.timeZone as string).slice(0, 7);
    followUp = await addField(session.team, { name: 'Follow-up', type: 'date' });
    meeting = await addField(session.team, { name: 'Meeting', type: 'date', options: { includeTime: true } });
    // Customer 0 on the 10th; customers 1–5 all on the 12th (more than a month cell shows).
    await setValues(session.team, Array.from({ length: 6 }, (_, i) => ({ 'Follow-up': `${month}-${i === 0 ? '10' : '12'}`, Meeting: `${month}-11T09:30:00` })));
    viewId = await createView(session.team, { name: 'Follow-ups', type: 'calendar', dateField: 'Follow-up' });
    mei = await openView(session.browser, session.server, session.team, session.team.owner, viewId, '.calendar-entry');
  });

  it('shows records on their day, with "+N more" when a day is full', async () => {
    expect(await day(mei.page, `${month}-10`).locator(`.calendar-entry[data-record-id="${session.team.recordIds[0]}"]`).textContent()).toBe('Customer 0');
    const full = day(mei.page, `${month}-12`);
    expect(await full.locator('.calendar-entry').count()).toBe(3);
    await full.getByRole('button', { name: '+2 more' }).click();
    expect(await full.locator('.calendar-entry').count()).toBe(5);
    // Records without a date are not on the calendar.
    expect(await entry(mei.page, session.team.recordIds[7]!).count()).toBe(0);
  });

  it('moves a record dragged to another day through the write path', async () => {
    const recordId = session.team.recordIds[0]!;
    await entry(mei.page, recordId).dragTo(day(mei.page, `${month}-20`));
    await expect.poll(() => day(mei.page, `${month}-20`).locator(`.calendar-entry[data-record-id="${recordId}"]`).count(), POLL).toBe(1);
    await expect.poll(() => dbValue(session.server, session.team.tableId, followUp, recordId), POLL).toBe(`${month}-20`);
    const history = await session.team.owner.client.get(`/tables/${session.team.tableId}/records/${recordId}/history`);
    const change = (history.body.history as Array<{ changes: Record<string, unknown[]>; origin: string }>).find((h) => h.changes[followUp]);
    expect(change?.changes[followUp]).toEqual([`${month}-10`, `${month}-20`]);
  });

  it('keeps the time of day when a timed record moves, and shows the time in week view', async () => {
    const timed = await createView(session.team, { name: 'Meetings', type: 'calendar', dateField: 'Meeting' });
    const page = await openView(session.browser, session.server, session.team, session.team.owner, timed, '.calendar-entry');
    try {
      const recordId = session.team.recordIds[2]!;
      const before = dbValue(session.server, session.team.tableId, meeting, recordId) as string;
      await entry(page.page, recordId).dragTo(day(page.page, `${month}-15`));
      await expect.poll(() => dbValue(session.server, session.team.tableId, meeting, recordId), POLL).not.toBe(before);
      const after = dbValue(session.server, session.team.tableId, meeting, recordId) as string;
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
