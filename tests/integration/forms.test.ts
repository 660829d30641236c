import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setFormRateLimits } from '../../server/forms/index.ts';
import { expectError, postTable } from '../support/fixtures.ts';
import { seedTeam, type Team } from '../support/seed.ts';
import { ApiClient, startTestServer } from '../support/test-server.ts';

// Form share links: what a visitor's browser or a website's script sends, without a token.

let tessera: Awaited<ReturnType<typeof startTestServer>>;
let team: Team;
let tableId: string;
let field: Record<string, string>;
let anonymous: ApiClient;

beforeAll(async () => {
  tessera = await startTestServer();
  // These tests submit far more than a visitor would; the limit has its own test below.
  setFormRateLimits(tessera.ctx, { buckets: [{ capacity: 1000, perMs: 60_000 }], maxClients: 100 });
  team = seedTeam(tessera);
  anonymous = new ApiClient(tessera.url);
  ({ id: tableId, field } = await postTable(team.owner.api, team.baseId, {
    name: 'Leads',
    fields: [
      { name: 'Company', type: 'singleLineText' },
      { name: 'Email', type: 'email' },
      { name: 'Employees', type: 'number' },
      { name: 'Source', type: 'singleSelect', options: { choices: [{ name: 'Website' }, { name: 'Fair' }] } },
      { name: 'Interests', type: 'multipleSelects', options: { choices: [{ name: 'CRM' }, { name: 'ERP' }] } },
      { name: 'Internal score', type: 'number' },
      { name: 'Campaign', type: 'singleLineText' },
      { name: 'Owner', type: 'user' },
      { name: 'Agreed', type: 'checkbox' },
      { name: 'Visit', type: 'date' },
      { name: 'Created', type: 'createdTime' },
    ],
  }));
});
afterAll(() => tessera.close());

/** A form view over Leads, built by the editor; returns its share id. */
async function createForm(form: Record<string, unknown>): Promise<{ id: string; shareId: string }> {
  const res = await team.editor.api.post(`/tables/${tableId}/views`, { name: `Form ${Math.random()}`, type: 'form', form });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.shareId).toMatch(/^shr/);
  return { id: res.body.id, shareId: res.body.shareId };
}

const leadForm = {
  title: 'Talk to sales',
  fields: [
    { field: 'Company', label: 'Your company', required: true, help: 'As on your business licence' },
    { field: 'Email', required: true },
    { field: 'Employees' },
    { field: 'Source' },
    { field: 'Interests' },
    { field: 'Campaign', hidden: true },
    { field: 'Agreed' },
    { field: 'Visit' },
  ],
  thankYouMessage: 'Thanks, we will call you.',
};

const countRows = () => (tessera.ctx.db.sqlite.prepare(`SELECT count(*) AS n FROM t_${tableId}`).get() as { n: number }).n;

describe('describing a form', () => {
  it('shows only the questions: labels, help, required, types and choices, nothing else of the table', async () => {
    const { shareId } = await createForm(leadForm);
    const res = await anonymous.get(`/forms/${shareId}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ shareId, title: 'Talk to sales', access: 'public', thankYouMessage: 'Thanks, we will call you.' });
    expect(res.body.questions.map((q: { id: string }) => q.id)).toEqual(
      ['Company', 'Email', 'Employees', 'Source', 'Interests', 'Campaign', 'Agreed', 'Visit'].map((name) => field[name]),
    );
    expect(res.body.questions[0]).toEqual({
      id: field.Company, label: 'Your company', help: 'As on your business licence', required: true, hidden: false, type: 'singleLineText', options: {},
    });
    expect(res.body.questions[3].options.choices.map((c: { name: string }) => c.name)).toEqual(['Website', 'Fair']);
    const text = JSON.stringify(res.body);
    // The label replaces the field's own name; other fields, records and members stay out.
    for (const secret of ['"Company"', 'Internal score', field['Internal score'], 'Owner', team.owner.email, 'records', 'members']) {
      expect(text).not.toContain(secret);
    }
  });

  it('is 404 for an unknown link, a deleted form and a share id that is not a form', async () => {
    expectError(await anonymous.get('/forms/shrDoesNotExist'), 404, 'NOT_FOUND');
    expectError(await anonymous.get('/forms/not-a-share-id'), 404, 'NOT_FOUND');
    const { id, shareId } = await createForm(leadForm);
    expect((await team.editor.api.delete(`/tables/${tableId}/views/${id}`)).status).toBe(200);
    expectError(await anonymous.get(`/forms/${shareId}`), 404, 'NOT_FOUND');
    expectError(await anonymous.post(`/forms/${shareId}`, { fields: { Company: 'x' } }), 404, 'NOT_FOUND');
  });

  it('refuses to put fields a form cannot ask on it', async () => {
    const res = await team.editor.api.post(`/tables/${tableId}/views`, { name: 'Bad form', type: 'form', form: { fields: [{ field: 'Created' }] } });
    expectError(res, 400, 'INVALID_REQUEST');
    expect(res.body.error.message).toContain('Created');
  });
});

describe('submitting a form', () => {
  it('creates the record through the write path with origin form and no author', async () => {
    const { shareId } = await createForm(leadForm);
    const res = await anonymous.post(`/forms/${shareId}`, {
      fields: { [field.Company!]: '上海明远贸易', Email: 'li@mingyuan.cn', Employees: '120', Source: 'Fair', Interests: ['CRM', 'ERP'], Agreed: true, Visit: '2026-12-01' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.id).toMatch(/^rec\d+$/);
    const record = await team.owner.api.get(`/tables/${tableId}/records/${res.body.id}`);
    expect(record.body.fields).toMatchObject({
      Company: '上海明远贸易', Email: 'li@mingyuan.cn', Employees: 120, Source: 'Fair', Interests: ['CRM', 'ERP'], Agreed: true, Visit: '2026-12-01',
    });
    const history = await team.owner.api.get(`/tables/${tableId}/records/${res.body.id}/history`);
    expect(history.body.history).toHaveLength(1);
    expect(history.body.history[0]).toMatchObject({ action: 'create', origin: 'form', actorId: null });
  });

  it('refuses a missing required answer with 422 naming the field, and writes nothing', async () => {
    const { shareId } = await createForm(leadForm);
    const before = countRows();
    const res = await anonymous.post(`/forms/${shareId}`, { fields: { Company: '   ', Employees: '5' } });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.error.code).toBe('INVALID_VALUE');
    expect(Object.keys(res.body.errors).sort()).toEqual([field.Company, field.Email].sort());
    expect(res.body.errors[field.Company!]).toContain('Your company');
    expect(countRows()).toBe(before);
  });

  it('refuses a value of the wrong type, naming the field', async () => {
    const { shareId } = await createForm(leadForm);
    const before = countRows();
    const res = await anonymous.post(`/forms/${shareId}`, { fields: { Company: 'Acme', Email: 'not an email', Employees: 'lots', Visit: 'soon' } });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(Object.keys(res.body.errors).sort()).toEqual([field.Email, field.Employees, field.Visit].sort());
    expect(countRows()).toBe(before);
  });

  it('refuses fields that are not questions of the form, whether or not the table has them', async () => {
    const { shareId } = await createForm(leadForm);
    const before = countRows();
    const res = await anonymous.post(`/forms/${shareId}`, { fields: { Company: 'Acme', Email: 'a@b.cn', 'Internal score': 99, Nonsense: 1, [field.Created!]: '2020-01-01' } });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(Object.keys(res.body.errors).sort()).toEqual(['Internal score', 'Nonsense', field.Created].sort());
    expect(res.body.errors['Internal score']).toBe(res.body.errors.Nonsense.replace('Nonsense', 'Internal score'));
    expect(countRows()).toBe(before);
  });

  it('takes hidden questions from prefill keys', async () => {
    const { shareId } = await createForm(leadForm);
    const res = await anonymous.post(`/forms/${shareId}`, { fields: { Company: 'Acme', Email: 'a@acme.cn', prefill_Campaign: 'Canton Fair 2026' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const record = await team.owner.api.get(`/tables/${tableId}/records/${res.body.id}`);
    expect(record.body.fields.Campaign).toBe('Canton Fair 2026');
  });

  it('accepts only existing choices and never adds one', async () => {
    const { shareId } = await createForm(leadForm);
    const before = countRows();
    const bad = await anonymous.post(`/forms/${shareId}`, { fields: { Company: 'Acme', Email: 'a@acme.cn', Source: 'Spam', Interests: ['CRM', 'Casino'] } });
    expect(bad.status, JSON.stringify(bad.body)).toBe(422);
    expect(Object.keys(bad.body.errors).sort()).toEqual([field.Source, field.Interests].sort());
    expect(countRows()).toBe(before);
    const fields = await team.owner.api.get(`/bases/${team.baseId}/tables`);
    const source = fields.body.tables.find((t: { id: string }) => t.id === tableId).fields.find((f: { id: string }) => f.id === field.Source);
    expect(source.options.choices.map((c: { name: string }) => c.name)).toEqual(['Website', 'Fair']);
    // Case and width differences still find the choice, as in the grid.
    const good = await anonymous.post(`/forms/${shareId}`, { fields: { Company: 'Acme', Email: 'a@acme.cn', Source: 'website', Interests: 'ERP' } });
    expect(good.status, JSON.stringify(good.body)).toBe(201);
    const record = await team.owner.api.get(`/tables/${tableId}/records/${good.body.id}`);
    expect(record.body.fields).toMatchObject({ Source: 'Website', Interests: ['ERP'] });
  });

  it('keeps working when a field is renamed or deleted after the form was built', async () => {
    const { shareId } = await createForm({ fields: [{ field: 'Company', required: true }, { field: 'Campaign' }] });
    const extra = await team.owner.api.post(`/tables/${tableId}/fields`, { name: 'Budget', type: 'currency' });
    expect(extra.status, JSON.stringify(extra.body)).toBe(201);
    const { id } = await createForm({ fields: [{ field: 'Company' }, { field: 'Budget' }] });
    expect((await team.owner.api.patch(`/tables/${tableId}/fields/${field.Company}`, { name: 'Company name' })).status).toBe(200);
    const renamed = await anonymous.get(`/forms/${shareId}`);
    expect(renamed.body.questions[0]).toMatchObject({ id: field.Company, label: 'Company name', required: true });
    const submitted = await anonymous.post(`/forms/${shareId}`, { fields: { [field.Company!]: 'Renamed Co' } });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);

    expect((await team.owner.api.delete(`/tables/${tableId}/fields/${extra.body.id}`)).status).toBe(200);
    const view = await team.owner.api.get(`/tables/${tableId}/views/${id}`);
    expect(view.body.form.fields.map((q: { field: string }) => q.field)).toEqual([field.Company]);
    const form = (await team.owner.api.get(`/tables/${tableId}/views`)).body.views.find((v: { id: string }) => v.id === id);
    const after = await anonymous.post(`/forms/${form.shareId}`, { fields: { [field.Company!]: 'After delete', [extra.body.id]: 5 } });
    expect(after.status, JSON.stringify(after.body)).toBe(422);
    expect(Object.keys(after.body.errors)).toEqual([extra.body.id]);
    expect((await team.owner.api.patch(`/tables/${tableId}/fields/${field.Company}`, { name: 'Company' })).status).toBe(200);
  });

  it('has a body size limit', async () => {
    const { shareId } = await createForm(leadForm);
    const res = await anonymous.post(`/forms/${shareId}`, { fields: { Company: 'x'.repeat(100_000), Email: 'a@b.cn' } });
    expectError(res, 413, 'TOO_LARGE');
  });
});

describe('sign-in forms', () => {
  it('refuses anonymous visitors with 401 and strangers with 404, and records the member as the author', async () => {
    const { shareId } = await createForm({ access: 'signedIn', fields: [{ field: 'Company', required: true }, { field: 'Owner' }] });
    expectError(await anonymous.get(`/forms/${shareId}`), 401, 'UNAUTHENTICATED');
    expectError(await anonymous.post(`/forms/${shareId}`, { fields: { Company: 'x' } }), 401, 'UNAUTHENTICATED');
    expectError(await team.stranger.api.get(`/forms/${shareId}`), 404, 'NOT_FOUND');
    expectError(await team.stranger.api.post(`/forms/${shareId}`, { fields: { Company: 'x' } }), 404, 'NOT_FOUND');

    // A viewer cannot edit the table, but may fill in its sign-in form.
    const described = await team.viewer.api.get(`/forms/${shareId}`);
    expect(described.status, JSON.stringify(described.body)).toBe(200);
    expect(described.body.members.map((m: { id: string }) => m.id)).toContain(team.editor.id);
    const strangerAsOwner = await team.viewer.api.post(`/forms/${shareId}`, { fields: { Company: 'Acme', Owner: team.stranger.id } });
    expect(strangerAsOwner.status, JSON.stringify(strangerAsOwner.body)).toBe(422);
    const res = await team.viewer.api.post(`/forms/${shareId}`, { fields: { Company: 'Acme', Owner: team.editor.id } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const history = await team.owner.api.get(`/tables/${tableId}/records/${res.body.id}/history`);
    expect(history.body.history[0]).toMatchObject({ origin: 'form', actorId: team.viewer.id });
  });

  it('leaves user questions off public forms', async () => {
    const { shareId } = await createForm({ fields: [{ field: 'Company' }, { field: 'Owner' }] });
    const res = await anonymous.get(`/forms/${shareId}`);
    expect(res.body.questions.map((q: { id: string }) => q.id)).toEqual([field.Company]);
    expect(res.body.members).toBeUndefined();
    const refused = await anonymous.post(`/forms/${shareId}`, { fields: { Company: 'x', Owner: team.owner.id } });
    expect(refused.status).toBe(422);
    expect(Object.keys(refused.body.errors)).toEqual(['Owner']);
  });
});

describe('rate limit', () => {
  it('allows 10 submissions a minute per client, then 429 with Retry-After, writing nothing', async () => {
    const fresh = await startTestServer();
    try {
      const crew = seedTeam(fresh);
      const table = await crew.owner.api.post(`/bases/${crew.baseId}/tables`, { name: 'Leads', fields: [{ name: 'Company', type: 'singleLineText' }] });
      const view = await crew.owner.api.post(`/tables/${table.body.id}/views`, { name: 'Form', type: 'form', form: { fields: [{ field: 'Company' }] } });
      const visitor = new ApiClient(fresh.url);
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await visitor.post(`/forms/${view.body.shareId}`, { fields: { Company: `c${i}` } })).status);
      expect(statuses).toEqual(Array(10).fill(201));
      const limited = await visitor.post(`/forms/${view.body.shareId}`, { fields: { Company: 'one too many' } });
      expectError(limited, 429, 'RATE_LIMITED');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      const rows = fresh.ctx.db.sqlite.prepare(`SELECT count(*) AS n FROM t_${table.body.id}`).get() as { n: number };
      expect(rows.n).toBe(10);
    } finally {
      await fresh.close();
    }
  });
});
