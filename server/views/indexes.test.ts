import { describe, expect, it } from 'vitest';
import { resolveFilter } from '../../core/filter/resolve.ts';
import { resolveSorts } from '../../core/filter/sort.ts';
import { FIELDS } from '../../core/filter/test-fields.ts';
import type { FilterContext } from '../../core/filter/resolved.ts';
import {
  describeIndex, dropFieldIndexes, ensureFieldIndex, ensureIndex, fieldIndexName, indexesForQuery, indexName, listTableIndexes, syncTableIndexes,
} from './indexes.ts';
import { explainRecordQuery, queryRecords } from './record-query.ts';
import { memoryTable } from './test-table.ts';

const fields = [FIELDS.name, FIELDS.amount, FIELDS.due, FIELDS.stage, FIELDS.done, FIELDS.owner, FIELDS.tags, FIELDS.created];
const ctx: FilterContext = { now: new Date('2024-06-15T04:00:00Z'), timeZone: 'UTC', userId: 'usrMe' };

function resolved(filter: unknown, sorts: unknown = []) {
  const f = filter === undefined ? undefined : resolveFilter(filter, fields);
  const s = resolveSorts(sorts, fields);
  if ((f && !f.ok) || !s.ok) throw new Error('unexpected problems');
  return { filter: f?.filter, sorts: s.sorts };
}
const and = (...conditions: unknown[]) => ({ conjunction: 'and', conditions });
/** The indexes a query asks for, as text. */
function wanted(filter: unknown, sorts: unknown = []): string[] {
  const { filter: f, sorts: s } = resolved(filter, sorts);
  return indexesForQuery(f, s).map(describeIndex);
}

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

  it('refuses ids that are not safe identifiers, and columns that are not fields or the id', () => {
    expect(() => fieldIndexName('tbl_x', 'fldA')).toThrow(/unsafe identifier/);
    const db = memoryTable('tblTest', fields, []);
    expect(() => ensureIndex(db, 'tblTest', { columns: [{ column: 'f_x"; DROP TABLE t_tblTest; --', nocase: false, desc: false }] })).toThrow(/not an indexable column/);
  });

  it('names one-column indexes by field and composites by their definition', () => {
    const single = { columns: [{ column: 'f_fldName', nocase: true, desc: false }] };
    expect(indexName('tblTest', single)).toBe('ix_tblTest_fldName_nocase');
    const composite = { columns: [{ column: 'f_fldStage', nocase: false, desc: false }, { column: 'f_fldDue', nocase: false, desc: true }] };
    expect(indexName('tblTest', composite)).toMatch(/^ixq_tblTest_[0-9a-f]{12}$/);
    const ascending = { columns: [composite.columns[0]!, { ...composite.columns[1]!, desc: false }] };
    expect(indexName('tblTest', ascending)).not.toBe(indexName('tblTest', composite));
  });
});

describe('the indexes a view asks for', () => {
  it('equality conditions, then the sort, then the id and the other filter fields: one composite', () => {
    expect(wanted(and({ field: 'Name', operator: 'is', value: '上海' }, { field: 'Amount', operator: '>=', value: 1_000_000 }), [{ field: 'Due' }]))
      .toEqual(['f_fldName NOCASE, f_fldDue, id, f_fldAmount']);
  });

  it('seeks every kind of single-value equality (number, choice, user also as @me, checked), three at most', () => {
    expect(wanted(and(
      { field: 'Stage', operator: 'is', value: 'Won' },
      { field: 'Done', operator: 'is', value: true },
      { field: 'Owner', operator: 'is', value: '@me' },
      { field: 'Amount', operator: '=', value: 5 },
    ), [{ field: 'Due', direction: 'desc' }])).toEqual(['f_fldAmount, f_fldDone, f_fldOwner, f_fldDue DESC, id, f_fldStage']);
  });

  it('keeps several values, negations, empties and unchecked out of the key (they are checked in the index)', () => {
    expect(wanted(and(
      { field: 'Stage', operator: 'isAnyOf', value: ['Lead', 'Won'] },
      { field: 'Done', operator: 'is', value: false },
      { field: 'Owner', operator: 'isNot', value: 'usr1' },
      { field: 'Name', operator: 'is', value: '' },
    ), [{ field: 'Amount', direction: 'desc' }])).toEqual(['f_fldAmount DESC, id, f_fldDone, f_fldOwner, f_fldStage']);
  });

  it('finds equalities in nested ANDs and one-condition groups, none under an OR', () => {
    expect(wanted(and(and({ field: 'Stage', operator: 'is', value: 'Won' }), { conjunction: 'or', conditions: [{ field: 'Amount', operator: '>', value: 1 }] })))
      .toEqual(['f_fldStage, id, f_fldAmount']);
    expect(wanted({ conjunction: 'or', conditions: [{ field: 'Stage', operator: 'is', value: 'Won' }, { field: 'Amount', operator: '>', value: 1 }] }, [{ field: 'Name' }]))
      .toEqual(['f_fldName NOCASE, id, f_fldAmount, f_fldStage']);
  });

  it('indexes sort fields as far as SQL orders by the bare column (text NOCASE, directions kept)', () => {
    expect(wanted(undefined, [{ field: 'Name' }, { field: 'Amount', direction: 'desc' }, { field: 'Stage' }, { field: 'Due' }]))
      .toEqual(['f_fldName NOCASE, f_fldAmount DESC']);
    // NULLS LAST on a later ascending key is more than an index order gives: SQLite sorts
    // within ties of the keys before it, so the index stops there.
    expect(wanted(undefined, [{ field: 'Name', direction: 'desc' }, { field: 'Amount' }, { field: 'Due', direction: 'desc' }]))
      .toEqual(['f_fldName NOCASE DESC']);
    expect(wanted(undefined, [{ field: 'Stage' }, { field: 'Amount' }])).toEqual([]);
    expect(wanted(undefined, [{ field: 'Created' }])).toEqual([]);
  });

  it('gives a view with neither equality nor indexable sort one index per selective filter field, as before', () => {
    expect(wanted({ conjunction: 'or', conditions: [{ field: 'Name', operator: 'contains', value: 'a' }, { field: 'Due', operator: 'isEmpty' }, { field: 'Stage', operator: 'isAnyOf', value: ['Won', 'Lead'] }] }))
      .toEqual(['f_fldName NOCASE', 'f_fldDue']);
  });

  it('leaves text and JSON arrays out of the covering columns', () => {
    expect(wanted(and({ field: 'Stage', operator: 'is', value: 'Won' }, { field: 'Name', operator: 'contains', value: 'x' }, { field: 'Tags', operator: 'hasAnyOf', value: ['VIP'] })))
      .toEqual(['f_fldStage']);
  });
});

describe('SQLite uses the composite', () => {
  const rows = Array.from({ length: 400 }, (_, i) => ({
    fldName: ['上海', '北京', 'shanghai', 'SHANGHAI'][i % 4], fldAmount: i % 7 === 0 ? null : (i * 37) % 1000,
    fldDue: i % 5 === 0 ? null : `2024-0${1 + (i % 9)}-${10 + (i % 19)}`, fldStage: ['Lead', 'Won', 'Lost'][i % 3], fldDone: i % 2 === 0,
  }));
  const cases: Array<[string, unknown, unknown]> = [
    ['text equality + range, ascending date', and({ field: 'Name', operator: 'is', value: 'Shanghai' }, { field: 'Amount', operator: '>=', value: 300 }), [{ field: 'Due' }]],
    ['choice + checked, descending date', and({ field: 'Stage', operator: 'is', value: 'Won' }, { field: 'Done', operator: 'is', value: true }), [{ field: 'Due', direction: 'desc' }]],
    ['two sorts, the second descending', and({ field: 'Stage', operator: 'is', value: 'Lead' }), [{ field: 'Name' }, { field: 'Amount', direction: 'desc' }]],
    ['equality, no sort (id order)', and({ field: 'Stage', operator: 'is', value: 'Lost' }, { field: 'Amount', operator: '<', value: 500 }), []],
  ];

  it.each(cases)('%s: no sort step, same rows as without the index', (_name, filter, sorts) => {
    const db = memoryTable('tblTest', fields, rows);
    const query = { tableId: 'tblTest', fields, ...resolved(filter, sorts), limit: 1000, offset: 0 };
    const before = queryRecords(db, query, ctx).rows.map((row) => row.id);
    const specs = indexesForQuery(query.filter, query.sorts);
    expect(specs).toHaveLength(1);
    const { created } = syncTableIndexes(db, 'tblTest', specs);
    const plan = explainRecordQuery(db, query, ctx).join(' | ');
    expect(plan).toContain(`USING COVERING INDEX ${created[0]}`);
    expect(plan).not.toContain('TEMP B-TREE');
    expect(queryRecords(db, query, ctx).rows.map((row) => row.id)).toEqual(before);
    expect(before.length).toBeGreaterThan(10);
  });

  it('lets SQLite use a single-field NOCASE index for text equality', () => {
    const db = memoryTable('tblTest', fields, rows);
    ensureFieldIndex(db, 'tblTest', 'fldName', { nocase: true });
    const plan = explainRecordQuery(db, { tableId: 'tblTest', ...resolved(and({ field: 'Name', operator: 'is', value: 'ACME' })), limit: 10, offset: 0 }, ctx);
    expect(plan.join(' | ')).toContain('ix_tblTest_fldName_nocase');
  });
});

describe('syncing a table’s indexes', () => {
  it('builds the missing ones with statistics, drops managed ones no longer wanted, leaves others alone', () => {
    const db = memoryTable('tblTest', fields, [{ fldName: 'a' }, { fldName: 'b' }]);
    db.sqlite.exec('CREATE INDEX by_hand ON t_tblTest (f_fldName)');
    ensureFieldIndex(db, 'tblTest', 'fldAmount');
    const composite = { columns: [{ column: 'f_fldStage', nocase: false, desc: false }, { column: 'f_fldDue', nocase: false, desc: true }] };
    const first = syncTableIndexes(db, 'tblTest', [composite]);
    expect(first).toEqual({ created: [indexName('tblTest', composite)], dropped: ['ix_tblTest_fldAmount'] });
    expect(db.sqlite.prepare('SELECT idx FROM sqlite_stat1 WHERE tbl = ?').pluck().all('t_tblTest')).toContain(first.created[0]);
    expect(syncTableIndexes(db, 'tblTest', [composite])).toEqual({ created: [], dropped: [] });
    expect(syncTableIndexes(db, 'tblTest', [])).toEqual({ created: [], dropped: [first.created[0]] });
    expect(listTableIndexes(db, 'tblTest').map((index) => index.name)).toEqual(['by_hand']);
  });
});
