import { describe, expect, it } from 'vitest';
import { rating } from './rating.ts';
import { en, expectRoundTrip, expectSorted, strict, typecast, zh } from './test-support.ts';

const five = rating.options.parse(undefined);
const three = rating.options.parse({ max: 3 });

describe('rating', () => {
  it('has 5 stars by default, 1 to 10', () => {
    expect(five).toEqual({ max: 5 });
    expect(rating.options.safeParse({ max: 11 }).success).toBe(false);
    expect(rating.options.safeParse({ max: 0 }).success).toBe(false);
    expect(rating.storage).toEqual({ kind: 'column', sqlType: 'INTEGER' });
  });

  it.each([
    [1, 1],
    [5, 5],
    [0, null],
    [null, null],
  ])('strict %j → %j', (input, value) => {
    expect(rating.coerce(input, five, strict)).toEqual({ ok: true, value });
  });

  it.each([
    ['3', 3],
    ['★★★', 3],
    ['★★★☆☆', 3],
    ['☆☆☆', null],
    ['0', null],
    ['５', 5],
  ])('typecast %j → %j', (input, value) => {
    expect(rating.coerce(input, five, typecast)).toEqual({ ok: true, value });
  });

  it.each([
    [6, five, strict, '6 is not a rating: ratings are whole numbers from 1 to 5'],
    [4, three, strict, '4 is not a rating: ratings are whole numbers from 1 to 3'],
    [2.5, five, strict, '2.5 is not a rating: ratings are whole numbers from 1 to 5'],
    [-1, five, strict, '-1 is not a rating: ratings are whole numbers from 1 to 5'],
    ['9', five, typecast, '"9" is not a rating: ratings are whole numbers from 1 to 5'],
    ['3', five, strict, 'expects a number, got string "3"'],
    ['great', five, typecast, '"great" is not a number'],
  ])('%j is refused', (input, options, ctx, error) => {
    expect(rating.coerce(input, options, ctx)).toEqual({ ok: false, error });
  });

  it('round-trips and tolerates bad stored data', () => {
    expectRoundTrip(rating, 4, five);
    expectRoundTrip(rating, null, five);
    expect(rating.fromStorage(2.5, five)).toBeNull();
    expect(rating.fromStorage(0, five)).toBeNull();
    expect(rating.fromStorage('3', five)).toBe(3);
  });

  it('formats as the number and sorts numerically', () => {
    expect(rating.format(3, five, en)).toBe('3');
    expect(rating.format(3, five, zh)).toBe('3');
    expect(rating.format(null, five, en)).toBe('');
    expectSorted(rating, [1, 2, 5], five);
  });
});
