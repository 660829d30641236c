import { describe, expect, it } from 'vitest';
import { percent } from './percent.ts';
import { en, expectRoundTrip, expectSorted, strict, typecast, zh } from './test-support.ts';

const whole = percent.options.parse(undefined);
const oneDecimal = percent.options.parse({ precision: 1 });

describe('percent', () => {
  it('defaults to whole percents', () => {
    expect(whole).toEqual({ precision: 0 });
  });

  it.each([
    [0.12, 0.12],
    [0.35, 0.35],
    [35, 35], // a JSON number is always the fraction
    [null, null],
  ])('strict %j → %j', (input, value) => {
    expect(percent.coerce(input, whole, strict)).toEqual({ ok: true, value });
  });

  it.each([
    ['12%', 0.12],
    ['50 %', 0.5],
    ['120%', 1.2],
    ['0.35', 0.35],
    ['1', 1],
    ['0', 0],
    ['35', 0.35],
    ['12.5', 0.125],
    ['-20', -0.2],
    ['１２％', 0.12],
    [0.5, 0.5],
    [35, 35],
    ['', null],
  ])('typecast %j → %j', (input, value) => {
    expect(percent.coerce(input, whole, typecast)).toEqual({ ok: true, value });
  });

  it.each([
    ['12%', strict, 'expects a number, got string "12%"'],
    ['half', typecast, '"half" is not a number'],
  ])('%j is refused', (input, ctx, error) => {
    expect(percent.coerce(input, whole, ctx)).toEqual({ ok: false, error });
  });

  it.each([
    [0.12, whole, '12%'],
    [0.125, oneDecimal, '12.5%'],
    [1.2, whole, '120%'],
    [0, whole, '0%'],
    [null, whole, ''],
  ])('formats %j', (value, options, text) => {
    expect(percent.format(value, options, en)).toBe(text);
    expect(percent.format(value, options, zh)).toBe(text);
  });

  it('round-trips and sorts', () => {
    expectRoundTrip(percent, 0.35, whole);
    expectSorted(percent, [-0.2, 0, 0.12, 1.2], whole);
  });
});
