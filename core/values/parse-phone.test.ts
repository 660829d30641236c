import { describe, expect, it } from 'vitest';
import { parsePhone } from './parse-phone.ts';

describe('parsePhone', () => {
  it.each([
    ['+86 138 0013 8000', '+86 138 0013 8000'],
    ['+86-138-0013-8000', '+86 138 0013 8000'],
    ['  +86  138-0013   8000 ', '+86 138 0013 8000'],
    ['+8613800138000', '+8613800138000'],
    ['138-0013-8000', '138 0013 8000'],
    ['13800138002', '13800138002'],
    ['(010) 6552 9988', '010 6552 9988'],
    ['0512-6688 1234', '0512 6688 1234'],
    ['+1 (415) 555-0100', '+1 415 555 0100'],
    ['415.555.0100', '415 555 0100'],
    ['＋８６ １３８ ００１３ ８０００', '+86 138 0013 8000'],
    ['010-6552 9988 转 123', '010 6552 9988 ext. 123'],
    ['010-6552 9988 ext. 45', '010 6552 9988 ext. 45'],
    ['+44 20 7946 0958 x7', '+44 20 7946 0958 ext. 7'],
    ['10086', '10086'],
    ['', null],
    ['   ', null],
  ])('%j → %j', (text, value) => {
    expect(parsePhone(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['call me', 'it contains letters'],
    ['138 0013 8000 abc', 'it contains letters'],
    ['138#0013', 'only digits, spaces, + - . ( ) are allowed'],
    ['138+0013', 'only digits, spaces, + - . ( ) are allowed'],
    ['(010 6552 9988', 'unbalanced parentheses'],
    ['12', 'too few digits'],
    ['1234567890123456', 'more than 15 digits'],
    ['1380013800', 'a Chinese mobile number has 11 digits, this has 10'],
    ['+86 138 0013 800', 'a Chinese mobile number has 11 digits, this has 10'],
    ['138001380000', 'a Chinese mobile number has 11 digits, this has 12'],
  ])('%j is refused: %s', (text, why) => {
    expect(parsePhone(text)).toEqual({ ok: false, error: `${JSON.stringify(text)} is not a phone number: ${why}` });
  });
});
