import { describe, expect, it } from 'vitest';
import { PendingEdits } from './pending-edits.ts';

describe('PendingEdits', () => {
  it('counts edits until they are done, once each, and tells subscribers', async () => {
    const store = new PendingEdits();
    const seen: number[] = [];
    store.subscribe(() => seen.push(store.pending));
    const end = store.begin(250);
    let settle!: (value: string) => void;
    const request = store.track(new Promise<string>((resolve) => { settle = resolve; }), 2);
    expect(store.pending).toBe(252);
    end();
    end();
    expect(store.pending).toBe(2);
    settle('ok');
    await expect(request).resolves.toBe('ok');
    expect(store.pending).toBe(0);
    expect(seen).toEqual([250, 252, 2, 0]);
  });

  it('stops counting a request that failed', async () => {
    const store = new PendingEdits();
    await expect(store.track(Promise.reject(new Error('offline')))).rejects.toThrow('offline');
    expect(store.getSnapshot()).toBe(0);
  });
});
