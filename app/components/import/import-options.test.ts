import { describe, expect, it } from 'vitest';
import { buildImportOptions, choiceProblem, initialSheets, type SheetChoice } from './import-options.ts';
import type { ImportTarget, PreviewSheet } from './import-types.ts';

const sheet = (name: string, over: Partial<PreviewSheet> = {}): PreviewSheet => ({
  name,
  hidden: false,
  headerRow: 1,
  columns: [
    { index: 0, name: '客户名称', type: 'singleLineText', options: {} },
    { index: 1, name: '电话', type: 'phoneNumber', options: {} },
    { index: 2, name: '预估金额', type: 'currency', options: { symbol: '¥', precision: 2 } },
  ],
  rows: [{ row: 2, cells: ['杭州领航', '138 0000 0000', 2347275] }],
  hiddenRows: [],
  hiddenColumns: [],
  empty: false,
  ...over,
});

const existing: ImportTarget = {
  kind: 'existing',
  tableId: 'tblA',
  fields: [
    { id: 'fldName', name: '客户名称', type: 'singleLineText' },
    { id: 'fldPhone', name: 'Phone', type: 'phoneNumber' },
    { id: 'fldAuto', name: '预估金额', type: 'autoNumber' },
  ],
  canCreateFields: true,
};

describe('the import options built from the wizard', () => {
  it('into a new table: every column listed, only changes beyond the header name sent', () => {
    const [choice] = initialSheets([sheet('customers')], { kind: 'new' }, '客户.csv');
    expect(choice!.tableName).toBe('客户');
    const edited: SheetChoice = {
      ...choice!,
      columns: choice!.columns.map((column) => {
        if (column.index === 0) return { ...column, name: '公司' };
        if (column.index === 1) return { ...column, type: 'singleLineText' };
        return { ...column, destination: { kind: 'skip' } };
      }),
    };
    expect(buildImportOptions({ kind: 'new' }, [edited])).toEqual({
      sheets: [{
        name: 'customers',
        tableName: '客户',
        columns: [
          { column: 0, name: '公司' },
          { column: 1, name: '电话', type: 'singleLineText' },
          { column: 2, skip: true },
        ],
      }],
    });
  });

  it('sends the header row only when the person changed it, and the hidden-rows choice', () => {
    const [choice] = initialSheets([sheet('联系人', { headerRow: 2 })], { kind: 'new' }, 'book.xlsx');
    expect(buildImportOptions({ kind: 'new' }, [choice!]).sheets![0]).not.toHaveProperty('headerRow');
    const [reread] = initialSheets([sheet('联系人', { headerRow: 3 })], { kind: 'new' }, 'book.xlsx', [{ ...choice!, skipHiddenRows: true }]);
    expect(reread!.detectedHeaderRow).toBe(2);
    expect(buildImportOptions({ kind: 'new' }, [reread!]).sheets![0]).toMatchObject({ name: '联系人', headerRow: 3, skipHiddenRows: true });
  });

  it('a workbook: each visible sheet its own table, named after the sheet; hidden sheets left out', () => {
    const choices = initialSheets([sheet('客户'), sheet('备注', { hidden: true }), sheet('空', { empty: true })], { kind: 'new' }, 'customers.xlsx');
    expect(choices.map((c) => [c.name, c.selected, c.tableName])).toEqual([['客户', true, '客户'], ['备注', false, '备注']]);
    expect(buildImportOptions({ kind: 'new' }, choices).sheets!.map((s) => s.name)).toEqual(['客户']);
  });

  it('into an existing table: same-named writable fields, new fields for the rest, and the key field', () => {
    const [choice] = initialSheets([sheet('data')], existing, 'data.csv');
    expect(choice!.columns.map((c) => c.destination)).toEqual([
      { kind: 'field', fieldId: 'fldName' },
      { kind: 'new' },
      { kind: 'new' }, // 预估金额 is an auto number there: not writable
    ]);
    const mapped: SheetChoice = {
      ...choice!,
      keyField: 'fldPhone',
      columns: choice!.columns.map((c) => (c.index === 1 ? { ...c, destination: { kind: 'field', fieldId: 'fldPhone' } } : c.index === 2 ? { ...c, destination: { kind: 'skip' } } : c)),
    };
    expect(buildImportOptions(existing, [mapped])).toEqual({
      sheets: [{
        name: 'data',
        tableId: 'tblA',
        keyField: 'fldPhone',
        columns: [{ column: 0, field: 'fldName' }, { column: 1, field: 'fldPhone' }, { column: 2, skip: true }],
      }],
    });
  });

  it('drops a key field no column goes to', () => {
    const [choice] = initialSheets([sheet('data')], existing, 'data.csv');
    expect(buildImportOptions(existing, [{ ...choice!, keyField: 'fldPhone' }]).sheets![0]).not.toHaveProperty('keyField');
  });

  it('an editor (no new fields) gets unmatched columns skipped', () => {
    const [choice] = initialSheets([sheet('data')], { ...existing, canCreateFields: false }, 'data.csv');
    expect(choice!.columns.map((c) => c.destination.kind)).toEqual(['field', 'skip', 'skip']);
  });

  it('keeps decisions for columns whose header did not change when the preview is read again', () => {
    const [first] = initialSheets([sheet('data')], { kind: 'new' }, 'data.csv');
    const renamed = { ...first!, columns: first!.columns.map((c) => (c.index === 0 ? { ...c, name: 'Company' } : c)) };
    const moved = sheet('data', { columns: [{ index: 0, name: '客户名称', type: 'singleLineText', options: {} }, { index: 1, name: '手机', type: 'phoneNumber', options: {} }] });
    const [again] = initialSheets([moved], { kind: 'new' }, 'data.csv', [renamed]);
    expect(again!.columns.map((c) => c.name)).toEqual(['Company', '手机']);
  });
});

describe('what stops an import from starting', () => {
  it('names the problem and the sheet', () => {
    const [choice] = initialSheets([sheet('data')], { kind: 'new' }, 'data.csv');
    expect(choiceProblem({ kind: 'new' }, [choice!])).toBeNull();
    expect(choiceProblem({ kind: 'new' }, [{ ...choice!, selected: false }])).toEqual({ problem: 'noSheet' });
    const none = { ...choice!, columns: choice!.columns.map((c) => ({ ...c, destination: { kind: 'skip' as const } })) };
    expect(choiceProblem({ kind: 'new' }, [none])).toEqual({ problem: 'noColumn', sheet: 'data' });
    const clash = { ...choice!, columns: choice!.columns.map((c) => (c.index === 1 ? { ...c, name: ' 客户名称 ' } : c)) };
    expect(choiceProblem({ kind: 'new' }, [clash])).toEqual({ problem: 'duplicateName', sheet: 'data', name: '客户名称' });
    const blank = { ...choice!, columns: choice!.columns.map((c) => (c.index === 1 ? { ...c, name: '  ' } : c)) };
    expect(choiceProblem({ kind: 'new' }, [blank])?.problem).toBe('emptyName');
  });

  it('a new field may not take the name of an existing one, nor two columns one field', () => {
    const [choice] = initialSheets([sheet('data')], existing, 'data.csv');
    const clash = { ...choice!, columns: choice!.columns.map((c) => (c.index === 1 ? { ...c, name: 'phone' } : c)) };
    expect(choiceProblem(existing, [clash])).toEqual({ problem: 'duplicateName', sheet: 'data', name: 'phone' });
    const twice = { ...choice!, columns: choice!.columns.map((c) => (c.index === 2 ? { ...c, destination: { kind: 'field' as const, fieldId: 'fldName' } } : c)) };
    expect(choiceProblem(existing, [twice])).toEqual({ problem: 'fieldTwice', sheet: 'data', name: '客户名称' });
  });
});
