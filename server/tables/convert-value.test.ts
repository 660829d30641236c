import { describe, expect, it } from 'vitest';
import { fieldTypes } from '../../core/fields/registry.ts';
import type { StoredTypeName } from '../../core/fields/field-type.ts';
import { convertValue, type ConvertEnv } from './convert-value.ts';

const USERS = [{ id: 'usrAnn00000000001', email: 'ann@example.com', name: 'Ann' }];
const env: ConvertEnv = {
  timeZone: 'Asia/Shanghai',
  userEmail: (id) => USERS.find((u) => u.id === id)?.email,
  resolveUser: (input) => USERS.find((u) => u.id === input || u.email === input.toLowerCase() || u.name === input)?.id,
};

function typed(type: StoredTypeName, options: unknown = {}) {
  const fieldType = fieldTypes[type];
  return { fieldType, options: fieldType.options.parse(options) };
}

const file = { id: 'a'.repeat(64), filename: 'quote.pdf', size: 10, type: 'application/pdf', url: `/api/v1/attachments/${'a'.repeat(64)}` };
const choices = (...names: string[]) => ({ choices: names.map((name) => ({ name })) });

// [from type, from options, value, to type, to options, expected value | {error}, added choices?]
type Row = [StoredTypeName, unknown, unknown, StoredTypeName, unknown, unknown, string[]?];
const rows: Row[] = [
  ['singleLineText', {}, '1,234.5', 'number', {}, 1234.5],
  ['singleLineText', {}, '¥88', 'currency', {}, 88],
  ['singleLineText', {}, '1.2万', 'number', {}, 12_000],
  ['singleLineText', {}, 'call back', 'number', {}, { error: '"call back" is not a number' }],
  ['singleLineText', {}, '35%', 'percent', {}, 0.35],
  ['number', {}, 1234.5, 'singleLineText', {}, '1234.5'],
  ['number', {}, 13800138000, 'singleLineText', {}, '13800138000'],
  ['number', { precision: 2 }, 3, 'longText', {}, '3.00'],
  ['currency', {}, -1234.5, 'singleLineText', {}, '-¥1234.50'],
  ['percent', {}, 0.12, 'singleLineText', {}, '12%'],
  ['number', {}, 0.12, 'percent', {}, 0.12],
  ['number', {}, 4, 'rating', {}, 4],
  ['number', {}, 7, 'rating', {}, { error: '7 is not a rating: ratings are whole numbers from 1 to 5' }],
  ['date', {}, '2024-01-05', 'singleLineText', {}, '2024-01-05'],
  ['date', { includeTime: true }, '2024-01-05T01:30:00.000Z', 'singleLineText', {}, '2024-01-05 09:30'],
  ['date', { includeTime: true, dateFormat: 'us' }, '2024-01-05T01:30:00.000Z', 'singleLineText', {}, '2024-01-05 09:30'],
  ['singleLineText', {}, '2024年1月5日', 'date', {}, '2024-01-05'],
  ['singleLineText', {}, '2024-01-05 09:30', 'date', { includeTime: true }, '2024-01-05T01:30:00.000Z'],
  ['singleLineText', {}, 'next week', 'date', {}, { error: '"next week" is not a date' }],
  ['date', {}, '2024-01-05', 'date', { includeTime: true }, '2024-01-04T16:00:00.000Z'],
  ['date', { includeTime: true }, '2024-01-05T20:00:00.000Z', 'date', {}, '2024-01-06'],
  ['createdTime', {}, '2024-01-05T01:30:00.000Z', 'date', { includeTime: true }, '2024-01-05T01:30:00.000Z'],
  ['checkbox', {}, true, 'singleLineText', {}, '✓'],
  ['checkbox', {}, false, 'singleLineText', {}, null],
  ['checkbox', {}, true, 'number', {}, 1],
  ['singleLineText', {}, 'yes', 'checkbox', {}, true],
  ['singleLineText', {}, '是', 'checkbox', {}, true],
  ['singleLineText', {}, '✓', 'checkbox', {}, true],
  ['singleLineText', {}, 'maybe', 'checkbox', {}, { error: '"maybe" is not a yes/no value (use true/false, yes/no, 是/否 or 1/0)' }],
  ['number', {}, 0, 'checkbox', {}, false],
  ['singleLineText', {}, 'Hot', 'singleSelect', {}, 'Hot', ['Hot']],
  ['singleLineText', {}, 'hot', 'singleSelect', choices('Hot'), 'Hot'],
  ['singleSelect', choices('Hot'), 'Hot', 'singleLineText', {}, 'Hot'],
  ['singleSelect', choices('Hot'), 'Hot', 'multipleSelects', choices('Hot'), ['Hot']],
  ['multipleSelects', choices('A', 'B'), ['A', 'B'], 'singleLineText', {}, 'A, B'],
  ['multipleSelects', choices('A', 'B'), ['A', 'B'], 'singleSelect', choices('A', 'B'), 'A'],
  ['singleLineText', {}, 'A, B；C', 'multipleSelects', choices('A'), ['A', 'B', 'C'], ['B', 'C']],
  ['user', {}, 'usrAnn00000000001', 'singleLineText', {}, 'ann@example.com'],
  ['user', {}, 'usrAnn00000000001', 'email', {}, 'ann@example.com'],
  ['singleLineText', {}, 'Ann@Example.com', 'user', {}, 'usrAnn00000000001'],
  ['singleLineText', {}, 'Bob', 'user', {}, { error: 'no user matches "Bob"' }],
  ['attachment', {}, [file, { ...file, filename: 'logo.png' }], 'singleLineText', {}, 'quote.pdf, logo.png'],
  ['singleLineText', {}, 'quote.pdf', 'attachment', {}, { error: 'expects a list of attachments, got string "quote.pdf"' }],
  ['singleLineText', {}, 'line one', 'longText', {}, 'line one'],
  ['longText', {}, 'line one\nline two', 'singleLineText', {}, 'line one line two'],
  ['singleLineText', {}, 'ann@example.com', 'email', {}, 'ann@example.com'],
  ['autoNumber', {}, 42, 'singleLineText', {}, '42'],
  ['singleLineText', {}, null, 'number', {}, null],
];

describe('convertValue', () => {
  it.each(rows)('%s %j %j → %s %j', (fromType, fromOptions, value, toType, toOptions, expected, added) => {
    const result = convertValue(value, typed(fromType, fromOptions), typed(toType, toOptions), env);
    if (expected && typeof expected === 'object' && 'error' in expected) {
      expect(result).toEqual({ ok: false, error: (expected as { error: string }).error });
      return;
    }
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual(expected);
    expect(result.addChoices ?? []).toEqual(added ?? []);
  });

  it('keeps values that fit and refuses removed choices when only options change', () => {
    const from = typed('singleSelect', choices('Hot', 'Cold'));
    const to = typed('singleSelect', choices('Hot'));
    expect(convertValue('Hot', from, to, env, false)).toEqual({ ok: true, value: 'Hot' });
    expect(convertValue('Cold', from, to, env, false)).toEqual({ ok: false, error: '"Cold" is not one of the field\'s choices' });
  });
});
