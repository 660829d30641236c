import { describe, expect, it } from 'vitest';
import { longText } from './long-text.ts';
import { en, expectRoundTrip, expectSorted, strict, typecast } from './test-support.ts';

const options = longText.options.parse(undefined);

describe('longText', () => {
  it.each([
    ['多行\n备注', '多行\n备注'],
    ['line\r\nbreaks\rold mac', 'line\nbreaks\nold mac'],
    ['keeps trailing space ', 'keeps trailing space '],
    ['  \n  ', null],
    ['', null],
  ])('strict %j → %j', (input, value) => {
    expect(longText.coerce(input, options, strict)).toEqual({ ok: true, value });
  });

  it('takes numbers only with typecast', () => {
    expect(longText.coerce(3.5, options, typecast)).toEqual({ ok: true, value: '3.5' });
    expect(longText.coerce(3.5, options, strict)).toEqual({ ok: false, error: 'expects text, got number 3.5' });
  });

  it.each(['多行\n备注', null])('round-trips %j', (value) => expectRoundTrip(longText, value, options));

  it('formats and sorts like text', () => {
    expect(longText.format('a\nb', options, en)).toBe('a\nb');
    expectSorted(longText, ['a\nb', 'ab'], options);
  });
});
