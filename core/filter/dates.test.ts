import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isDay, localDay, zonedDayStart } from './dates.ts';

describe('calendar days', () => {
  it.each([
    ['2024-02-29', true], ['2023-02-29', false], ['2024-13-01', false], ['0000-01-01', false],
    ['9999-12-31', true], ['2024-1-05', false], ['2024-01-05T00:00', false],
  ])('isDay(%s) is %s', (text, expected) => expect(isDay(text)).toBe(expected));

  it('adds days and months, clamping the day of month', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('0001-01-01', -1)).toBeUndefined();
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
    expect(addMonths('2023-03-31', -1)).toBe('2023-02-28');
    expect(addMonths('2024-01-31', 13)).toBe('2025-02-28');
    expect(addMonths('0050-06-15', 1)).toBe('0050-07-15');
    expect(addMonths('9999-12-01', 1)).toBeUndefined();
  });
});

describe('days in a time zone', () => {
  it.each([
    ['2024-03-10', 'Asia/Shanghai', '2024-03-09T16:00:00.000Z'],
    ['2024-03-10', 'America/New_York', '2024-03-10T05:00:00.000Z'], // the day clocks go forward
    ['2024-03-11', 'America/New_York', '2024-03-11T04:00:00.000Z'],
    ['2024-11-03', 'America/New_York', '2024-11-03T04:00:00.000Z'], // the day clocks go back
    ['2024-11-04', 'America/New_York', '2024-11-04T05:00:00.000Z'],
    ['2022-09-11', 'America/Santiago', '2022-09-11T04:00:00.000Z'], // midnight skipped: the day starts at 01:00
    ['2024-03-31', 'Asia/Beirut', '2024-03-30T22:00:00.000Z'], // idem
    ['2024-06-01', 'UTC', '2024-06-01T00:00:00.000Z'],
    ['2024-06-01', 'Asia/Kathmandu', '2024-05-31T18:15:00.000Z'],
  ])('%s starts in %s at %s', (day, zone, instant) => {
    const start = zonedDayStart(day, zone);
    expect(new Date(start).toISOString()).toBe(instant);
    expect(localDay(start, zone)).toBe(day);
    expect(localDay(start - 1, zone)).toBe(addDays(day, -1));
  });

  it('rejects an unknown zone', () => {
    expect(() => localDay(0, 'Mars/Olympus')).toThrow(RangeError);
  });
});
