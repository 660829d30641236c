import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FIELDS_MAP, recordDocName } from '../../collab/client/index.ts';
import { docValues, startCollabFixture, waitFor, type CollabFixture } from './support/collab-fixture.ts';

let f: CollabFixture;
beforeEach(async () => {
  f = await startCollabFixture({ idleMs: 100 });
});
afterEach(async () => {
  await f.close();
});

function storedValues(recordId: number): Record<string, unknown> {
  const row = f.tessera.ctx.db.sqlite.prepare('SELECT state FROM record_docs WHERE table_id = ? AND record_id = ?').get(f.table.id, recordId) as
    | { state: Buffer }
    | undefined;
  const doc = new Y.Doc();
  if (row) Y.applyUpdate(doc, new Uint8Array(row.state));
  return docValues(doc, f.table.editable);
}

describe('reconciling a record doc with SQL', () => {
  it('gives a returning client the API\'s newer value and keeps its offline edit of another field', async () => {
    const recordId = f.records[0]!;
    const name = recordDocName(f.table.id, recordId);
    const replica = new Y.Doc(); // A's replica, kept across sessions like the browser's

    // 1. A edits through the doc, then leaves.
    const first = f.client(f.team.editor.api.token);
    const doc = first.openRecord(f.table.id, recordId, { document: replica });
    await doc.synced();
    doc.fields.set(f.table.name, 'typed by A');
    await waitFor('A\'s edit in SQLite', () => f.sqlValues(recordId)[f.table.name] === 'typed by A');
    first.destroy();

    // 2. The doc unloads; then the record changes through the REST API, in SQL only.
    await waitFor('the doc to unload', () => !f.tessera.collab.isLoaded(name), 3000);
    const response = await f.team.owner.api.patch(`/tables/${f.table.id}/records/rec${recordId}`, { fields: { Name: 'set by the API' } });
    expect(response.status).toBe(200);
    expect(storedValues(recordId)[f.table.name]).toBe('typed by A'); // unloaded: only SQL moved

    // 3. Offline, A edits a different field of its stale replica.
    replica.getMap(FIELDS_MAP).set(f.table.amount, 42);
    expect(replica.getMap(FIELDS_MAP).get(f.table.name)).toBe('typed by A');

    // 4. A comes back with the older replica.
    const again = f.client(f.team.editor.api.token).openRecord(f.table.id, recordId, { document: replica });
    await again.synced();
    const expected = { ...f.sqlValues(recordId), [f.table.name]: 'set by the API', [f.table.amount]: 42 };
    await waitFor('A, the server\'s doc and SQLite to agree', () =>
      [docValues(replica, f.table.editable), f.serverDocValues(recordId), f.sqlValues(recordId)]
        .every((values) => JSON.stringify(values) === JSON.stringify(expected)));
    expect(storedValues(recordId)).toEqual(expected);
  });

  it('converges when the offline edit and the API changed the same cell', async () => {
    const recordId = f.records[1]!;
    const name = recordDocName(f.table.id, recordId);
    const replica = new Y.Doc();
    const first = f.client(f.team.editor.api.token);
    await first.openRecord(f.table.id, recordId, { document: replica }).synced();
    first.destroy();
    await waitFor('the doc to unload', () => !f.tessera.collab.isLoaded(name), 3000);
    await f.team.owner.api.patch(`/tables/${f.table.id}/records/rec${recordId}`, { fields: { Name: 'API' } });
    replica.getMap(FIELDS_MAP).set(f.table.name, 'offline');

    await f.client(f.team.editor.api.token).openRecord(f.table.id, recordId, { document: replica }).synced();
    await waitFor('one value everywhere', () => {
      const values = [replica.getMap(FIELDS_MAP).get(f.table.name), f.serverDocValues(recordId)?.[f.table.name], f.sqlValues(recordId)[f.table.name]];
      return values.every((value) => value === values[0]) && ['API', 'offline'].includes(values[0] as string);
    });
  });

  it('stores a loaded doc before serving it, so its state matches SQL from the first sync', async () => {
    const recordId = f.records[1]!;
    await f.team.owner.api.patch(`/tables/${f.table.id}/records/rec${recordId}`, { fields: { Email: 'li@example.cn', Amount: 7 } });
    expect(storedValues(recordId)[f.table.email]).toBeNull(); // never loaded: nothing stored yet
    const doc = f.client(f.team.viewer.api.token).openRecord(f.table.id, recordId);
    await doc.synced();
    expect(storedValues(recordId)).toEqual(f.sqlValues(recordId));
    expect(docValues(doc.document, f.table.editable)).toEqual(f.sqlValues(recordId));
  });

  it('follows a field deletion in open docs', async () => {
    const recordId = f.records[0]!;
    await f.team.owner.api.patch(`/tables/${f.table.id}/records/rec${recordId}`, { fields: { Amount: 5 } });
    const doc = f.client(f.team.editor.api.token).openRecord(f.table.id, recordId);
    await doc.synced();
    expect(doc.fields.get(f.table.amount)).toBe(5);
    const response = await f.team.owner.api.delete(`/tables/${f.table.id}/fields/${f.table.amount}`);
    expect(response.status).toBe(200);
    await waitFor('the key to go', () => !doc.fields.has(f.table.amount));
  });
});
