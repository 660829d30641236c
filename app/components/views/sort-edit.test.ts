import { describe, expect, it } from 'vitest';
import { addSort, knownSorts, moveSort, removeSort, setSortDirection, setSortField } from './sort-edit.ts';

const fields = ['fldName', 'fldScore', 'fldStage'];

describe('sort edits', () => {
  it('adds the next unsorted field, ascending, until every field is sorted', () => {
    let sorts = addSort([], fields);
    expect(sorts).toEqual([{ field: 'fldName', direction: 'asc' }]);
    sorts = addSort(addSort(sorts, fields), fields);
    expect(sorts.map((s) => s.field)).toEqual(fields);
    expect(addSort(sorts, fields)).toEqual(sorts);
  });

  it('changes a field (never to one sorted already) and a direction', () => {
    const sorts = addSort(addSort([], fields), fields);
    expect(setSortField(sorts, 0, 'fldStage')[0]!.field).toBe('fldStage');
    expect(setSortField(sorts, 0, 'fldScore')).toEqual(sorts);
    expect(setSortDirection(sorts, 1, 'desc')[1]).toEqual({ field: 'fldScore', direction: 'desc' });
  });

  it('reorders and removes', () => {
    const sorts = [{ field: 'a', direction: 'asc' as const }, { field: 'b', direction: 'desc' as const }, { field: 'c', direction: 'asc' as const }];
    expect(moveSort(sorts, 2, -1).map((s) => s.field)).toEqual(['a', 'c', 'b']);
    expect(moveSort(sorts, 0, 1).map((s) => s.field)).toEqual(['b', 'a', 'c']);
    expect(moveSort(sorts, 0, -1)).toEqual(sorts);
    expect(moveSort(sorts, 2, 1)).toEqual(sorts);
    expect(removeSort(sorts, 1).map((s) => s.field)).toEqual(['a', 'c']);
    expect(knownSorts(sorts, new Set(['a', 'c'])).map((s) => s.field)).toEqual(['a', 'c']);
  });
});

describe('field order', () => {
  it('moves one field to a position, clamped, keeping the rest in order', async () => {
    const { moveInOrder } = await import('./field-order.ts');
    expect(moveInOrder(['a', 'b', 'c', 'd'], 'd', 1)).toEqual(['a', 'd', 'b', 'c']);
    expect(moveInOrder(['a', 'b', 'c', 'd'], 'a', 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveInOrder(['a', 'b', 'c'], 'b', -5)).toEqual(['b', 'a', 'c']);
    expect(moveInOrder(['a', 'b', 'c'], 'b', 99)).toEqual(['a', 'c', 'b']);
    expect(moveInOrder(['a', 'b'], 'x', 0)).toEqual(['a', 'b']);
  });
});
