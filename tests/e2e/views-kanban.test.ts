import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestPage } from '../support/browser.ts';
import { addField, createView, openView, setValues } from './board-support.ts';
import { POLL, useGridSession } from './grid-support.ts';

const stack = (page: Page, key: string) => page.locator(`.kanban-stack[data-stack-key="${key}"]`);
const card = (page: Page, key: string, recordId: string) => stack(page, key).locator(`.kanban-card[data-record-id="${recordId}"]`);
const idsIn = (page: Page, key: string) => stack(page, key).locator('.kanban-card').evaluateAll((cards) =>
  cards.sort((a, b) => (a as HTMLElement).offsetTop - (b as HTMLElement).offsetTop).map((c) => c.getAttribute('data-record-id')));
const headerText = async (page: Page, key: string, part: 'count' | 'sum') => ((await stack(page, key).getByTestId(`stack-${part}`).textContent()) ?? '').trim();
const keyOf = (value: string) => `v${Buffer.from(value).toString('base64url')}`;
const LEAD = keyOf('Lead');
const WON = keyOf('Won');

describe('kanban: a pipeline shared live', () => {
  const session = useGridSession({ rows: 6 });
  let amount: string;
  let viewId: string;
  let mei: TestPage;
  let wang: TestPage;
  beforeAll(async () => {
    amount = await addField(session.team, { name: 'Amount', type: 'currency', options: { symbol: '¥', precision: 2 } });
    // Customers 0–3 are leads, 4 and 5 won; amounts 1,000 … 6,000.
    await setValues(session.team, Array.from({ length: 6 }, (_, i) => ({ Amount: (i + 1) * 1000, Stage: i < 4 ? 'Lead' : 'Won' })));
    viewId = await createView(session.team, { name: 'Pipeline', type: 'kanban', stackField: 'Stage', sumField: 'Amount', cardFields: ['Score', 'Amount'] });
    [mei, wang] = await Promise.all([
      openView(session.browser, session.server, session.team, session.team.owner, viewId, '.kanban-card'),
      openView(session.browser, session.server, session.team, session.team.editor, viewId, '.kanban-card'),
    ]);
  });

  it('shows stacks in choice order with counts, sums and the chosen card fields', async () => {
    const keys = await mei.page.locator('.kanban-stack').evaluateAll((stacks) => stacks.map((s) => s.getAttribute('data-stack-key')));
    expect(keys).toEqual(['empty', LEAD, WON]);
    expect(await headerText(mei.page, LEAD, 'count')).toBe('4');
    expect(await headerText(mei.page, LEAD, 'sum')).toContain('10,000.00');
    expect(await headerText(mei.page, WON, 'sum')).toContain('11,000.00');
    const first = card(mei.page, LEAD, session.team.recordIds[0]!);
    expect(await first.locator('.board-card-title').textContent()).toBe('Customer 0');
    expect(await first.locator(`[data-field-id="${amount}"]`).textContent()).toContain('1,000.00');
    expect(await first.locator(`[data-field-id="${session.team.field.Score}"]`).textContent()).toContain('0');
  });

  it("moves a card dragged by one person on the other's board, with counts and sums", async () => {
    const recordId = session.team.recordIds[1]!;
    await card(wang.page, LEAD, recordId).dragTo(stack(wang.page, WON).locator('.kanban-stack-body'), { targetPosition: { x: 100, y: 5 } });
    // The other person's board: the card leaves Lead and shows in Won, the headers follow.
    await expect.poll(() => card(mei.page, WON, recordId).count(), POLL).toBe(1);
    await expect.poll(() => card(mei.page, LEAD, recordId).count(), POLL).toBe(0);
    await expect.poll(() => headerText(mei.page, LEAD, 'count'), POLL).toBe('3');
    await expect.poll(() => headerText(mei.page, WON, 'count'), POLL).toBe('3');
    await expect.poll(() => headerText(mei.page, WON, 'sum'), POLL).toContain('13,000.00');
    await expect.poll(() => headerText(mei.page, LEAD, 'sum'), POLL).toContain('8,000.00');
    // Dropped at the top of Won.
    expect((await idsIn(mei.page, WON))[0]).toBe(recordId);
    // Through the write path: the record changed, by the editor, as a person's edit.
    const record = await session.team.owner.client.get(`/tables/${session.team.tableId}/records/${recordId}`);
    expect(record.body.fields.Stage).toBe('Won');
    const history = await session.team.owner.client.get(`/tables/${session.team.tableId}/records/${recordId}/history`);
    const change = (history.body.history as Array<{ changes: Record<string, unknown[]>; origin: string; actorId: string }>).find((h) => h.changes[session.team.field.Stage]);
    expect(change).toMatchObject({ origin: 'user', actorId: session.team.editor.user.id });
  });

  it('reorders within a stack by hand, for everyone', async () => {
    const before = await idsIn(wang.page, LEAD);
    const last = before.at(-1)!;
    await card(wang.page, LEAD, last).dragTo(stack(wang.page, LEAD).locator('.kanban-stack-body'), { targetPosition: { x: 100, y: 3 } });
    const expected = [last, ...before.slice(0, -1)];
    await expect.poll(() => idsIn(wang.page, LEAD), POLL).toEqual(expected);
    await expect.poll(() => idsIn(mei.page, LEAD), POLL).toEqual(expected);
    const api = await session.team.owner.client.get(`/tables/${session.team.tableId}/stacks?view=${viewId}&cards=10`);
    const lead = api.body.stacks.find((s: { key: string }) => s.key === LEAD);
    expect(lead.cards.map((c: { id: string }) => c.id)).toEqual(expected);
  });

  it('opens a card with Enter, and moves it with Alt+arrow keys', async () => {
    const recordId = (await idsIn(mei.page, LEAD))[0]!;
    await card(mei.page, LEAD, recordId).focus();
    await mei.page.keyboard.press('Enter');
    await mei.page.locator('.record-panel').waitFor();
    await mei.page.keyboard.press('Escape');
    await card(mei.page, LEAD, recordId).focus();
    await mei.page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => card(wang.page, WON, recordId).count(), POLL).toBe(1);
    expect(mei.errors).toEqual([]);
  });

  it('adds a card in a stack with that stack’s value', async () => {
    const before = Number(await headerText(mei.page, WON, 'count'));
    await stack(mei.page, WON).getByRole('button', { name: /Add a card to Won/ }).click();
    await mei.page.locator('.record-panel').waitFor();
    await expect.poll(() => headerText(wang.page, WON, 'count'), POLL).toBe(String(before + 1));
    const api = await session.team.owner.client.get(`/tables/${session.team.tableId}/stacks?view=${viewId}`);
    expect(api.body.stacks.find((s: { key: string }) => s.key === WON).count).toBe(before + 1);
    await mei.page.keyboard.press('Escape');
  });

  it('shows a field on every card once it is ticked in the card settings', async () => {
    await mei.page.getByRole('button', { name: 'Customize cards' }).click();
    await mei.page.getByRole('dialog', { name: 'Card settings' }).getByRole('checkbox', { name: 'Done' }).check();
    await expect.poll(() => mei.page.locator(`.kanban-card [data-field-id="${session.team.field.Done}"]`).count(), POLL).toBeGreaterThan(0);
    // Saved to the view, so the other person's cards show it too.
    await expect.poll(() => wang.page.locator(`.kanban-card [data-field-id="${session.team.field.Done}"]`).count(), POLL).toBeGreaterThan(0);
    await mei.page.keyboard.press('Escape');
  });

  it('lets a viewer look but not drag', async () => {
    const li = await openView(session.browser, session.server, session.team, session.team.viewer, viewId, '.kanban-card');
    try {
      const draggable = await li.page.locator('.kanban-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('draggable')));
      expect(draggable.length).toBeGreaterThan(0);
      expect(draggable.every((value) => value === 'false')).toBe(true);
      expect(await li.page.locator('.kanban-add').count()).toBe(0);
    } finally {
      await li.page.context().close();
    }
  });

  it('asks for a stack field when the view has none, and stacks by the one chosen', async () => {
    const plain = await createView(session.team, { name: 'New board', type: 'kanban' });
    const page = await openView(session.browser, session.server, session.team, session.team.owner, plain, '.board-setup');
    try {
      await page.page.getByRole('button', { name: 'Use Stage' }).click();
      await page.page.locator('.kanban-card').first().waitFor();
      const views = await session.team.owner.client.get(`/tables/${session.team.tableId}/views`);
      expect(views.body.views.find((v: { id: string }) => v.id === plain).stackField).toBe(session.team.field.Stage);
    } finally {
      await page.page.context().close();
    }
  });
});
