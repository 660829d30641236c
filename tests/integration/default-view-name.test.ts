import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBase, signUp, tokenClient, uniqueEmail } from '../support/fixtures.ts';
import { startTestServer } from '../support/test-server.ts';
import { importFile } from './import-support.ts';

// A new table's first view is named in the creating user's language (their account locale).

let tessera: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  tessera = await startTestServer();
});
afterAll(async () => tessera.close());

async function personWithLocale(name: string, locale: 'en' | 'zh-CN' | null) {
  const { client } = await signUp(tessera.url, name, uniqueEmail('locale'));
  if (locale) expect((await client.patch('/auth/me', { locale })).status).toBe(200);
  return client;
}

describe('the default view of a new table', () => {
  it('is "表格视图" for a Chinese user, "Grid view" for an English one and for one who never chose', async () => {
    for (const [locale, expected] of [['zh-CN', '表格视图'], ['en', 'Grid view'], [null, 'Grid view']] as const) {
      const client = await personWithLocale(`User ${locale}`, locale);
      const base = await createBase(client, '客户');
      const res = await client.post(`/bases/${base.id}/tables`, { name: '客户' });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.views).toMatchObject([{ name: expected, type: 'grid', personal: false }]);
    }
  });

  it('keeps its name when the user later changes language, and names an imported table\'s view too', async () => {
    const client = await personWithLocale('李雷', 'zh-CN');
    const base = await createBase(client, '销售');
    const created = await client.post(`/bases/${base.id}/tables`, { name: '线索' });
    expect((await client.patch('/auth/me', { locale: 'en' })).status).toBe(200);
    const listed = await client.get(`/bases/${base.id}/tables`);
    expect(listed.body.tables.find((t: { id: string }) => t.id === created.body.id).views[0].name).toBe('表格视图');

    expect((await client.patch('/auth/me', { locale: 'zh-CN' })).status).toBe(200);
    const script = await tokenClient(client);
    const csv = new TextEncoder().encode('客户名称,城市\n杭州领航,杭州\n');
    const job = await importFile(script, base.id, { name: '客户.csv', bytes: csv });
    expect(job.status).toBe('done');
    const tables = (await client.get(`/bases/${base.id}/tables`)).body.tables as Array<{ id: string; views: Array<{ name: string }> }>;
    expect(tables.find((t) => t.id === job.tables[0].id)!.views.map((v) => v.name)).toEqual(['表格视图']);
  });
});
