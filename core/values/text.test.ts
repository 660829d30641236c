import { describe, expect, it } from 'vitest';
import { compareText, describeInput, isBlankInput, normalizeWidth, quote } from './text.ts';

describe('text helpers', () => {
  it.each([
    ['１２３', '123'],
    ['￥１，２３４．５０', '¥1,234.50'],
    ['ＶＩＰ＠ｘ', 'VIP@x'],
    ['中文', '中文'],
  ])('normalizeWidth(%j) → %j', (input, output) => {
    expect(normalizeWidth(input)).toBe(output);
  });

  it.each([
    [null, true], [undefined, true], ['', true], [' \t\n\u3000', true], ['a', false], [0, false], [false, false],
  ])('isBlankInput(%j) → %s', (input, blank) => {
    expect(isBlankInput(input)).toBe(blank);
  });

  it.each([
    ['abc', '"abc"'],
    ['a"b', '"a\\"b"'],
    ['x'.repeat(61), `"${'x'.repeat(60)}…"`],
    [3, '3'],
    [null, 'null'],
    [undefined, 'undefined'],
    [[1], 'a list'],
    [{}, 'an object'],
  ])('quote(%j) → %s', (input, text) => {
    expect(quote(input)).toBe(text);
  });

  it('describes inputs for strict errors', () => {
    expect(describeInput('abc')).toBe('string "abc"');
    expect(describeInput(3)).toBe('number 3');
    expect(describeInput(true)).toBe('boolean true');
    expect(describeInput({})).toBe('an object');
  });

  it('compares by code unit', () => {
    expect(['b', 'B', 'a', '上海', '北京'].sort(compareText)).toEqual(['B', 'a', 'b', '上海', '北京']);
  });
});
