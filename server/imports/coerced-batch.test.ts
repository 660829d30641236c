import { describe, expect, it } from 'vitest';
import { fieldTypes } from '../../core/fields/registry.ts';
import { CoercedBatchBuilder, coerceRows, mergeCoercedBatches, unpack } from './coerced-batch.ts';
import { ColumnCoercer, type ColumnSpec } from './column-coercer.ts';

const ctx = { typecast: true, timeZone: 'Asia/Shanghai' };
const options = (type: keyof typeof fieldTypes, input: unknown = {}) => fieldTypes[type].options.parse(input) as Record<string, unknown>;

function coercers(specs: Array<Omit<ColumnSpec, 'index'>>): ColumnCoercer[] {
  return specs.map((spec, index) => new ColumnCoercer({ ...spec, index }, ctx));
}

describe('coerceRows', () => {
  const columns = () => coercers([
    { header: 'Name', fieldId: 'f1', type: 'singleLineText', options: options('singleLineText') },
    { header: 'Amount', fieldId: 'f2', type: 'currency', options: options('currency') },
    { header: 'Done', fieldId: 'f3', type: 'checkbox', options: options('checkbox') },
    { header: 'Level', fieldId: 'f4', type: 'singleSelect', options: options('singleSelect', { choices: [{ name: 'A' }] }) },
    { header: 'Day', fieldId: 'f5', type: 'date', options: options('date') },
  ]);

  it('stores what the field types store, leaves bad cells empty and reports them with row and column', () => {
    const batch = coerceRows([
      { row: 2, cells: ["'=1+1", '¥1,234.50', '是', 'ａ', '2024年1月5日'] },
      { row: 3, cells: ['  ', 'abc', null, 'B', 'not a date'] },
      { row: 5, cells: ['Li', null, '否', 'B', null] },
    ], columns(), undefined, { skipped: 1, bytesDone: 99 });
    const stored = batch.stored.map(unpack);
    expect(stored).toEqual([
      ['=1+1', null, 'Li'],
      [1234.5, null, null],
      [1, 0, 0],
      ['A', 'B', 'B'],
      ['2024-01-05', null, null],
    ]);
    // Checkbox values differ from what is stored; the others are sent once, as stored.
    expect(batch.values.map((column) => column !== null)).toEqual([false, false, true, false, false]);
    expect(batch.values[2]).toEqual([true, false, false]);
    expect(Array.from(batch.rows)).toEqual([2, 3, 5]);
    expect(batch.present.map((flags) => Array.from(flags))).toEqual([[1, 1, 1], [1, 0, 0], [1, 0, 1], [1, 1, 1], [1, 0, 0]]);
    expect(batch.choices[3]!.sort()).toEqual(['A', 'B']);
    expect(batch.problems).toEqual([
      { row: 3, column: 'Amount', value: 'abc', reason: expect.stringContaining('"abc"') },
      { row: 3, column: 'Day', value: 'not a date', reason: expect.stringContaining('not a date') },
    ]);
    expect(batch).toMatchObject({ skipped: 1, rowsRead: 4, bytesDone: 99, keyText: null });
  });

  it('skips and reports a row whose key cannot be read, keeping the key text of the others', () => {
    const keyed = coercers([
      { header: 'Code', fieldId: 'k', type: 'number', options: options('number') },
      { header: 'Name', fieldId: 'n', type: 'singleLineText', options: options('singleLineText') },
    ]);
    const batch = coerceRows([
      { row: 2, cells: ['x1', 'bad key'] },
      { row: 3, cells: ['1,000', 'ok'] },
      { row: 4, cells: [null, 'no key'] },
    ], keyed, 0, { skipped: 0, bytesDone: 0 });
    expect(Array.from(batch.rows)).toEqual([3, 4]);
    expect(batch.keyText).toEqual(['1,000', '']);
    expect(unpack(batch.stored[0]!)).toEqual([1000, null]);
    expect(batch.problems).toEqual([{ row: 2, column: 'Code', value: 'x1', reason: expect.stringMatching(/^the key cannot be read, so the row was skipped: /) }]);
    expect(batch).toMatchObject({ skipped: 1, rowsRead: 3 });
  });
});

describe('packed columns', () => {
  it('round-trip text with empty strings and nulls, numbers with nulls, and mixed columns', () => {
    const [text] = coercers([{ header: 'T', fieldId: 't', type: 'longText', options: options('longText') }]);
    const rows = ['a', '', 'b\nc', null, '汉字😀'].map((cell, i) => ({ row: i + 2, cells: [cell] }));
    // '' is blank to a text field, so it stores null like an empty cell.
    expect(unpack(coerceRows(rows, [text!], undefined, { skipped: 0, bytesDone: 0 }).stored[0]!)).toEqual(['a', null, 'b\nc', null, '汉字😀']);
    expect(unpack({ kind: 'text', text: 'abcd', ends: Int32Array.from([1, 1, -1, 4]) })).toEqual(['a', '', null, 'bcd']);
    expect(unpack({ kind: 'number', numbers: Float64Array.from([1.5, 0, -2]), nulls: Uint8Array.from([0, 1, 0]) })).toEqual([1.5, null, -2]);
    expect(unpack({ kind: 'any', items: ['x', 2, null] })).toEqual(['x', 2, null]);
  });
});

describe('ColumnCoercer', () => {
  it('gives what the field type gives, whether it remembers a repeating column or not', () => {
    const type = fieldTypes.date;
    const opts = options('date');
    const coercer = new ColumnCoercer({ index: 0, header: 'D', fieldId: 'd', type: 'date', options: opts }, ctx);
    // A few repeating values, then thousands of distinct ones (it stops remembering), then repeats again.
    const inputs = [
      ...Array.from({ length: 3000 }, (_, i) => `2024-01-${String((i % 28) + 1).padStart(2, '0')}`),
      ...Array.from({ length: 6000 }, (_, i) => `${2000 + (i % 20)}/${(i % 12) + 1}/${(i % 27) + 1}`),
      '2024-13-01', '2024-01-05',
    ];
    for (const input of inputs) {
      const expected = type.coerce(input, opts as never, ctx);
      const got = coercer.coerce(input);
      if (expected.ok) expect(got).toEqual({ ok: true, value: expected.value, stored: type.toStorage(expected.value, opts as never), batch: expect.any(Number) });
      else expect(got).toEqual({ ok: false, error: expected.error });
    }
  });

  it('adds new choices to its own options, so a later spelling folds to the first', () => {
    const coercer = new ColumnCoercer({ index: 0, header: 'S', fieldId: 's', type: 'singleSelect', options: options('singleSelect') }, ctx);
    expect(coercer.coerce('VIP')).toMatchObject({ ok: true, value: 'VIP', stored: 'VIP' });
    expect(coercer.coerce('ｖｉｐ')).toMatchObject({ ok: true, value: 'VIP', stored: 'VIP' });
  });

  it('reports a remembered choice in every batch that uses it, once per batch', () => {
    const [level] = coercers([{ header: 'Level', fieldId: 'l', type: 'singleSelect', options: options('singleSelect') }]);
    const builder = new CoercedBatchBuilder([level!], undefined, 2);
    for (const row of [2, 3, 4]) builder.add({ row, cells: ['B'] });
    const first = builder.finish({ skipped: 0, bytesDone: 0 });
    builder.add({ row: 5, cells: ['B'] });
    builder.add({ row: 6, cells: ['C'] });
    const second = builder.finish({ skipped: 0, bytesDone: 0 });
    expect(first.choices[0]).toEqual(['B']);
    expect(second.choices[0]!.sort()).toEqual(['B', 'C']);
    // The builder grew past its capacity of 2 and kept every row.
    expect(Array.from(first.rows)).toEqual([2, 3, 4]);
    expect(Array.from(first.present[0]!)).toEqual([1, 1, 1]);
  });

  it('merges consecutive batches into what coercing their rows together gives', () => {
    const make = () => coercers([
      { header: 'Name', fieldId: 'f1', type: 'singleLineText', options: options('singleLineText') },
      { header: 'Amount', fieldId: 'f2', type: 'currency', options: options('currency') },
      { header: 'Done', fieldId: 'f3', type: 'checkbox', options: options('checkbox') },
      { header: 'Level', fieldId: 'f4', type: 'singleSelect', options: options('singleSelect') },
      { header: 'Code', fieldId: 'f5', type: 'singleLineText', options: options('singleLineText') },
    ]);
    const rows = [
      { row: 2, cells: ['甲', '¥1', null, 'A', '1'] },
      { row: 3, cells: [null, 'bad', null, 'B', null] },
      { row: 4, cells: ['丙', null, '是', 'A', '3'] },
      { row: 5, cells: ['丁', '4', null, 'C', null] },
      { row: 6, cells: ['', '5.5', '否', null, '6'] },
    ];
    const whole = coerceRows(rows, make(), 4, { skipped: 0, bytesDone: 10 });
    const columns = make();
    const parts = [
      coerceRows(rows.slice(0, 2), columns, 4, { skipped: 1, bytesDone: 4 }),
      coerceRows(rows.slice(2, 3), columns, 4, { skipped: 0, bytesDone: 7 }),
      coerceRows(rows.slice(3), columns, 4, { skipped: 0, bytesDone: 10 }),
    ];
    const merged = mergeCoercedBatches(parts);
    expect(merged.stored.map(unpack)).toEqual(whole.stored.map(unpack));
    expect(merged.values).toEqual(whole.values);
    expect(Array.from(merged.rows)).toEqual(Array.from(whole.rows));
    expect(merged.present.map((flags) => Array.from(flags))).toEqual(whole.present.map((flags) => Array.from(flags)));
    expect(merged.choices.map((names) => names?.sort() ?? null)).toEqual(whole.choices.map((names) => names?.sort() ?? null));
    expect(merged.keyText).toEqual(whole.keyText);
    expect(merged.problems).toEqual(whole.problems);
    expect(merged).toMatchObject({ skipped: whole.skipped + 1, rowsRead: whole.rowsRead + 1, bytesDone: 10 });
    // The text column of only nulls in one part and text in others, and a number column with a bad cell, keep their kinds.
    expect(merged.stored[1]!.kind).toBe('number');
    expect(merged.stored[0]!.kind).toBe('text');
  });
});

