import { describe, expect, it } from 'vitest';
import { CHUNK_ROWS, splitBatch } from './cell-batch.ts';
import { fillTargetAt, filledBounds } from './fill.ts';

describe('splitting a big paste into requests', () => {
  it('keeps order: updates, then creates in the pasted order, at most CHUNK_ROWS each, typecast on every one', () => {
    const updates = Array.from({ length: 1500 }, (_, i) => ({ id: `rec${i + 1}`, values: { fld1: `u${i}` } }));
    const creates = Array.from({ length: 8700 }, (_, i) => ({ fld1: `c${i}` }));
    const bodies = splitBatch({ updates, creates, typecast: true });
    expect(bodies).toHaveLength(5);
    expect(bodies.every((body) => body.typecast === true)).toBe(true);
    expect(bodies.map((body) => (body.updates?.length ?? 0) + (body.creates?.length ?? 0))).toEqual([...Array(4).fill(CHUNK_ROWS), 200]);
    expect(bodies[0]!.updates).toHaveLength(1500);
    expect(bodies[0]!.creates).toHaveLength(1000);
    expect(bodies.flatMap((body) => body.updates ?? [])).toEqual(updates);
    expect(bodies.flatMap((body) => body.creates ?? [])).toEqual(creates);
  });

  it('closes a request early when its rows are long', () => {
    const long = 'x'.repeat(300_000);
    const bodies = splitBatch({ creates: [{ a: long }, { a: long }, { a: long }, { a: long }] });
    expect(bodies.map((body) => body.creates!.length)).toEqual([3, 1]);
    expect(bodies[0]!.typecast).toBeUndefined();
  });

  it('sends nothing for nothing', () => {
    expect(splitBatch({ updates: [], creates: [] })).toEqual([]);
  });
});

describe('where a dragged fill handle points', () => {
  const source = { top: 2, bottom: 3, left: 1, right: 2 };
  it('goes the way the pointer left the source furthest', () => {
    expect(fillTargetAt(source, 3, 2)).toBeUndefined();
    expect(fillTargetAt(source, 6, 2)).toEqual({ direction: 'down', count: 3 });
    expect(fillTargetAt(source, 0, 2)).toEqual({ direction: 'up', count: 2 });
    expect(fillTargetAt(source, 3, 5)).toEqual({ direction: 'right', count: 3 });
    expect(fillTargetAt(source, 2, 0)).toEqual({ direction: 'left', count: 1 });
    // Diagonal: the larger way wins, a tie goes vertical.
    expect(fillTargetAt(source, 5, 6)).toEqual({ direction: 'right', count: 4 });
    expect(fillTargetAt(source, 5, 4)).toEqual({ direction: 'down', count: 2 });
  });

  it('covers source and filled cells together', () => {
    expect(filledBounds(source, { direction: 'up', count: 2 })).toEqual({ top: 0, bottom: 3, left: 1, right: 2 });
    expect(filledBounds(source, { direction: 'left', count: 1 })).toEqual({ top: 2, bottom: 3, left: 0, right: 2 });
  });
});
