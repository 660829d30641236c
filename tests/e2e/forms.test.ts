import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPage, TIMEOUTS, type TestPage } from '../support/browser.ts';
import { POLL, useGridSession } from './grid-support.ts';

/** Whether the page scrolls sideways: a phone-sized form must not. */
const overflowsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

describe('form views: build one, share it, fill it in signed out', () => {
  const session = useGridSession({ rows: 3 });
  let grid: TestPage;
  let formViewId: string;
  let shareId: string;

  beforeAll(async () => {
    const view = await session.team.owner.client.post(`/tables/${session.team.tableId}/views`, { name: 'Lead form', type: 'form' });
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    formViewId = view.body.id;
    shareId = view.body.shareId;
    // The owner keeps the grid open: the submitted record must show up there live.
    grid = await session.open(session.team.owner);
  }, 60_000);

  it('lets the owner build the form: add fields, label one and make it required', async () => {
    const builder = await grid.page.context().newPage();
    builder.setDefaultTimeout(TIMEOUTS.action);
    await builder.goto(`/bases/${session.team.baseId}/tables/${session.team.tableId}?view=${formViewId}`);
    const addField = builder.getByLabel('Add a field');
    await addField.selectOption({ label: 'Name' });
    await addField.selectOption({ label: 'Stage' });
    // Fields that fill themselves in are never offered.
    expect(await addField.locator('option').allTextContents()).toEqual(['Choose a field…', 'Score', 'Done']);
    const name = builder.locator(`.builder-question[data-field="${session.team.field.Name}"]`);
    await name.getByLabel('Label').fill('Company name');
    await name.getByLabel('Required').check();
    await builder.getByLabel('Title').fill('Talk to our sales team');
    await builder.getByText('All changes saved.').waitFor();
    // The preview shows the form as visitors will get it.
    await builder.locator('.builder-preview').getByLabel('Company name').waitFor();
    await expect.poll(async () => (await session.team.owner.client.get(`/tables/${session.team.tableId}/views/${formViewId}`)).body.form, POLL).toMatchObject({
      title: 'Talk to our sales team',
      fields: [{ field: session.team.field.Name, label: 'Company name', required: true }, { field: session.team.field.Stage }],
    });
    // Moving a question down saves the new order.
    await name.getByRole('button', { name: 'Move Company name down' }).click();
    await expect.poll(async () => (await session.team.owner.client.get(`/tables/${session.team.tableId}/views/${formViewId}`)).body.form.fields.map((q: { field: string }) => q.field), POLL)
      .toEqual([session.team.field.Stage, session.team.field.Name]);
    // The link gets the page's origin once the page is hydrated.
    await expect.poll(() => builder.getByRole('textbox', { name: 'Share link' }).inputValue(), POLL).toBe(`${session.server.url}/forms/${shareId}`);
    await builder.close();
  });

  it('shows the form read-only to a viewer', async () => {
    const viewer = await session.open(session.team.viewer);
    await viewer.page.goto(`/bases/${session.team.baseId}/tables/${session.team.tableId}?view=${formViewId}`);
    await viewer.page.getByText('Only editors can change this form.').waitFor();
    expect(await viewer.page.locator('.builder-question').first().getByLabel('Label').isDisabled()).toBe(true);
    expect(await viewer.page.getByLabel('Add a field').count()).toBe(0);
    // The link gets the page's origin once the page is hydrated.
    await expect.poll(() => viewer.page.getByRole('textbox', { name: 'Share link' }).inputValue(), POLL).toBe(`${session.server.url}/forms/${shareId}`);
    await viewer.page.context().close();
  });

  it('refuses a signed-out visitor on a phone without the required answer, then takes it and shows the thank-you', async () => {
    const visitor = await openPage(session.browser, session.server.url);
    await visitor.page.setViewportSize({ width: 375, height: 740 });
    const page = visitor.page;
    await page.goto(`/forms/${shareId}`);
    await page.getByRole('heading', { name: 'Talk to our sales team' }).waitFor();
    expect(await overflowsSideways(page)).toBe(false);

    await page.getByRole('radio', { name: 'Won' }).check();
    await page.getByRole('button', { name: 'Submit' }).click();
    const question = page.locator(`.form-question[data-question="${session.team.field.Name}"]`);
    await question.locator('.field-error').getByText('Please fill this in.').waitFor();
    // The other answer is kept, and the input says why it was refused.
    expect(await page.getByRole('radio', { name: 'Won' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Company name').getAttribute('aria-invalid')).toBe('true');
    expect(await overflowsSideways(page)).toBe(false);
    expect(await session.team.owner.client.get(`/tables/${session.team.tableId}/records`).then((res) => res.body.records.length)).toBe(3);

    await page.getByLabel('Company name').fill('Suzhou Silk Co');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByText('Thank you! Your answers were sent.').waitFor();
    expect(visitor.errors).toEqual([]);

    // In the owner's open grid, live, and through the API.
    await grid.page.locator('.ag-cell', { hasText: 'Suzhou Silk Co' }).waitFor({ timeout: POLL.timeout });
    const records = await session.team.owner.client.get(`/tables/${session.team.tableId}/records`);
    const created = records.body.records.find((record: { fields: { Name?: string } }) => record.fields.Name === 'Suzhou Silk Co');
    expect(created.fields).toMatchObject({ Name: 'Suzhou Silk Co', Stage: 'Won' });
    const history = await session.team.owner.client.get(`/tables/${session.team.tableId}/records/${created.id}/history`);
    expect(history.body.history[0]).toMatchObject({ origin: 'form', actorId: null });
    await page.context().close();
  });

  it('works without JavaScript, in the visitor’s language, with prefilled answers', async () => {
    const context = await session.browser.newContext({ baseURL: session.server.url, javaScriptEnabled: false, locale: 'zh-CN', extraHTTPHeaders: { 'Accept-Language': 'zh-CN,zh;q=0.9' } });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUTS.action);
    await page.goto(`/forms/${shareId}?prefill_Stage=Lead`);
    expect(await page.getByRole('radio', { name: 'Lead' }).isChecked()).toBe(true);
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('请填写此项。').waitFor();
    await page.getByLabel('Company name').fill('杭州茶叶有限公司');
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('谢谢！您的回答已提交。').waitFor();
    await context.close();
    const records = await session.team.owner.client.get(`/tables/${session.team.tableId}/records`);
    expect(records.body.records.find((record: { fields: { Name?: string } }) => record.fields.Name === '杭州茶叶有限公司')?.fields).toMatchObject({ Stage: 'Lead' });
  });

  it('goes to the form’s redirect address after a submission', async () => {
    const target = `${session.server.url}/login?from=form`;
    const res = await session.team.owner.client.patch(`/tables/${session.team.tableId}/views/${formViewId}`, { form: { fields: [{ field: 'Name', required: true }], redirectUrl: target } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const visitor = await openPage(session.browser, session.server.url);
    await visitor.page.goto(`/forms/${shareId}`);
    await visitor.page.getByLabel('Name').fill('Ningbo Ports Ltd');
    await visitor.page.getByRole('button', { name: 'Submit' }).click();
    await visitor.page.waitForURL(target);
    await visitor.page.context().close();
  });

  it('sends people who are not signed in to the login page for a sign-in form', async () => {
    const res = await session.team.owner.client.patch(`/tables/${session.team.tableId}/views/${formViewId}`, { form: { access: 'signedIn', fields: [{ field: 'Name', required: true }] } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const visitor = await openPage(session.browser, session.server.url);
    await visitor.page.goto(`/forms/${shareId}`);
    await visitor.page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('redirectTo') === `/forms/${shareId}`);
    await visitor.page.context().close();
  });
});
