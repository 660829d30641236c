import { describe, expect, it } from 'vitest';
import { checkbox } from './checkbox.ts';
import { en, expectRoundTrip, expectSorted, strict, typecast, zh } from './test-support.ts';

const options = checkbox.options.parse(undefined);

describe('checkbox', () => {
  it.each([
    [true, true],
    [false, false],
    [null, false],
    [undefined, false],
    ['', false],
    ['  ', false],
  ])('strict %j → %j (never null)', (input, value) => {
    expect(checkbox.coerce(input, options, strict)).toEqual({ ok: true, value });
  });

  it.each([
    ['是', true], ['否', false], ['对', true], ['错', false], ['TRUE', true], ['false', false],
    ['yes', true], ['no', false], ['y', true], ['n', false], ['1', true], ['0', false], [1, true], [0, false],
    ['✓', true], ['✔', true], ['√', true], ['☑', true], ['x', true], ['X', true], ['checked', true], ['×', false],
  ])('typecast %j → %j', (input, value) => {
    expect(checkbox.coerce(input, options, typecast)).toEqual({ ok: true, value });
  });

  it.each([
    ['yes', strict, 'expects true or false, got string "yes"'],
    [1, strict, 'expects true or false, got number 1'],
    ['maybe', typecast, '"maybe" is not a yes/no value (use true/false, yes/no, 是/否 or 1/0)'],
    [2, typecast, '2 is not a yes/no value (use true/false, yes/no, 是/否 or 1/0)'],
  ])('%j is refused', (input, ctx, error) => {
    expect(checkbox.coerce(input, options, ctx)).toEqual({ ok: false, error });
  });

  it('stores 1/0 and reads NULL and junk as false', () => {
    expectRoundTrip(checkbox, true, options);
    expectRoundTrip(checkbox, false, options);
    expect(checkbox.toStorage(null, options)).toBe(0);
    expect(checkbox.fromStorage(null, options)).toBe(false);
    expect(checkbox.fromStorage('garbage', options)).toBe(false);
    expect(checkbox.storage).toEqual({ kind: 'column', sqlType: 'INTEGER' });
  });

  it('formats ✓ for checked and nothing for unchecked, in every locale', () => {
    expect(checkbox.format(true, options, en)).toBe('✓');
    expect(checkbox.format(true, options, zh)).toBe('✓');
    expect(checkbox.format(false, options, en)).toBe('');
    expect(checkbox.format(null, options, en)).toBe('');
  });

  it('what format writes, typecast reads back', () => {
    for (const value of [true, false]) {
      expect(checkbox.coerce(checkbox.format(value, options, en), options, typecast)).toEqual({ ok: true, value });
    }
  });

  it('sorts false before true', () => {
    expectSorted(checkbox, [false, false, true], options);
    expect(checkbox.operators).toEqual(['is']);
  });
});
