import { describe, expect, it } from 'vitest';
import { date } from './date.ts';
import { en, expectRoundTrip, expectSorted, strict, typecast, zh } from './test-support.ts';

const day = date.options.parse(undefined);
const withTime = date.options.parse({ includeTime: true });
const us = date.options.parse({ dateFormat: 'us' });
const newYork = date.options.parse({ includeTime: true, timeZone: 'America/New_York' });

describe('date options', () => {
  it('defaults to an ISO calendar day', () => {
    expect(day).toEqual({ includeTime: false, dateFormat: 'iso', timeFormat: '24h' });
  });

  it('canonicalizes and checks the time zone', () => {
    expect(date.options.parse({ timeZone: 'asia/shanghai' }).timeZone).toBe('Asia/Shanghai');
    const result = date.options.safeParse({ timeZone: 'Mars/Base' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('"Mars/Base" is not a known time zone');
  });
});

describe('date coerce, date only', () => {
  it.each([
    ['2024-01-05', '2024-01-05'],
    ['2024-01-05T09:30:00+08:00', '2024-01-05'],
    ['2024-01-05T20:00:00Z', '2024-01-06'], // 04:00 next day in Shanghai
    ['2024-01-05T23:30', '2024-01-05'],
    [new Date('2024-01-05T01:00:00Z'), '2024-01-05'],
    ['', null],
    [null, null],
  ])('strict %j → %j', (input, value) => {
    expect(date.coerce(input, day, strict)).toEqual({ ok: true, value });
  });

  it.each([
    ['2024/1/5', '2024-01-05'],
    ['2024-1-5', '2024-01-05'],
    ['2024.1.5', '2024-01-05'],
    ['2024年1月5日', '2024-01-05'],
    ['2024年1月5日 14:30', '2024-01-05'],
    ['07/01/2024', '2024-01-07'],
    ['13/01/2024', '2024-01-13'],
    ['01/13/2024', '2024-01-13'],
    [45296, '2024-01-05'],
    ['45296', '2024-01-05'],
    [45296.75, '2024-01-05'],
    ['Jan 5, 2024', '2024-01-05'],
    ['-', null],
  ])('typecast %j → %j', (input, value) => {
    expect(date.coerce(input, day, typecast)).toEqual({ ok: true, value });
  });

  it('reads ambiguous day/month in US order when the field shows US dates', () => {
    expect(date.coerce('07/01/2024', us, typecast)).toEqual({ ok: true, value: '2024-07-01' });
  });

  it.each([
    ['2024-02-30', strict, '"2024-02-30" is not a valid date'],
    ['2024-13-45', typecast, '"2024-13-45" is not a valid date'],
    ['2024/1/5', strict, '"2024/1/5" is not an ISO 8601 date like 2024-01-05 or 2024-01-05T09:30:00Z'],
    [45296, strict, 'expects a date like "2024-01-05", got number 45296'],
    [true, typecast, 'expects a date like "2024-01-05", got boolean true'],
    ['2024', typecast, '"2024" is not a date'],
    ['1月5日', typecast, '"1月5日" is not a date: the year is missing'],
    [60, typecast, '60 is 29 February 1900 in Excel, a day that never existed'],
    [new Date(Number.NaN), strict, 'the date is outside the years 1 to 9999'],
  ])('%j is refused', (input, ctx, error) => {
    expect(date.coerce(input, day, ctx)).toEqual({ ok: false, error });
  });
});

describe('date coerce, with time', () => {
  it.each([
    ['2024-01-05', strict, '2024-01-04T16:00:00.000Z'],
    ['2024-01-05T09:30', strict, '2024-01-05T01:30:00.000Z'],
    ['2024-01-05T09:30:00+08:00', strict, '2024-01-05T01:30:00.000Z'],
    ['2024-01-05T01:30:00.000Z', strict, '2024-01-05T01:30:00.000Z'],
    ['2024年1月5日 14:30', typecast, '2024-01-05T06:30:00.000Z'],
    ['2024/1/5 下午2:30', typecast, '2024-01-05T06:30:00.000Z'],
    [45296.5, typecast, '2024-01-05T04:00:00.000Z'],
  ])('%j → %j (base zone Asia/Shanghai)', (input, ctx, value) => {
    expect(date.coerce(input, withTime, ctx)).toEqual({ ok: true, value });
  });

  it("reads wall times in the field's own zone over the base's", () => {
    expect(date.coerce('2024-01-05T09:30', newYork, strict)).toEqual({ ok: true, value: '2024-01-05T14:30:00.000Z' });
  });

  it('refuses instants outside years 1–9999', () => {
    expect(date.coerce('9999-12-31T23:00-05:00', withTime, strict)).toEqual({
      ok: false,
      error: '"9999-12-31T23:00-05:00" is outside the years 1 to 9999',
    });
  });
});

describe('date storage, format, compare', () => {
  it('round-trips both forms and tolerates bad data', () => {
    expectRoundTrip(date, '2024-01-05', day);
    expectRoundTrip(date, '2024-01-05T01:30:00.000Z', withTime);
    expectRoundTrip(date, null, day);
    expect(date.fromStorage('not a date', day)).toBeNull();
    expect(date.fromStorage(42, day)).toBe('1970-01-01');
  });

  it.each([
    ['iso', '2024-01-05', '2024-01-05'],
    ['local', '1/5/2024', '2024/1/5'],
    ['friendly', 'January 5, 2024', '2024年1月5日'],
    ['us', '1/5/2024', '1/5/2024'],
    ['european', '5/1/2024', '5/1/2024'],
  ] as const)('formats a day as %s', (dateFormat, inEnglish, inChinese) => {
    const options = date.options.parse({ dateFormat });
    expect(date.format('2024-01-05', options, en)).toBe(inEnglish);
    expect(date.format('2024-01-05', options, zh)).toBe(inChinese);
  });

  it.each([
    [{ includeTime: true }, '2024-01-05 14:30', '2024-01-05 14:30'],
    [{ includeTime: true, timeFormat: '12h' }, '2024-01-05 2:30 PM', '2024-01-05 下午2:30'],
    [{ includeTime: true, dateFormat: 'friendly' }, 'January 5, 2024 14:30', '2024年1月5日 14:30'],
    [{ includeTime: true, timeZone: 'America/New_York' }, '2024-01-05 01:30', '2024-01-05 01:30'],
    [{ includeTime: false }, '2024-01-05', '2024-01-05'],
  ])('formats an instant with %j', (options, inEnglish, inChinese) => {
    const parsed = date.options.parse(options);
    expect(date.format('2024-01-05T06:30:00.000Z', parsed, en)).toBe(inEnglish);
    expect(date.format('2024-01-05T06:30:00.000Z', parsed, zh)).toBe(inChinese);
  });

  it('formats null as nothing', () => {
    expect(date.format(null, day, en)).toBe('');
  });

  it('sorts by the canonical strings', () => {
    expectSorted(date, ['2023-12-31', '2024-01-05', '2024-10-01'], day);
    expectSorted(date, ['2024-01-04T16:00:00.000Z', '2024-01-05T01:30:00.000Z'], withTime);
  });
});
