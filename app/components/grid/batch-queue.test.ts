import { describe, expect, it } from 'vitest';
import { PendingEdits } from '../offline/pending-edits.ts';
import { BatchQueue, GroupRefusedError } from './batch-queue.ts';
import { ApiError, UnreachableError, type BatchBody, type BatchResult } from './rows-client.ts';

const ok: BatchResult = { created: [], updated: [], deleted: [] };

describe('BatchQueue', () => {
  it('keeps a batch that cannot reach the server, counted as pending, and sends it in order on retry', async () => {
    const pending = new PendingEdits();
    const sent: BatchBody[] = [];
    let online = false;
    const queue = new BatchQueue(async (body) => {
      if (!online) throw new UnreachableError('Failed to fetch');
      sent.push(body);
      return ok;
    }, pending);
    const first = queue.submit({ deletes: ['rec1'] }, 1);
    const second = queue.submit({ updates: [{ id: 'rec2', values: { fld1: null } }] }, 3);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(pending.pending).toBe(4);
    expect(queue.waiting).toBe(2);
    online = true;
    queue.retry();
    await expect(first).resolves.toBe(ok);
    await expect(second).resolves.toBe(ok);
    expect(sent.map((body) => Object.keys(body)[0])).toEqual(['deletes', 'updates']);
    expect(pending.pending).toBe(0);
    queue.destroy();
  });

  it('settles a refusal at once and goes on with the next batch', async () => {
    const pending = new PendingEdits();
    const refusal = new ApiError(403, 'FORBIDDEN', 'viewers cannot edit');
    let calls = 0;
    const queue = new BatchQueue(async () => {
      calls += 1;
      if (calls === 1) throw refusal;
      return ok;
    }, pending);
    const refused = queue.submit({ deletes: ['rec1'] }, 1);
    const next = queue.submit({ deletes: ['rec2'] }, 1);
    await expect(refused).rejects.toBe(refusal);
    await expect(next).resolves.toBe(ok);
    expect(pending.pending).toBe(0);
    queue.destroy();
  });

  it('sends a group in order, and on a refusal drops the rest and names what committed', async () => {
    const pending = new PendingEdits();
    const refusal = new ApiError(400, 'INVALID_VALUE', 'bad number');
    const sent: string[] = [];
    const queue = new BatchQueue(async (body) => {
      const id = body.deletes![0]!;
      sent.push(id);
      if (id === 'rec3') throw refusal;
      return { ...ok, deleted: [id] };
    }, pending);
    const group = queue.submitGroup(['rec1', 'rec2', 'rec3', 'rec4'].map((id) => ({ deletes: [id] })), () => 1);
    const after = queue.submit({ deletes: ['rec9'] }, 1);
    const error = await group.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GroupRefusedError);
    expect((error as GroupRefusedError).refusal).toBe(refusal);
    expect((error as GroupRefusedError).committed.map((result) => result.deleted[0])).toEqual(['rec1', 'rec2']);
    await expect(after).resolves.toEqual({ ...ok, deleted: ['rec9'] });
    expect(sent).toEqual(['rec1', 'rec2', 'rec3', 'rec9']);
    expect(pending.pending).toBe(0);
    queue.destroy();
  });
});
