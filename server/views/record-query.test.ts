import { describe, expect, it } from 'vitest';
import { resolveFilter } from '../../core/filter/resolve.ts';
import { resolveSorts } from '../../core/filter/sort.ts';
import { FIELDS, testField } from '../../core/filter/test-fields.ts';
import type { FilterContext } from '../../core/filter/resolved.ts';
import { AppError } from '../errors.ts';
import { countRecords, queryRecords } from './record-query.ts';
import { compileFilter } from './compile-filter.ts';
import { memoryTable } from './test-table.ts';

const ctx: FilterContext = { now: new Date('2024-06-15T04:00:00Z'), timeZone: 'Asia/Shanghai', userId: 'usrMe' };
const HOSTILE = ["'; DROP TABLE t_tblTest; --", '%', '_', '\\', "O'Brien", '"; --'];
const stage = testField('fldStage', 'Stage', 'singleSelect', { choices: HOSTILE.map((name) => ({ name })) });
const tags = testField('fldTags', 'Tags', 'multipleSelects', { choices: HOSTILE.map((name) => ({ name })) });
const fields = [FIELDS.name, FIELDS.amount, FIELDS.owner, stage, tags];
const rows = [
  { fldName: "'; DROP TABLE t_tblTest; --", fldAmount: 1, fldStage: HOSTILE[0], fldTags: [HOSTILE[0]], fldOwner: 'usrMe' },
  { fldName: '100% sure', fldAmount: 2, fldStage: '%', fldTags: ['%', '_'] },
  { fldName: 'a_b', fldAmount: 3, fldStage: '_', fldTags: ['_'] },
  { fldName: 'back\\slash', fldAmount: 4, fldStage: '\\', fldTags: ['\\'] },
  { fldName: 'plain', fldAmount: 5 },
];

function ids(db: ReturnType<typeof memoryTable>, filter: unknown, extra: { limit?: number; offset?: number } = {}): number[] {
  const resolved = resolveFilter(filter, fields);
  if (!resolved.ok) throw new Error(resolved.problems[0]?.message);
  return queryRecords(db, { tableId: 'tblTest', fields, filter: resolved.filter, limit: extra.limit ?? 100, offset: extra.offset ?? 0 }, ctx).rows.map((row) => row.id);
}
const where = (field: string, operator: string, value: unknown) => ({ conjunction: 'and', conditions: [{ field, operator, value }] });

describe('values are data, never SQL', () => {
  it.each([
    ['Name', 'contains', "'; DROP TABLE t_tblTest; --", [1]],
    ['Name', 'is', "'; drop table T_TBLTEST; --", [1]],
    ['Name', 'contains', '%', [2]],
    ['Name', 'contains', '_', [1, 3]], // t_tblTest has one too
    ['Name', 'contains', '\\', [4]],
    ['Name', 'doesNotContain', '%', [1, 3, 4, 5]],
    ['Name', 'isAnyOf', ['%', '_', 'PLAIN'], [5]],
    ['Stage', 'is', '%', [2]],
    ['Stage', 'isAnyOf', ["'; DROP TABLE t_tblTest; --", '\\'], [1, 4]],
    ['Tags', 'hasAnyOf', ['_'], [2, 3]],
    ['Tags', 'hasAllOf', ['%', '_'], [2]],
    ['Tags', 'is', ['_'], [3]],
    ['Owner', 'is', "usrMe' OR 1=1 --", []],
  ])('%s %s %j', (field, operator, value, expected) => {
    const db = memoryTable('tblTest', fields, rows);
    expect(ids(db, where(field, operator, value))).toEqual(expected);
    expect(db.sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 't_tblTest'").get()).toEqual({ n: 1 });
  });

  it('binds every value as a parameter', () => {
    const resolved = resolveFilter(where('Name', 'contains', "'; DROP TABLE t_tblTest; --"), fields);
    if (!resolved.ok) throw new Error('unexpected');
    const db = memoryTable('tblTest', fields, []);
    const compiled = compileFilter(resolved.filter, 'tblTest', ctx).compile(db.kysely);
    expect(compiled.sql).not.toContain('DROP');
    expect(compiled.parameters).toContain("'; drop table t_tbltest; --");
  });

  it('sorts by choices whose names look like SQL', () => {
    const db = memoryTable('tblTest', fields, rows);
    const sorts = resolveSorts([{ field: 'Stage', direction: 'desc' }], fields);
    if (!sorts.ok) throw new Error('unexpected');
    const page = queryRecords(db, { tableId: 'tblTest', fields, sorts: sorts.sorts, limit: 10, offset: 0 }, ctx);
    expect(page.rows.map((row) => row.id)).toEqual([4, 3, 2, 1, 5]);
  });
});

describe('queryRecords', () => {
  it('pages with limit and offset and says where the next page starts', () => {
    const db = memoryTable('tblTest', fields, rows);
    const page = (offset: number) => queryRecords(db, { tableId: 'tblTest', fields, limit: 2, offset }, ctx);
    expect(page(0)).toMatchObject({ nextOffset: 2 });
    expect(page(2).rows.map((row) => row.id)).toEqual([3, 4]);
    expect(page(4)).toEqual({ rows: [expect.objectContaining({ id: 5 })] });
    expect(page(10)).toEqual({ rows: [] });
  });

  it('returns the system columns and the chosen field columns, raw', () => {
    const db = memoryTable('tblTest', fields, rows);
    const [row] = queryRecords(db, { tableId: 'tblTest', fields, fieldIds: ['fldTags'], limit: 1, offset: 0 }, ctx).rows;
    expect(row).toEqual({
      id: 1, version: 1, created_at: '2024-01-01T00:00:00.000Z', updated_at: '2024-01-01T00:00:00.000Z',
      created_by: null, updated_by: null, f_fldTags: JSON.stringify([HOSTILE[0]]),
    });
  });

  it('counts what the filter passes', () => {
    const db = memoryTable('tblTest', fields, rows);
    const resolved = resolveFilter(where('Amount', '>', 2), fields);
    if (!resolved.ok) throw new Error('unexpected');
    expect(countRecords(db, { tableId: 'tblTest', filter: resolved.filter }, ctx)).toBe(3);
    expect(countRecords(db, { tableId: 'tblTest' }, ctx)).toBe(5);
  });

  it('refuses bad page sizes, offsets and table ids', () => {
    const db = memoryTable('tblTest', fields, rows);
    expect(() => queryRecords(db, { tableId: 'tblTest', fields, limit: 0, offset: 0 }, ctx)).toThrow(AppError);
    expect(() => queryRecords(db, { tableId: 'tblTest', fields, limit: 1, offset: -1 }, ctx)).toThrow(AppError);
    expect(() => queryRecords(db, { tableId: 'tbl"x', fields, limit: 1, offset: 0 }, ctx)).toThrow(/unsafe identifier/);
  });
});
