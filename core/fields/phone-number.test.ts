import { describe, expect, it } from 'vitest';
import { phoneNumber } from './phone-number.ts';
import { en, expectRoundTrip, expectSorted, strict, typecast, zh } from './test-support.ts';

const options = phoneNumber.options.parse(undefined);

describe('phoneNumber', () => {
  it.each([
    ['+86 138 0013 8000', '+86 138 0013 8000'],
    ['+86-138-0013-8000', '+86 138 0013 8000'],
    ['138-0013-8000', '138 0013 8000'],
    ['(010) 6552 9988', '010 6552 9988'],
    ['', null],
  ])('%j → %j in both modes', (input, value) => {
    expect(phoneNumber.coerce(input, options, strict)).toEqual({ ok: true, value });
    expect(phoneNumber.coerce(input, options, typecast)).toEqual({ ok: true, value });
  });

  it('takes a JSON number only with typecast', () => {
    expect(phoneNumber.coerce(13800138000, options, typecast)).toEqual({ ok: true, value: '13800138000' });
    expect(phoneNumber.coerce(13800138000, options, strict)).toEqual({ ok: false, error: 'expects text, got number 13800138000' });
  });

  it.each([
    ['call 138 0013 8000', '"call 138 0013 8000" is not a phone number: it contains letters'],
    ['1380013800', '"1380013800" is not a phone number: a Chinese mobile number has 11 digits, this has 10'],
  ])('%j is refused', (input, error) => {
    expect(phoneNumber.coerce(input, options, typecast)).toEqual({ ok: false, error });
  });

  it('round-trips, formats and sorts', () => {
    expectRoundTrip(phoneNumber, '+86 138 0013 8000', options);
    expect(phoneNumber.format('010 6552 9988', options, en)).toBe('010 6552 9988');
    expect(phoneNumber.format(null, options, zh)).toBe('');
    expectSorted(phoneNumber, ['+1 415 555 0100', '010 6552 9988', '138 0013 8000'], options);
  });
});
