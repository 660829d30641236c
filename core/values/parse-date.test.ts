import { describe, expect, it } from 'vitest';
import { parseDateText, parseExcelSerial, type ParsedDate } from './parse-date.ts';

const day = (year: number, month: number, d: number): ParsedDate => ({ year, month, day: d });
const at = (date: ParsedDate, hour: number, minute: number, second = 0, millisecond = 0, offsetMinutes?: number): ParsedDate => ({
  ...date,
  time: { hour, minute, second, millisecond },
  ...(offsetMinutes === undefined ? {} : { offsetMinutes }),
});
const jan5 = day(2024, 1, 5);

describe('parseDateText strict (ISO 8601 only)', () => {
  it.each([
    ['2024-01-05', jan5],
    ['2024-01-05T09:30', at(jan5, 9, 30)],
    ['2024-01-05T09:30:15', at(jan5, 9, 30, 15)],
    ['2024-01-05 09:30:15', at(jan5, 9, 30, 15)],
    ['2024-01-05T09:30:00.123456Z', at(jan5, 9, 30, 0, 123, 0)],
    ['2024-01-05T09:30:00+08:00', at(jan5, 9, 30, 0, 0, 480)],
    ['2024-01-05T09:30:00-0530', at(jan5, 9, 30, 0, 0, -330)],
    ['2024-01-05t01:30:00z', at(jan5, 1, 30, 0, 0, 0)],
    ['2024-02-29', day(2024, 2, 29)],
    ['', null],
  ])('%j', (text, value) => {
    expect(parseDateText(text, { lenient: false })).toEqual({ ok: true, value });
  });

  it.each(['2024/1/5', '2024-1-5', '2024年1月5日', '07/01/2024', '2024-01-05 2pm', '45296'])('%j needs typecast', (text) => {
    expect(parseDateText(text, { lenient: false })).toEqual({
      ok: false,
      error: `${JSON.stringify(text)} is not an ISO 8601 date like 2024-01-05 or 2024-01-05T09:30:00Z`,
    });
  });

  it.each(['2024-02-30', '2023-02-29', '2024-13-01', '2024-00-10', '2024-01-05T24:00', '2024-01-05T09:60'])(
    '%j is not a valid date',
    (text) => {
      expect(parseDateText(text, { lenient: false })).toEqual({ ok: false, error: `"${text}" is not a valid date` });
    },
  );
});

describe('parseDateText lenient (typecast)', () => {
  it.each([
    ['2024/1/5', jan5],
    ['2024-1-5', jan5],
    ['2024.1.5', jan5],
    ['2024 / 01 / 05', jan5],
    ['2024年1月5日', jan5],
    ['2024年1月5号', jan5],
    ['２０２４年１月５日', jan5],
    ['20240105', jan5],
    ['07/01/2024', day(2024, 1, 7)],
    ['7.1.2024', day(2024, 1, 7)],
    ['13/01/2024', day(2024, 1, 13)],
    ['01/13/2024', day(2024, 1, 13)],
    ['Jan 5, 2024', jan5],
    ['January 5th 2024', jan5],
    ['5 January 2024', jan5],
    ['5-Jan-2024', jan5],
    ['Sept 5, 2024', day(2024, 9, 5)],
    ['2024年1月5日 14:30', at(jan5, 14, 30)],
    ['2024年1月5日 下午2:30', at(jan5, 14, 30)],
    ['2024年1月5日下午2点30分', at(jan5, 14, 30)],
    ['2024年1月5日 14时', at(jan5, 14, 0)],
    ['2024年1月5日 中午12点', at(jan5, 12, 0)],
    ['2024年1月5日 凌晨12:10', at(jan5, 0, 10)],
    ['2024/1/5 2:30 PM', at(jan5, 14, 30)],
    ['2024/1/5 12:05 am', at(jan5, 0, 5)],
    ['2024/1/5 9:05:07', at(jan5, 9, 5, 7)],
    ['07/01/2024 09:00', at(day(2024, 1, 7), 9, 0)],
    ['2024-01-05 09:30 UTC', at(jan5, 9, 30, 0, 0, 0)],
    ['2024-01-05 09:30 GMT+8', at(jan5, 9, 30, 0, 0, 480)],
    ['2024-03-01T09:30:00+08:00', at(day(2024, 3, 1), 9, 30, 0, 0, 480)],
    ['-', null],
    ['  ', null],
  ])('%j', (text, value) => {
    expect(parseDateText(text, { lenient: true })).toEqual({ ok: true, value });
  });

  it('reads ambiguous day/month in US order when asked', () => {
    expect(parseDateText('07/01/2024', { lenient: true, monthFirst: true })).toEqual({ ok: true, value: day(2024, 7, 1) });
    expect(parseDateText('13/01/2024', { lenient: true, monthFirst: true })).toEqual({ ok: true, value: day(2024, 1, 13) });
  });

  it.each([
    ['2024-13-45', '"2024-13-45" is not a valid date'],
    ['2024-02-30', '"2024-02-30" is not a valid date'],
    ['2023/2/29', '"2023/2/29" is not a valid date'],
    ['31/31/2024', '"31/31/2024" is not a valid date'],
    ['2024/1/5 25:00', '"2024/1/5 25:00" is not a valid date'],
    ['2024/1/5 13:00 PM', '"2024/1/5 13:00 PM" is not a valid date'],
    ['2024/1/5 soon', '"2024/1/5 soon" is not a valid date'],
    ['1月5日', '"1月5日" is not a date: the year is missing'],
    ['1/5', '"1/5" is not a date: the year is missing'],
    ['abc', '"abc" is not a date'],
    ['Foo 5, 2024', '"Foo 5, 2024" is not a date'],
    ['24/1/5', '"24/1/5" is not a date'],
  ])('%j is refused', (text, error) => {
    expect(parseDateText(text, { lenient: true })).toEqual({ ok: false, error });
  });
});

describe('parseExcelSerial', () => {
  it.each([
    [1, day(1900, 1, 1)],
    [59, day(1900, 2, 28)],
    [61, day(1900, 3, 1)],
    [45296, jan5],
    [45296.5, at(jan5, 12, 0)],
    [45296.604166666664, at(jan5, 14, 30)],
    [45296.99999999, day(2024, 1, 6)],
    [2958465, day(9999, 12, 31)],
  ])('%d', (serial, value) => {
    const result = parseExcelSerial(serial);
    // 45296.99999999 rounds to the next midnight, which still carries a time of 00:00
    if (serial === 45296.99999999) expect(result).toEqual({ ok: true, value: at(value, 0, 0) });
    else expect(result).toEqual({ ok: true, value });
  });

  it.each([
    [60, '60 is 29 February 1900 in Excel, a day that never existed'],
    [0, '0 is not a date (Excel serial dates run from 1 to 2958465)'],
    [2958466, '2958466 is not a date (Excel serial dates run from 1 to 2958465)'],
    [-5, '-5 is not a date (Excel serial dates run from 1 to 2958465)'],
  ])('%d is refused', (serial, error) => {
    expect(parseExcelSerial(serial)).toEqual({ ok: false, error });
  });
});
