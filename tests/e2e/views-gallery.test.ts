import { describe, expect, it } from 'vitest';
import { addField, createView, openView, setValues } from './board-support.ts';
import { useGridSession } from './grid-support.ts';

describe('gallery: customers as cards', () => {
  const session = useGridSession({ rows: 300 });

  it('renders cards with the chosen fields in the view order, only those in view, and opens one', async () => {
    const viewId = await createView(session.team, {
      name: 'Cards', type: 'gallery', cardFields: ['Stage', 'Score'], sorts: [{ field: 'Score', direction: 'desc' }],
      filter: { conjunction: 'and', conditions: [{ field: 'Score', operator: '>=', value: 100 }] },
    });
    const { page, errors } = await openView(session.browser, session.server, session.team, session.team.owner, viewId, '.gallery-card[data-record-id]', 'zh-CN');
    const first = page.locator('.gallery-card[data-record-id]').first();
    expect(await first.locator('.board-card-title').textContent()).toBe('Customer 299');
    expect(await first.locator(`[data-field-id="${session.team.field.Stage}"]`).textContent()).toContain('Lead');
    expect(await first.locator(`[data-field-id="${session.team.field.Score}"]`).textContent()).toContain('2,990');
    // 290 records pass the filter; the DOM holds only the cards near the viewport.
    expect(await page.locator('.board-toolbar').textContent()).toContain('290');
    const rendered = await page.locator('.gallery-card').count();
    expect(rendered).toBeGreaterThan(4);
    expect(rendered).toBeLessThan(100);
    await first.click();
    await page.locator('.record-panel').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows the first image of the cover field on top of the card', async () => {
    const photo = await addField(session.team, { name: 'Photo', type: 'attachment' });
    // A 1×1 PNG, uploaded as a person would, then set on the first customer.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC', 'base64');
    // Raw bytes: the JSON ApiClient would stringify a Buffer.
    const response = await fetch(`${session.server.url}/api/v1/bases/${session.team.baseId}/attachments?filename=logo.png`, {
      method: 'POST', body: png, headers: { 'Content-Type': 'image/png', Cookie: session.team.owner.client.cookie! }, signal: AbortSignal.timeout(10_000),
    });
    const upload = { status: response.status, body: await response.json() };
    expect(upload.status, JSON.stringify(upload.body)).toBe(201);
    await setValues(session.team, [{ Photo: [upload.body] }]);
    const viewId = await createView(session.team, { name: 'Covers', type: 'gallery', coverField: photo, cardFields: ['Score'] });
    const { page, errors } = await openView(session.browser, session.server, session.team, session.team.owner, viewId, '.gallery-card[data-record-id]');
    const first = page.locator(`.gallery-card[data-record-id="${session.team.recordIds[0]}"]`);
    await expect.poll(() => first.locator('.board-card-cover img').evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: 5000, interval: 50 }).toBe(1);
    expect(await first.locator('.board-card-cover img').getAttribute('src')).toBe(upload.body.url);
    // A card without a file keeps the cover's space, so every card is the same height.
    expect(await page.locator(`.gallery-card[data-record-id="${session.team.recordIds[1]}"] .board-card-cover img`).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
