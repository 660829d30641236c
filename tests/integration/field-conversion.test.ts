import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer } from '../support/test-server.ts';
import { seedTeam, type Team } from '../support/seed.ts';
import { findHistory, toStoredRecord, writeRecords, type RawRow } from '../../server/records/index.ts';
import { loadTableSchema } from '../../server/tables/index.ts';
import { listTableIndexes } from '../../server/views/index.ts';
import type { RecordBatchCommitted } from '../../server/events/index.ts';

let tessera: Awaited<ReturnType<typeof startTestServer>>;
let team: Team;

beforeAll(async () => {
  tessera = await startTestServer();
  team = seedTeam(tessera);
});
afterAll(async () => {
  await tessera?.close();
});

interface Fixture {
  tableId: string;
  fieldId: string;
  ids: number[];
  patch(body: unknown): Promise<{ status: number; body: any }>;
  values(): unknown[];
  versions(): number[];
  columnType(): string | undefined;
  historyOf(index: number): Array<{ origin: string; changes: Record<string, [unknown, unknown]> }>;
  historyCount(): number;
}

/** A table with a primary "Name" and one field `type` holding `values` (one record each, typecast). */
async function fixture(type: string, options: unknown, values: unknown[]): Promise<Fixture> {
  const res = await team.owner.api.post(`/bases/${team.baseId}/tables`, {
    name: `T ${Math.random().toString(36).slice(2)}`,
    fields: [{ name: 'Name', type: 'singleLineText' }, { name: 'Value', type, options }],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const tableId: string = res.body.id;
  const fieldId: string = res.body.fields[1].id;
  const creates = values.map((value, i) => ({ [res.body.fields[0].id]: `r${i + 1}`, [fieldId]: value }));
  const ids = writeRecords(tessera.ctx, { tableId, creates }, { origin: 'api', typecast: true }).created.map((r) => r.id);
  const db = tessera.ctx.db.sqlite;
  const rows = () => db.prepare(`SELECT * FROM "t_${tableId}" ORDER BY id`).all() as RawRow[];
  return {
    tableId,
    fieldId,
    ids,
    patch: (body) => team.owner.api.patch(`/tables/${tableId}/fields/${fieldId}`, body),
    values: () => {
      const schema = loadTableSchema(tessera.ctx, tableId);
      return rows().map((row) => toStoredRecord(schema, row).values[fieldId]);
    },
    versions: () => rows().map((row) => row.version),
    columnType: () => (db.prepare('SELECT type FROM pragma_table_info(?) WHERE name = ?').get(`t_${tableId}`, `f_${fieldId}`) as { type: string } | undefined)?.type,
    historyOf: (index) => findHistory(tessera.ctx.db, tableId, ids[index]!),
    historyCount: () => (db.prepare('SELECT count(*) AS n FROM record_history WHERE table_id = ?').get(tableId) as { n: number }).n,
  };
}

const rec = (f: Fixture, index: number) => `rec${f.ids[index]}`;

describe('type changes convert every value in one go', () => {
  it('text → number: reports what failed and keeps it in the record history', async () => {
    const f = await fixture('singleLineText', {}, ['12', '1,234.5', 'call back', null, '¥88']);
    const events: RecordBatchCommitted[] = [];
    const stop = tessera.ctx.events.on('records', (event) => events.push(event));
    const res = await f.patch({ type: 'number' });
    stop();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      field: { id: f.fieldId, name: 'Value', type: 'number', options: {}, description: null },
      conversion: { converted: 3, failed: [{ recordId: rec(f, 2), value: 'call back', reason: '"call back" is not a number' }], failedCount: 1 },
    });
    expect(f.values()).toEqual([12, 1234.5, null, null, 88]);
    expect(f.columnType()).toBe('REAL');
    expect(f.versions()).toEqual([2, 2, 2, 1, 2]);
    expect(f.historyOf(2)[0]).toMatchObject({ origin: 'schema', actorId: team.owner.id, changes: { [f.fieldId]: ['call back', null] } });
    expect(f.historyOf(0)[0]!.changes).toEqual({ [f.fieldId]: ['12', 12] });
    expect(f.historyOf(3)).toHaveLength(1); // its creation only
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ tableId: f.tableId, origin: 'schema', actorId: team.owner.id });
    expect(events[0]!.changes.map((c) => c.recordId)).toEqual([f.ids[0], f.ids[1], f.ids[2], f.ids[4]]);
    const columns = tessera.ctx.db.sqlite.prepare('SELECT name FROM pragma_table_info(?)').all(`t_${f.tableId}`) as Array<{ name: string }>;
    expect(columns.filter((c) => c.name.includes('__old_'))).toEqual([]);
  });

  it('rebuilds the index a view made on the field as the new type needs it', async () => {
    const f = await fixture('singleLineText', {}, ['3', '1', '2']);
    const view = await team.owner.api.post(`/tables/${f.tableId}/views`, { name: 'By value', type: 'grid', sorts: [{ field: f.fieldId }] });
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    const before = listTableIndexes(tessera.ctx.db, f.tableId);
    expect(before.map((index) => index.name)).toEqual([`ix_${f.tableId}_${f.fieldId}_nocase`]);
    expect((await f.patch({ type: 'number' })).status).toBe(200);
    expect(f.columnType()).toBe('REAL');
    // Numbers sort by the bare column: the NOCASE index gave way to a plain one.
    expect(listTableIndexes(tessera.ctx.db, f.tableId).map((index) => index.name)).toEqual([`ix_${f.tableId}_${f.fieldId}`]);
    const plan = tessera.ctx.db.sqlite.prepare(`EXPLAIN QUERY PLAN SELECT id FROM "t_${f.tableId}" ORDER BY "f_${f.fieldId}" NULLS LAST, id`).all();
    expect(JSON.stringify(plan)).toContain(`ix_${f.tableId}_${f.fieldId}`);
    expect(JSON.stringify(plan)).not.toContain('TEMP B-TREE');
  });

  it('text → single select: distinct values become choices, matched ignoring case', async () => {
    const f = await fixture('singleLineText', {}, ['Hot', 'Cold', 'hot', null, 'Hot']);
    const res = await f.patch({ type: 'singleSelect' });
    expect(res.status).toBe(200);
    expect(res.body.field.options.choices.map((c: any) => [c.name, c.color])).toEqual([['Hot', 'blue'], ['Cold', 'cyan']]);
    expect(res.body.conversion).toEqual({ converted: 4, failed: [], failedCount: 0 });
    expect(f.values()).toEqual(['Hot', 'Cold', 'Hot', null, 'Hot']);
    // Equal values are kept as they are: no version bump, no history.
    expect(f.versions()).toEqual([1, 1, 2, 1, 1]);
    expect(f.historyOf(2)[0]!.changes).toEqual({ [f.fieldId]: ['hot', 'Hot'] });
  });

  it('number, currency and percent → text read as they are shown, without separators', async () => {
    const n = await fixture('number', {}, [1234.5, 13800138000, null]);
    expect((await n.patch({ type: 'singleLineText' })).body.conversion.failedCount).toBe(0);
    expect(n.values()).toEqual(['1234.5', '13800138000', null]);
    expect(n.columnType()).toBe('TEXT');

    const c = await fixture('currency', { symbol: '¥' }, [1234.5, -3]);
    await c.patch({ type: 'longText' });
    expect(c.values()).toEqual(['¥1234.50', '-¥3.00']);

    const p = await fixture('percent', {}, [0.12]);
    await p.patch({ type: 'singleLineText' });
    expect(p.values()).toEqual(['12%']);
  });

  it('date ↔ text, in the base\'s time zone', async () => {
    const d = await fixture('date', { includeTime: true }, ['2024-01-05 09:30', '2024-03-01T00:00:00Z']);
    expect(d.values()).toEqual(['2024-01-05T01:30:00.000Z', '2024-03-01T00:00:00.000Z']);
    await d.patch({ type: 'singleLineText' });
    expect(d.values()).toEqual(['2024-01-05 09:30', '2024-03-01 08:00']);
    const back = await d.patch({ type: 'date', options: { includeTime: true } });
    expect(back.body.conversion).toEqual({ converted: 2, failed: [], failedCount: 0 });
    expect(d.values()).toEqual(['2024-01-05T01:30:00.000Z', '2024-03-01T00:00:00.000Z']);

    const t = await fixture('singleLineText', {}, ['2024年1月5日', '2024/3/1', 'someday']);
    const res = await t.patch({ type: 'date' });
    expect(res.body.conversion.failed).toEqual([{ recordId: rec(t, 2), value: 'someday', reason: '"someday" is not a date' }]);
    expect(t.values()).toEqual(['2024-01-05', '2024-03-01', null]);
  });

  it('checkbox ↔ text', async () => {
    const c = await fixture('checkbox', {}, [true, false, true]);
    const res = await c.patch({ type: 'singleLineText' });
    expect(res.body.conversion).toEqual({ converted: 2, failed: [], failedCount: 0 });
    expect(c.values()).toEqual(['✓', null, '✓']);
    expect(c.versions()).toEqual([2, 1, 2]); // an unticked box was already empty
    await c.patch({ type: 'checkbox' });
    expect(c.values()).toEqual([true, false, true]);
    expect(c.columnType()).toBe('INTEGER');

    const t = await fixture('singleLineText', {}, ['yes', 'no', 'maybe', '是']);
    const back = await t.patch({ type: 'checkbox' });
    expect(back.body.conversion.failed.map((x: any) => x.value)).toEqual(['maybe']);
    expect(t.values()).toEqual([true, false, false, true]);
    expect(t.historyOf(2)[0]!.changes).toEqual({ [t.fieldId]: ['maybe', false] });
  });

  it('multiple selects ↔ text, and to a single select keeps the first choice', async () => {
    const m = await fixture('multipleSelects', {}, [['A', 'B'], 'C', null]);
    await m.patch({ type: 'longText' });
    expect(m.values()).toEqual(['A, B', 'C', null]);
    const back = await m.patch({ type: 'multipleSelects' });
    expect(back.body.field.options.choices.map((c: any) => c.name)).toEqual(['A', 'B', 'C']);
    expect(m.values()).toEqual([['A', 'B'], ['C'], null]);

    const s = await m.patch({ type: 'singleSelect' });
    expect(s.body.field.options.choices.map((c: any) => c.name)).toEqual(['A', 'B', 'C']); // carried over
    expect(m.values()).toEqual(['A', 'C', null]);
    expect(m.historyOf(0)[0]!.changes).toEqual({ [m.fieldId]: [['A', 'B'], 'A'] });
  });

  it('user ↔ text goes through emails', async () => {
    const u = await fixture('user', {}, [team.editor.email, null]);
    expect(u.values()).toEqual([team.editor.id, null]);
    await u.patch({ type: 'email' });
    expect(u.values()).toEqual([team.editor.email, null]);
    await u.patch({ type: 'user' });
    expect(u.values()).toEqual([team.editor.id, null]);
  });

  it('to a system type: the old values are cleared into the history and reported', async () => {
    const f = await fixture('singleLineText', {}, ['first call', null]);
    const res = await f.patch({ type: 'createdTime' });
    expect(res.status).toBe(200);
    expect(res.body.conversion.failed).toEqual([{ recordId: rec(f, 0), value: 'first call', reason: 'createdTime fields show what the record already has' }]);
    expect(f.columnType()).toBeUndefined();
    expect(f.values()[0]).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(f.historyOf(0)[0]!.changes).toEqual({ [f.fieldId]: ['first call', null] });

    const back = await f.patch({ type: 'singleLineText' });
    expect(back.body.conversion).toEqual({ converted: 2, failed: [], failedCount: 0 });
    expect(f.values()[1]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
  });

  it('keeps the primary field a type that can be primary', async () => {
    const f = await fixture('number', {}, []);
    const primaryId = (await team.owner.api.get(`/tables/${f.tableId}`)).body.primaryFieldId;
    const res = await team.owner.api.patch(`/tables/${f.tableId}/fields/${primaryId}`, { type: 'checkbox' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('"Name" is the primary field and cannot become checkbox');
  });
});

describe('option changes of the same type', () => {
  it('a choice rename rewrites the stored names, with history, and nothing else', async () => {
    const f = await fixture('singleSelect', { choices: [{ name: 'New' }, { name: 'Won' }] }, ['New', 'Won', 'New', null]);
    const choices = (await team.owner.api.get(`/tables/${f.tableId}`)).body.fields[1].options.choices;
    const res = await f.patch({ options: { choices: [{ ...choices[0], name: 'Fresh' }, choices[1]] } });
    expect(res.status).toBe(200);
    expect(res.body.field.options.choices).toEqual([{ ...choices[0], name: 'Fresh' }, choices[1]]);
    expect(f.values()).toEqual(['Fresh', 'Won', 'Fresh', null]);
    expect(f.versions()).toEqual([2, 1, 2, 1]);
    expect(f.historyOf(0)[0]!.changes).toEqual({ [f.fieldId]: ['New', 'Fresh'] });

    // Choices listed by name only keep their ids and colors.
    const byName = await f.patch({ options: { choices: [{ name: 'Fresh' }, { name: 'Won' }, { name: 'Lost' }] } });
    expect(byName.body.field.options.choices.slice(0, 2)).toEqual([{ ...choices[0], name: 'Fresh' }, choices[1]]);
    expect(f.versions()).toEqual([2, 1, 2, 1]);
  });

  it('removing a choice clears it, reports single values and keeps the rest of lists', async () => {
    const s = await fixture('singleSelect', { choices: [{ name: 'Hot' }, { name: 'Cold' }] }, ['Hot', 'Cold']);
    const res = await s.patch({ options: { choices: [{ name: 'Hot' }] } });
    expect(res.body.conversion.failed).toEqual([{ recordId: rec(s, 1), value: 'Cold', reason: '"Cold" is not one of the field\'s choices' }]);
    expect(s.values()).toEqual(['Hot', null]);
    expect(s.historyOf(1)[0]!.changes).toEqual({ [s.fieldId]: ['Cold', null] });

    const m = await fixture('multipleSelects', { choices: [{ name: 'A' }, { name: 'B' }] }, [['A', 'B'], ['B']]);
    const choices = (await team.owner.api.get(`/tables/${m.tableId}`)).body.fields[1].options.choices;
    await m.patch({ options: { choices: [{ ...choices[0], name: 'Alpha' }] } });
    expect(m.values()).toEqual([['Alpha'], null]);
  });

  it('an option that changes no value writes no value', async () => {
    const f = await fixture('number', {}, [3.14159, null]);
    const res = await f.patch({ options: { precision: 2 } });
    expect(res.body).toMatchObject({ field: { options: { precision: 2 } }, conversion: { converted: 1, failedCount: 0 } });
    expect(f.values()).toEqual([3.14159, null]);
    expect(f.versions()).toEqual([1, 1]);
  });
});

describe('preview and atomicity', () => {
  it('previews a conversion without changing anything', async () => {
    const f = await fixture('singleLineText', {}, ['12', 'n/a', null]);
    const history = f.historyCount();
    const res = await team.owner.api.post(`/tables/${f.tableId}/fields/${f.fieldId}/preview-conversion`, { type: 'number', options: { precision: 1 } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      field: { id: f.fieldId, name: 'Value', type: 'number', options: { precision: 1 }, description: null },
      conversion: { converted: 1, failed: [{ recordId: rec(f, 1), value: 'n/a', reason: '"n/a" is not a number' }], failedCount: 1 },
      samples: [{ recordId: rec(f, 0), before: '12', after: 12 }, { recordId: rec(f, 1), before: 'n/a', after: null }],
    });
    expect(f.columnType()).toBe('TEXT');
    expect(f.values()).toEqual(['12', 'n/a', null]);
    expect(f.versions()).toEqual([1, 1, 1]);
    expect(f.historyCount()).toBe(history);
    expect((await team.owner.api.get(`/tables/${f.tableId}`)).body.fields[1].type).toBe('singleLineText');
  });

  it('a failure midway leaves the table exactly as it was', async () => {
    const f = await fixture('singleLineText', {}, ['1', '2', '3', 'x']);
    const schemaBefore = tessera.ctx.db.sqlite.prepare("SELECT sql FROM sqlite_master WHERE tbl_name = ? AND name NOT LIKE 'boom%'").all(`t_${f.tableId}`);
    const history = f.historyCount();
    // The write of the third record fails after two have been rewritten.
    tessera.ctx.db.sqlite.exec(`CREATE TRIGGER "boom_${f.tableId}" BEFORE UPDATE ON "t_${f.tableId}" WHEN OLD.id = ${f.ids[2]} BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    const events: unknown[] = [];
    const stops = [tessera.ctx.events.on('records', (e) => events.push(e)), tessera.ctx.events.on('schema', (e) => events.push(e))];
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const res = await f.patch({ type: 'number' });
      expect(res.status).toBe(500);
      // It failed inside the rewrite, after the column had been moved aside and refilled in part.
      expect(String(logged.mock.calls[0]?.[0])).toContain('boom');
      expect((logged.mock.calls[0]?.[0] as Error).stack).toContain('rewriteFieldValues');
    } finally {
      logged.mockRestore();
      stops.forEach((stop) => stop());
      tessera.ctx.db.sqlite.exec(`DROP TRIGGER "boom_${f.tableId}"`);
    }
    expect(events).toEqual([]);
    expect(tessera.ctx.db.sqlite.prepare("SELECT sql FROM sqlite_master WHERE tbl_name = ?").all(`t_${f.tableId}`)).toEqual(schemaBefore);
    expect(f.columnType()).toBe('TEXT');
    expect(f.values()).toEqual(['1', '2', '3', 'x']);
    expect(f.versions()).toEqual([1, 1, 1, 1]);
    expect(f.historyCount()).toBe(history);
    expect((await team.owner.api.get(`/tables/${f.tableId}`)).body.fields[1].type).toBe('singleLineText');

    // And the same change goes through once nothing stands in its way.
    expect((await f.patch({ type: 'number' })).body.conversion.failedCount).toBe(1);
    expect(f.values()).toEqual([1, 2, 3, null]);
  });
});
