import { describe, expect, it } from 'vitest';
import { mergeOrder, orderedFields, visibleFields } from './columns.ts';
import type { GridField, GridView } from './types.ts';

const field = (id: string): GridField => ({ id, name: id, type: 'singleLineText', options: {}, description: null });
const fields = ['a', 'b', 'c', 'd'].map(field);
const view = (patch: Partial<GridView>): GridView => ({
  id: 'viw1', tableId: 'tbl1', name: 'Grid', type: 'grid', personal: false, locked: false, filter: null, sorts: [], hiddenFields: [], fieldOrder: [], fieldWidths: {}, frozenFieldCount: 0, ...patch,
});

describe('field order', () => {
  it("follows the view's order, unlisted fields after in table order, hidden ones left out of the columns", () => {
    const v = view({ fieldOrder: ['c', 'a'], hiddenFields: ['a'] });
    expect(orderedFields(fields, v).map((f) => f.id)).toEqual(['c', 'a', 'b', 'd']);
    expect(visibleFields(fields, v).map((f) => f.id)).toEqual(['c', 'b', 'd']);
  });

  it('keeps hidden fields in their slots when the visible ones are rearranged', () => {
    expect(mergeOrder(['c', 'a', 'b', 'd'], ['b', 'c', 'd'])).toEqual(['b', 'a', 'c', 'd']);
    expect(mergeOrder(['a', 'b'], ['a', 'b'])).toEqual(['a', 'b']);
  });
});
