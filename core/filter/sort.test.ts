import { describe, expect, it } from 'vitest';
import { compareRecordsBy, resolveSorts, type SortableRecord } from './sort.ts';
import { ALL_FIELDS } from './test-fields.ts';

function order(sort: unknown, records: [number, Record<string, unknown>][]): number[] {
  const result = resolveSorts(sort, ALL_FIELDS);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  const rows: SortableRecord[] = records.map(([id, values]) => ({ id, values }));
  return rows.sort(compareRecordsBy(result.sorts)).map((row) => row.id);
}

describe('resolveSorts', () => {
  it('names unknown fields and bad directions', () => {
    expect(resolveSorts([{ field: 'Nope' }], ALL_FIELDS)).toEqual({ ok: false, problems: [{ path: [0], message: 'unknown field "Nope" in sort' }] });
    const bad = resolveSorts([{ field: 'Name', direction: 'up' }], ALL_FIELDS);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]?.message).toMatch(/^sort\[0\]\.direction: /);
    expect(resolveSorts('Name', ALL_FIELDS).ok).toBe(false);
  });
  it('defaults to ascending', () => {
    const result = resolveSorts([{ field: 'fldName' }], ALL_FIELDS);
    expect(result.ok && result.sorts[0]?.direction).toBe('asc');
  });
});

describe('compareRecordsBy', () => {
  it('puts empties last in both directions and breaks ties by id', () => {
    const rows: [number, Record<string, unknown>][] = [[1, { fldAmount: null }], [2, { fldAmount: 5 }], [3, { fldAmount: -1 }], [4, {}], [5, { fldAmount: 5 }]];
    expect(order([{ field: 'Amount' }], rows)).toEqual([3, 2, 5, 1, 4]);
    expect(order([{ field: 'Amount', direction: 'desc' }], rows)).toEqual([2, 5, 3, 1, 4]);
  });

  it('sorts text ASCII case-insensitively by code point, NULL as empty (a stray blank sorts first)', () => {
    const rows: [number, Record<string, unknown>][] = [[1, { fldName: 'b' }], [2, { fldName: 'B' }], [3, { fldName: 'a' }], [4, { fldName: null }], [5, { fldName: '张' }], [6, { fldName: '_x' }], [7, { fldName: '' }]];
    expect(order([{ field: 'Name' }], rows)).toEqual([7, 6, 3, 1, 2, 5, 4]);
    expect(order([{ field: 'Name', direction: 'desc' }], rows)).toEqual([5, 1, 2, 3, 6, 7, 4]);
  });

  it('sorts selects by choice order, unknown names after', () => {
    const rows: [number, Record<string, unknown>][] = [[1, { fldStage: 'Won' }], [2, { fldStage: 'Lead' }], [3, { fldStage: 'Archived' }], [4, { fldStage: null }], [5, { fldStage: 'Proposal' }]];
    expect(order([{ field: 'Stage' }], rows)).toEqual([2, 5, 1, 3, 4]);
    expect(order([{ field: 'Stage', direction: 'desc' }], rows)).toEqual([3, 1, 5, 2, 4]);
  });

  it('sorts checkboxes unchecked first, never as empty', () => {
    const rows: [number, Record<string, unknown>][] = [[1, { fldDone: true }], [2, { fldDone: false }], [3, {}]];
    expect(order([{ field: 'Done' }], rows)).toEqual([2, 3, 1]);
    expect(order([{ field: 'Done', direction: 'desc' }], rows)).toEqual([1, 2, 3]);
  });

  it('sorts multi by first choice then JSON, attachments by count', () => {
    const rows: [number, Record<string, unknown>][] = [[1, { fldTags: ['Cold'] }], [2, { fldTags: ['VIP', 'Cold'] }], [3, { fldTags: ['VIP'] }], [4, { fldTags: null }]];
    // Same first choice: JSON text decides, and ',' (0x2C) sorts before ']' (0x5D).
    expect(order([{ field: 'Tags' }], rows)).toEqual([2, 3, 1, 4]);
    const file = { id: 'x', filename: 'a', size: 1, type: 't', url: 'u' };
    expect(order([{ field: 'Files', direction: 'desc' }], [[1, { fldFiles: [file] }], [2, { fldFiles: [file, file] }], [3, {}]])).toEqual([2, 1, 3]);
  });

  it('applies several keys in turn', () => {
    const rows: [number, Record<string, unknown>][] = [[1, { fldStage: 'Won', fldAmount: 1 }], [2, { fldStage: 'Won', fldAmount: 9 }], [3, { fldStage: 'Lead', fldAmount: 5 }]];
    expect(order([{ field: 'Stage', direction: 'desc' }, { field: 'Amount', direction: 'desc' }], rows)).toEqual([2, 1, 3]);
  });
});
