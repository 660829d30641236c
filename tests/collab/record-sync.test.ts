import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RecordDocMessage, TableMessage } from '../../collab/client/index.ts';
import { findHistory } from '../../server/records/index.ts';
import { docValues, startCollabFixture, waitFor, within, type CollabFixture } from './support/collab-fixture.ts';

let f: CollabFixture;
beforeEach(async () => {
  f = await startCollabFixture();
});
afterEach(async () => {
  await f.close();
});

describe('record docs', () => {
  it('serves the row reconciled from SQL, long text as a Y.Text, no read-only field', async () => {
    const doc = f.client(f.team.editor.api.token).openRecord(f.table.id, f.records[0]!);
    await doc.synced();
    expect(doc.fields.get(f.table.notes)).toBeInstanceOf(Y.Text);
    expect(doc.fields.has(f.table.created)).toBe(false);
    expect(doc.fields.has(f.table.email)).toBe(false); // null values have no key
    expect(docValues(doc.document, f.table.editable)).toEqual(f.sqlValues(f.records[0]!));
  });

  it('keeps two clients\' edits of different fields, in both docs and SQLite, with history', async () => {
    const recordId = f.records[0]!;
    const a = f.client(f.team.owner.api.token).openRecord(f.table.id, recordId);
    const b = f.client(f.team.editor.api.token).openRecord(f.table.id, recordId);
    await Promise.all([a.synced(), b.synced()]);
    a.fields.set(f.table.name, 'Acme 有限公司');
    b.fields.set(f.table.amount, 1250.5);
    (b.fields.get(f.table.notes) as Y.Text).insert(0, 'called twice; ');

    const expected = { ...f.sqlValues(recordId), [f.table.name]: 'Acme 有限公司', [f.table.amount]: 1250.5, [f.table.notes]: 'called twice; first line' };
    await waitFor('both docs and SQLite to agree', () =>
      [docValues(a.document, f.table.editable), docValues(b.document, f.table.editable), f.sqlValues(recordId)]
        .every((values) => JSON.stringify(values) === JSON.stringify(expected)));
    const history = findHistory(f.tessera.ctx.db, f.table.id, recordId).filter((row) => row.action === 'update');
    expect(history.every((row) => row.origin === 'user')).toBe(true);
    expect(history.map((row) => row.actorId)).toEqual(expect.arrayContaining([f.team.owner.id, f.team.editor.id]));
    expect(history.some((row) => row.changes[f.table.name]?.[1] === 'Acme 有限公司')).toBe(true);
  });

  it('converges two concurrent edits of the same field to one value in both docs and SQLite', async () => {
    const recordId = f.records[1]!;
    const clientA = f.client(f.team.owner.api.token);
    const clientB = f.client(f.team.editor.api.token);
    const a = clientA.openRecord(f.table.id, recordId);
    const b = clientB.openRecord(f.table.id, recordId);
    await Promise.all([a.synced(), b.synced()]);
    // Both offline, both edit, both come back: a real conflict, not a sequence.
    await Promise.all([clientA.disconnect(), clientB.disconnect()]);
    a.fields.set(f.table.name, 'from A');
    b.fields.set(f.table.name, 'from B');
    void clientA.connect();
    void clientB.connect();
    await waitFor('convergence', () => {
      const values = [a.fields.get(f.table.name), b.fields.get(f.table.name), f.sqlValues(recordId)[f.table.name]];
      return values[0] === values[1] && values[1] === values[2] && ['from A', 'from B'].includes(values[0] as string);
    });
    expect(f.serverDocValues(recordId)?.[f.table.name]).toBe(a.fields.get(f.table.name));
  });

  it('reverts a refused value in every doc and tells only the sender', async () => {
    const recordId = f.records[0]!;
    const senderMessages: RecordDocMessage[] = [];
    const otherMessages: RecordDocMessage[] = [];
    const a = f.client(f.team.owner.api.token).openRecord(f.table.id, recordId, { onMessage: (m) => senderMessages.push(m) });
    const b = f.client(f.team.editor.api.token).openRecord(f.table.id, recordId, { onMessage: (m) => otherMessages.push(m) });
    await Promise.all([a.synced(), b.synced()]);
    a.fields.set(f.table.email, 'zhang@example.com');
    await waitFor('a valid email to land', () => f.sqlValues(recordId)[f.table.email] === 'zhang@example.com');

    a.fields.set(f.table.email, 'not an email');
    a.fields.set(f.table.created, '2020-01-01T00:00:00.000Z'); // a read-only field never lives in a doc
    await waitFor('the rejections', () => senderMessages.length >= 2);
    expect(senderMessages).toEqual(expect.arrayContaining([
      expect.objectContaining({ type: 'rejected', recordId: `rec${recordId}`, fieldId: f.table.email, code: 'INVALID_VALUE' }),
      expect.objectContaining({ type: 'rejected', recordId: `rec${recordId}`, fieldId: f.table.created }),
    ]));
    await waitFor('the revert in both docs', () =>
      [a, b].every((doc) => doc.fields.get(f.table.email) === 'zhang@example.com' && !doc.fields.has(f.table.created)));
    expect(f.sqlValues(recordId)[f.table.email]).toBe('zhang@example.com');
    expect(otherMessages).toEqual([]);
  });

  it('applies writes from other origins to open docs, and stores the doc in the same transaction', async () => {
    const recordId = f.records[0]!;
    const a = f.client(f.team.owner.api.token).openRecord(f.table.id, recordId);
    await a.synced();
    const response = await f.team.editor.api.patch(`/tables/${f.table.id}/records/rec${recordId}`, {
      fields: { Name: 'Renamed by the API', Notes: 'first line, edited by the API' },
    });
    expect(response.status).toBe(200);
    await waitFor('the API change in the doc', () =>
      a.fields.get(f.table.name) === 'Renamed by the API' && String(a.fields.get(f.table.notes)) === 'first line, edited by the API');
    const stored = f.tessera.ctx.db.sqlite.prepare('SELECT state FROM record_docs WHERE table_id = ? AND record_id = ?').get(f.table.id, recordId) as { state: Buffer };
    const replica = new Y.Doc();
    Y.applyUpdate(replica, new Uint8Array(stored.state));
    expect(docValues(replica, f.table.editable)).toEqual(f.sqlValues(recordId));
  });

  it('closes the doc of a deleted record and drops its state', async () => {
    const recordId = f.records[1]!;
    let closedReason = '';
    const a = f.client(f.team.owner.api.token).openRecord(f.table.id, recordId, { onClosed: (reason) => (closedReason = reason) });
    await a.synced();
    expect((await f.team.owner.api.delete(`/tables/${f.table.id}/records/rec${recordId}`)).status).toBe(200);
    await waitFor('the close', () => closedReason === 'record-deleted');
    const row = f.tessera.ctx.db.sqlite.prepare('SELECT 1 FROM record_docs WHERE table_id = ? AND record_id = ?').get(f.table.id, recordId);
    expect(row).toBeUndefined();
  });
});

describe('table channel', () => {
  it('delivers a patch for a REST edit within 1 s, and created/deleted messages', async () => {
    const messages: TableMessage[] = [];
    const channel = f.client(f.team.viewer.api.token).openTable(f.table.id, { onMessage: (m) => messages.push(m) });
    await within('the channel to authenticate', 2000, (resolve) => channel.provider.on('synced', resolve));
    const recordId = f.records[0]!;
    const started = performance.now();
    const patch = within<TableMessage>('the patch', 1000, (resolve) => channel.provider.on('stateless', () => {
      const found = messages.find((m) => m.type === 'patch' && m.recordId === `rec${recordId}`);
      if (found) resolve(found);
    }));
    await f.team.editor.api.patch(`/tables/${f.table.id}/records/rec${recordId}`, { fields: { Amount: 99 } });
    expect(await patch).toMatchObject({ type: 'patch', recordId: `rec${recordId}`, values: { [f.table.amount]: 99 }, by: f.team.editor.id });
    expect(performance.now() - started).toBeLessThan(1000);

    const created = await f.team.editor.api.post(`/tables/${f.table.id}/records`, { records: [{ fields: { Name: 'New' } }] });
    const newId = created.body.records[0].id as string;
    await f.team.editor.api.delete(`/tables/${f.table.id}/records/${newId}`);
    await waitFor('created and deleted', () =>
      messages.some((m) => m.type === 'created' && m.recordId === newId) && messages.some((m) => m.type === 'deleted' && m.recordId === newId));
  });

  it('relays presence with the user\'s own id', async () => {
    const a = f.client(f.team.owner.api.token).openTable(f.table.id);
    const b = f.client(f.team.editor.api.token).openTable(f.table.id);
    await Promise.all([a, b].map((c) => within('sync', 2000, (resolve) => c.provider.on('synced', resolve))));
    a.setPresence({ user: { id: f.team.owner.id }, cell: { recordId: `rec${f.records[0]}`, fieldId: f.table.name }, editing: true });
    await waitFor('B to see A', () =>
      [...(b.provider.awareness?.getStates().values() ?? [])].some((state) => state.user?.id === f.team.owner.id && state.editing === true));
  });
});
