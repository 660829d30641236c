import { describe, expect, it } from 'vitest';
import { number } from './number.ts';
import { OPERATORS_BY_KIND } from './operators-by-kind.ts';
import { en, expectRoundTrip, expectSorted, strict, typecast, zh } from './test-support.ts';

const general = number.options.parse(undefined);
const twoDigits = number.options.parse({ precision: 2 });

describe('number options', () => {
  it('has no precision by default and refuses bad ones', () => {
    expect(general).toEqual({});
    expect(twoDigits).toEqual({ precision: 2 });
    expect(number.options.safeParse({ precision: 9 }).success).toBe(false);
    expect(number.options.safeParse({ precision: 1.5 }).success).toBe(false);
  });
});

describe('number coerce', () => {
  it.each([
    [12, 12],
    [-3.25, -3.25],
    [0, 0],
    [null, null],
    [undefined, null],
    ['', null],
  ])('strict %j → %j', (input, value) => {
    expect(number.coerce(input, general, strict)).toEqual({ ok: true, value });
  });

  it.each([
    ['abc', 'expects a number, got string "abc"'],
    ['123', 'expects a number, got string "123"'],
    [true, 'expects a number, got boolean true'],
    [[1], 'expects a number, got a list'],
    [Number.NaN, 'NaN is not a finite number'],
    [Number.NEGATIVE_INFINITY, '-Infinity is not a finite number'],
  ])('strict %j is refused', (input, error) => {
    expect(number.coerce(input, general, strict)).toEqual({ ok: false, error });
  });

  it.each([
    ['1,000,000', 1_000_000],
    ['-1,234', -1234],
    ['(1,234)', -1234],
    ['１２３', 123],
    [' 42 ', 42],
    ['1.2万', 12_000],
    ['3亿', 300_000_000],
    ['12%', 0.12],
    ['3.5e3', 3500],
    ['-', null],
    [7, 7],
  ])('typecast %j → %j', (input, value) => {
    expect(number.coerce(input, general, typecast)).toEqual({ ok: true, value });
  });

  it.each([
    ['abc', '"abc" is not a number'],
    ['12 apples', '"12 apples" is not a number'],
    [{}, 'expects a number, got an object'],
  ])('typecast %j is refused', (input, error) => {
    expect(number.coerce(input, general, typecast)).toEqual({ ok: false, error });
  });
});

describe('number storage, format, compare', () => {
  it.each([0, -1.5, 1234.5678, 1e-7, null])('round-trips %j', (value) => expectRoundTrip(number, value, general));

  it('reads bad stored data as null', () => {
    expect(number.fromStorage('12.5', general)).toBe(12.5);
    expect(number.fromStorage('abc', general)).toBeNull();
    expect(number.fromStorage({}, general)).toBeNull();
    expect(number.fromStorage(Number.NaN, general)).toBeNull();
  });

  it.each([
    [1234.5, general, '1,234.5', '1,234.5'],
    [1234.5, twoDigits, '1,234.50', '1,234.50'],
    [-3, twoDigits, '-3.00', '-3.00'],
    [0.123456789, general, '0.12345679', '0.12345679'],
    [1234.5, { precision: 0 }, '1,235', '1,235'],
    [null, general, '', ''],
  ])('formats %j', (value, options, inEnglish, inChinese) => {
    expect(number.format(value, options, en)).toBe(inEnglish);
    expect(number.format(value, options, zh)).toBe(inChinese);
  });

  it('formats in the reader locale', () => {
    expect(number.format(1234.5, twoDigits, { locale: 'de-DE', timeZone: 'UTC' })).toBe('1.234,50');
  });

  it('sorts numerically', () => {
    expectSorted(number, [-10, -2, 0, 1.5, 2, 10, 100], general);
    expect(number.operators).toEqual(OPERATORS_BY_KIND.number);
    expect(number.storage).toEqual({ kind: 'column', sqlType: 'REAL' });
  });
});
