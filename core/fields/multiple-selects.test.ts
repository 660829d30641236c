import { describe, expect, it } from 'vitest';
import { multipleSelects } from './multiple-selects.ts';
import { en, expectRoundTrip, expectSorted, strict, typecast, zh } from './test-support.ts';

const options = multipleSelects.options.parse({ choices: [{ name: '重点' }, { name: '华东' }, { name: 'Red, White' }] });

describe('multipleSelects', () => {
  it.each([
    [['重点', '华东'], ['重点', '华东']],
    [['华东', '重点', '华东'], ['华东', '重点']],
    [[' 重点 ', ''], ['重点']],
    [[], null],
    [null, null],
  ])('strict %j → %j', (input, value) => {
    expect(multipleSelects.coerce(input, options, strict)).toEqual({ ok: true, value });
  });

  it.each([
    ['重点;华东', ['重点', '华东'], undefined],
    ['重点，华东、新', ['重点', '华东', '新'], ['新']],
    ['重点；华东\n海外', ['重点', '华东', '海外'], ['海外']],
    ['a, A, b', ['a', 'b'], ['a', 'b']],
    ['Red, White', ['Red, White'], undefined],
    [' ; , ', null, undefined],
    [2024, ['2024'], ['2024']],
  ])('typecast %j → %j adding %j', (input, value, addChoices) => {
    expect(multipleSelects.coerce(input, options, typecast)).toEqual(
      addChoices ? { ok: true, value, addChoices } : { ok: true, value },
    );
  });

  it.each([
    ['重点;华东', strict, 'expects a list of choice names, got string "重点;华东"'],
    [['重点', '海外'], strict, '"海外" is not one of the field\'s choices'],
    [['重点', 3], strict, 'expects choice names, got number 3 in the list'],
    [{ name: '重点' }, typecast, 'expects a list of choice names, got an object'],
  ])('%j is refused', (input, ctx, error) => {
    expect(multipleSelects.coerce(input, options, ctx)).toEqual({ ok: false, error });
  });

  it('stores JSON text and reads bad data as null', () => {
    expect(multipleSelects.toStorage(['重点', '华东'], options)).toBe('["重点","华东"]');
    expect(multipleSelects.toStorage(null, options)).toBeNull();
    expectRoundTrip(multipleSelects, ['华东', '重点'], options);
    expectRoundTrip(multipleSelects, null, options);
    expect(multipleSelects.fromStorage('not json', options)).toBeNull();
    expect(multipleSelects.fromStorage('{"a":1}', options)).toBeNull();
    expect(multipleSelects.fromStorage('["a",1,"a",null]', options)).toEqual(['a']);
    expect(multipleSelects.fromStorage('[]', options)).toBeNull();
  });

  it('formats names joined by commas', () => {
    expect(multipleSelects.format(['重点', '华东'], options, en)).toBe('重点, 华东');
    expect(multipleSelects.format(['重点', '华东'], options, zh)).toBe('重点, 华东');
    expect(multipleSelects.format(null, options, en)).toBe('');
  });

  it('sorts element by element in choice order, shorter first', () => {
    expectSorted(multipleSelects, [['重点'], ['重点', '华东'], ['华东'], ['华东', 'zzz'], ['gone']], options);
  });
});
