import { describe, expect, it } from 'vitest';
import { email } from './email.ts';
import { en, expectRoundTrip, expectSorted, strict, typecast, zh } from './test-support.ts';

const options = email.options.parse(undefined);

describe('email', () => {
  it.each([
    ['zhang.wei@example.com', 'zhang.wei@example.com'],
    ['  Zhang.Wei@Example.COM ', 'Zhang.Wei@example.com'],
    ['a+tag@sub.example.com.cn', 'a+tag@sub.example.com.cn'],
    ['用户@例子.中国', '用户@例子.中国'],
    ['x@example.xn--fiqs8s', 'x@example.xn--fiqs8s'],
    ['', null],
  ])('strict %j → %j', (input, value) => {
    expect(email.coerce(input, options, strict)).toEqual({ ok: true, value });
  });

  it.each([
    ['张伟 <zhang@example.com>', 'zhang@example.com'],
    ['mailto:zhang@example.com', 'zhang@example.com'],
    ['zhang＠example．com', 'zhang@example.com'],
  ])('typecast %j → %j', (input, value) => {
    expect(email.coerce(input, options, typecast)).toEqual({ ok: true, value });
  });

  it.each([
    'zhang', 'zhang@', '@example.com', 'zhang@example', 'a b@example.com', 'a..b@example.com', '.a@example.com',
    'a@-example.com', 'a@example.c', 'a@exa_mple.com', '张伟 <zhang@example.com>', 'a@b@example.com',
  ])('strict %j is not an email', (input) => {
    expect(email.coerce(input, options, strict)).toEqual({ ok: false, error: `${JSON.stringify(input)} is not a valid email address` });
  });

  it('refuses numbers', () => {
    expect(email.coerce(5, options, strict)).toEqual({ ok: false, error: 'expects text, got number 5' });
    expect(email.coerce(5, options, typecast)).toEqual({ ok: false, error: '"5" is not a valid email address' });
  });

  it('round-trips, formats and sorts', () => {
    expectRoundTrip(email, 'a@example.com', options);
    expectRoundTrip(email, null, options);
    expect(email.format('a@example.com', options, en)).toBe('a@example.com');
    expect(email.format(null, options, zh)).toBe('');
    expectSorted(email, ['a@example.com', 'b@example.com'], options);
  });
});
