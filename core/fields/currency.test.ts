import { describe, expect, it } from 'vitest';
import { currency } from './currency.ts';
import { en, expectRoundTrip, expectSorted, strict, typecast, zh } from './test-support.ts';

const yuan = currency.options.parse(undefined);
const dollars = currency.options.parse({ symbol: '$', precision: 0 });

describe('currency', () => {
  it('defaults to ¥ with 2 decimals', () => {
    expect(yuan).toEqual({ symbol: '¥', precision: 2 });
    expect(currency.options.safeParse({ symbol: '' }).success).toBe(false);
  });

  it.each([
    ['¥1,234.50', 1234.5],
    ['￥1,234.50', 1234.5],
    ['¥ 88', 88],
    ['$12.5', 12.5],
    ['-¥1,234', -1234],
    ['(1,234)', -1234],
    ['5万元', 50_000],
    ['RMB 1,000', 1000],
    ['-', null],
  ])('typecast %j → %j', (input, value) => {
    expect(currency.coerce(input, yuan, typecast)).toEqual({ ok: true, value });
  });

  it.each([
    ['¥1,234.50', strict, 'expects a number, got string "¥1,234.50"'],
    ['abc', typecast, '"abc" is not a number'],
    ['¥12元5角', typecast, '"¥12元5角" is not a number'],
  ])('%j is refused', (input, ctx, error) => {
    expect(currency.coerce(input, yuan, ctx)).toEqual({ ok: false, error });
  });

  it('keeps the value as entered, rounding only on display', () => {
    expect(currency.coerce(1.005, yuan, strict)).toEqual({ ok: true, value: 1.005 });
    expectRoundTrip(currency, 1234.567, yuan);
    expectRoundTrip(currency, null, yuan);
  });

  it.each([
    [1234.5, yuan, '¥1,234.50'],
    [-1234.5, yuan, '-¥1,234.50'],
    [-0.001, yuan, '¥0.00'],
    [1234.5, dollars, '$1,235'],
    [0, yuan, '¥0.00'],
    [null, yuan, ''],
  ])('formats %j', (value, options, text) => {
    expect(currency.format(value, options, en)).toBe(text);
    expect(currency.format(value, options, zh)).toBe(text);
  });

  it('sorts numerically', () => {
    expectSorted(currency, [-5, 0, 88, 1234.5], yuan);
  });
});
