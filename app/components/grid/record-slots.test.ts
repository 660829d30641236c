import { describe, expect, it } from 'vitest';
import { numberInGroup, positionsBetween, recordPositions, takeRecords, type RowKind } from './record-slots.ts';

// Rows of a view grouped by stage: 0 # Lead, 1–3 records, 4 # Won, 5–6 records, 7 # (empty), 8 a record.
const HEADERS = new Set([0, 4, 7]);
const isHeader = (position: number) => HEADERS.has(position);

describe('range tools over a grouped view’s rows', () => {
  it('lists positions either way, nearest first', () => {
    expect(positionsBetween(3, 6)).toEqual([3, 4, 5, 6]);
    expect(positionsBetween(5, 2)).toEqual([5, 4, 3, 2]);
    expect(positionsBetween(4, 4)).toEqual([4]);
  });

  it('fills onto the records only: a fill from rows 1–2 down to row 9 targets 3, 5, 6, 8 and a new row 9', () => {
    expect(recordPositions(positionsBetween(3, 9), isHeader)).toEqual([3, 5, 6, 8, 9]);
    expect(recordPositions(positionsBetween(5, 1), isHeader)).toEqual([5, 3, 2, 1]);
    expect(recordPositions([4], isHeader)).toEqual([]);
  });

  it('lands pasted lines on the next records, past headers, and says when the view ran out', () => {
    const rows = ['r3', 'h4', 'r5', 'r6', 'h7', 'r8'];
    const header = (row: string) => row.startsWith('h');
    expect(takeRecords(rows, 3, header)).toEqual(['r3', 'r5', 'r6']);
    expect(takeRecords(rows, 10, header)).toEqual(['r3', 'r5', 'r6', 'r8']);
    expect(takeRecords(['h4'], 2, header)).toEqual([]);
  });

  it('numbers records within their group, and not at all when the header is not loaded', () => {
    const loaded = (from: number) => (position: number): RowKind => (position < from ? undefined : isHeader(position) ? 'header' : 'record');
    expect([1, 2, 3, 5, 6, 8].map((index) => numberInGroup(index, loaded(0)))).toEqual([1, 2, 3, 1, 2, 1]);
    expect(numberInGroup(3, loaded(2))).toBeUndefined();
    expect(numberInGroup(6, loaded(2))).toBe(2);
    // Records before any header (not a grouped layout) count from the top.
    expect(numberInGroup(2, () => 'record')).toBe(3);
  });
});
