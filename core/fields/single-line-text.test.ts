import { describe, expect, it } from 'vitest';
import { OPERATORS_BY_KIND } from './operators-by-kind.ts';
import { singleLineText } from './single-line-text.ts';
import { en, expectRoundTrip, expectSorted, strict, typecast, zh } from './test-support.ts';

const options = singleLineText.options.parse(undefined);

describe('singleLineText', () => {
  it.each([
    ['  杭州云帆信息科技有限公司 ', '杭州云帆信息科技有限公司'],
    ['武汉瑞丰物流有限公司 🚚', '武汉瑞丰物流有限公司 🚚'],
    ['=HYPERLINK("http://x")', '=HYPERLINK("http://x")'],
    ['', null],
    ['   ', null],
    [null, null],
    [undefined, null],
  ])('strict %j → %j', (input, value) => {
    expect(singleLineText.coerce(input, options, strict)).toEqual({ ok: true, value });
  });

  it.each([
    ['a\nb', 'a b'],
    ['a \r\n  b\n\nc', 'a b c'],
    [42, '42'],
    [true, 'true'],
  ])('typecast %j → %j', (input, value) => {
    expect(singleLineText.coerce(input, options, typecast)).toEqual({ ok: true, value });
  });

  it.each([
    ['a\nb', 'single line text cannot contain line breaks'],
    [42, 'expects text, got number 42'],
    [{ a: 1 }, 'expects text, got an object'],
    [['a'], 'expects text, got a list'],
  ])('strict %j is refused', (input, error) => {
    expect(singleLineText.coerce(input, options, strict)).toEqual({ ok: false, error });
  });

  it('refuses objects even with typecast', () => {
    expect(singleLineText.coerce({}, options, typecast)).toEqual({ ok: false, error: 'expects text, got an object' });
  });

  it.each(['abc', '客户 🚚', null])('round-trips %j', (value) => expectRoundTrip(singleLineText, value, options));

  it('reads bad stored data without throwing', () => {
    expect(singleLineText.fromStorage(12, options)).toBe('12');
    expect(singleLineText.fromStorage({}, options)).toBeNull();
    expect(singleLineText.fromStorage('', options)).toBeNull();
  });

  it('formats as is in every locale', () => {
    expect(singleLineText.format('客户', options, en)).toBe('客户');
    expect(singleLineText.format('客户', options, zh)).toBe('客户');
    expect(singleLineText.format(null, options, zh)).toBe('');
  });

  it('sorts by code unit, the same on every machine', () => {
    expectSorted(singleLineText, ['A', 'B', 'a', 'b', '上海', '北京'], options);
  });

  it('has the text operators and a TEXT column', () => {
    expect(singleLineText.operators).toEqual(OPERATORS_BY_KIND.text);
    expect(singleLineText.storage).toEqual({ kind: 'column', sqlType: 'TEXT' });
    expect(singleLineText.options.parse({ junk: 1 })).toEqual({});
  });
});
