import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { resolveFilter } from '../../core/filter/resolve.ts';
import { resolveSorts } from '../../core/filter/sort.ts';
import { FIELDS } from '../../core/filter/test-fields.ts';
import { compileFilter } from './compile-filter.ts';
import { dropFieldIndexes, ensureFieldIndex, fieldIndexName, indexesForQuery, listTableIndexes } from './indexes.ts';
import { memoryTable } from './test-table.ts';

const fields = [FIELDS.name, FIELDS.amount, FIELDS.created];
const ctx = { now: new Date('2024-06-15T04:00:00Z'), timeZone: 'UTC' };

describe('field indexes', () => {
  it('creates, lists and drops the indexes of a field', () => {
    const db = memoryTable('tblTest', fields, []);
    ensureFieldIndex(db, 'tblTest', 'fldAmount');
    ensureFieldIndex(db, 'tblTest', 'fldAmount'); // idempotent
    ensureFieldIndex(db, 'tblTest', 'fldName', { nocase: true });
    ensureFieldIndex(db, 'tblTest', 'fldName');
    expect(listTableIndexes(db, 'tblTest')).toEqual([
      { name: 'ix_tblTest_fldAmount', columns: ['f_fldAmount'], unique: false, origin: 'c' },
      { name: 'ix_tblTest_fldName', columns: ['f_fldName'], unique: false, origin: 'c' },
      { name: 'ix_tblTest_fldName_nocase', columns: ['f_fldName'], unique: false, origin: 'c' },
    ]);
    expect(dropFieldIndexes(db, 'tblTest', 'fldName')).toEqual(['ix_tblTest_fldName', 'ix_tblTest_fldName_nocase']);
    expect(listTableIndexes(db, 'tblTest').map((index) => index.name)).toEqual(['ix_tblTest_fldAmount']);
    expect(dropFieldIndexes(db, 'tblTest', 'fldName')).toEqual([]);
  });

  it('refuses ids that are not safe identifiers', () => {
    expect(() => fieldIndexName('tbl_x', 'fldA')).toThrow(/unsafe identifier/);
  });

  it('lets SQLite use them for comparisons and NOCASE equality', () => {
    const db = memoryTable('tblTest', fields, []);
    ensureFieldIndex(db, 'tblTest', 'fldAmount');
    ensureFieldIndex(db, 'tblTest', 'fldName', { nocase: true });
    const plan = (filter: unknown) => {
      const resolved = resolveFilter(filter, fields);
      if (!resolved.ok) throw new Error('unexpected');
      const compiled = (db.kysely as unknown as Kysely<any>).selectFrom('t_tblTest').select('id')
        .where(compileFilter(resolved.filter, 'tblTest', ctx)).compile();
      return JSON.stringify(db.sqlite.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...compiled.parameters));
    };
    expect(plan({ conjunction: 'and', conditions: [{ field: 'Amount', operator: '>=', value: 10 }] })).toContain('ix_tblTest_fldAmount');
    expect(plan({ conjunction: 'and', conditions: [{ field: 'Name', operator: 'is', value: 'ACME' }] })).toContain('ix_tblTest_fldName_nocase');
  });

  it('says which fields a view’s filter and sorts would use', () => {
    const filter = resolveFilter({ conjunction: 'or', conditions: [{ field: 'Name', operator: 'contains', value: 'a' }, { field: 'Created', operator: 'isEmpty' }] }, fields);
    const sorts = resolveSorts([{ field: 'Amount' }], fields);
    if (!filter.ok || !sorts.ok) throw new Error('unexpected');
    expect(indexesForQuery(filter.filter, sorts.sorts)).toEqual([{ fieldId: 'fldName', nocase: true }, { fieldId: 'fldAmount', nocase: false }]);
  });

  it('gives unselective filters (select, checkbox, user) no index, so the sort index serves the page', () => {
    const filter = resolveFilter({ conjunction: 'and', conditions: [
      { field: 'Stage', operator: 'isAnyOf', value: ['Lead', 'Won'] }, { field: 'Done', operator: 'is', value: true }, { field: 'Owner', operator: 'is', value: 'usr1' },
    ] }, [FIELDS.stage, FIELDS.done, FIELDS.owner, FIELDS.amount]);
    const sorts = resolveSorts([{ field: 'Amount', direction: 'desc' }], [FIELDS.amount]);
    if (!filter.ok || !sorts.ok) throw new Error('unexpected');
    expect(indexesForQuery(filter.filter, sorts.sorts)).toEqual([{ fieldId: 'fldAmount', nocase: false }]);
  });
});
