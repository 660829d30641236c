import { describe, expect, it } from 'vitest';
import { parseNumberInput, parseNumberText } from './parse-number.ts';

describe('parseNumberText', () => {
  it.each([
    ['123', 123],
    ['  42 ', 42],
    ['-1,234', -1234],
    ['+7', 7],
    ['(1,234)', -1234],
    ['¥(1,234.50)', -1234.5],
    ['¥1,234.50', 1234.5],
    ['￥1,234.50', 1234.5],
    ['¥ 88', 88],
    ['-¥1,234', -1234],
    ['¥-1,234', -1234],
    ['−12', -12],
    ['$12.5', 12.5],
    ['US$12.5', 12.5],
    ['RMB 100', 100],
    ['100 CNY', 100],
    ['100元', 100],
    ['€ 3', 3],
    ['1,000,000', 1_000_000],
    ['1 000 000', 1_000_000],
    ['1,00,000', 100_000],
    ['1.234.567', 1_234_567],
    ['1.234,56', 1234.56],
    ['1,5', 1.5],
    ['１２３', 123],
    ['１，２３４．５', 1234.5],
    ['1.2万', 12_000],
    ['1.1万', 11_000],
    ['5万元', 50_000],
    ['3亿', 300_000_000],
    ['12k', 12_000],
    ['2.5M', 2_500_000],
    ['3.5e3', 3500],
    ['1E-2', 0.01],
    ['.5', 0.5],
    ['5.', 5],
    ['0', 0],
    ['-0', 0],
  ])('%j → %d', (text, expected) => {
    expect(parseNumberText(text)).toEqual({ ok: true, value: expected, percent: false });
  });

  it.each([
    ['12%', 0.12],
    ['50 %', 0.5],
    ['１２％', 0.12],
    ['1.1%', 0.011],
    ['120%', 1.2],
    ['-5%', -0.05],
  ])('%j is a percent → %d', (text, expected) => {
    expect(parseNumberText(text)).toEqual({ ok: true, value: expected, percent: true });
  });

  it.each(['', '   ', '-', '--', '—'])('%j is blank', (text) => {
    expect(parseNumberText(text)).toEqual({ ok: true, value: null, percent: false });
  });

  it.each(['abc', '12abc', '1,2,3', '1,23,4567', '+-5', '1..2', 'Infinity', 'NaN', '¥', '%', '0x10', '1e999', '(', '12 34'])(
    '%j is not a number',
    (text) => {
      expect(parseNumberText(text)).toEqual({ ok: false, error: `${JSON.stringify(text)} is not a number` });
    },
  );
});

describe('parseNumberInput', () => {
  it.each([
    [12.5, { ok: true, value: 12.5, percent: false }],
    ['¥1', { ok: true, value: 1, percent: false }],
    [Number.NaN, { ok: false, error: 'NaN is not a finite number' }],
    [Number.POSITIVE_INFINITY, { ok: false, error: 'Infinity is not a finite number' }],
    [true, { ok: false, error: 'true is not a number' }],
    [{}, { ok: false, error: 'an object is not a number' }],
  ])('%j', (input, expected) => {
    expect(parseNumberInput(input)).toEqual(expected);
  });
});
