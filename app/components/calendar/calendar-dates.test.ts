import { describe, expect, it } from 'vitest';
import { addDays, dayOf, minutesOf, moveToDay, shiftMonth, startOfWeek, todayIn, visibleDays } from './calendar-dates.ts';

describe('calendar days', () => {
  it('lays out a month in whole weeks from the locale week start', () => {
    const monday = visibleDays('2024-03-15', 'month', 1);
    expect(monday[0]).toBe('2024-02-26');
    expect(monday.at(-1)).toBe('2024-03-31');
    expect(monday.length % 7).toBe(0);
    const sunday = visibleDays('2024-03-15', 'month', 0);
    expect(sunday[0]).toBe('2024-02-25');
    expect(sunday.at(-1)).toBe('2024-04-06');
    expect(visibleDays('2024-03-15', 'week', 1)).toEqual(['2024-03-11', '2024-03-12', '2024-03-13', '2024-03-14', '2024-03-15', '2024-03-16', '2024-03-17']);
  });

  it('steps days, weeks and months across their ends', () => {
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(startOfWeek('2024-01-01', 0)).toBe('2023-12-31');
    expect(shiftMonth('2024-01-31', 1)).toBe('2024-02-29');
    expect(shiftMonth('2024-01-15', -1)).toBe('2023-12-15');
  });

  it('reads days and times of instants in the zone, and moves keeping the time of day', () => {
    expect(dayOf('2024-03-07T16:30:00.000Z', 'Asia/Shanghai')).toBe('2024-03-08');
    expect(dayOf('2024-03-07', 'Asia/Shanghai')).toBe('2024-03-07');
    expect(minutesOf('2024-03-07T16:30:00.000Z', 'Asia/Shanghai')).toBe(30);
    expect(moveToDay('2024-03-07T16:30:00.000Z', '2024-03-20', 'Asia/Shanghai')).toBe('2024-03-19T16:30:00.000Z');
    expect(moveToDay('2024-03-07', '2024-03-20', 'Asia/Shanghai')).toBe('2024-03-20');
    // New York changes to summer time on 10 March 2024: 09:00 stays 09:00 local.
    expect(moveToDay('2024-03-08T14:00:00.000Z', '2024-03-11', 'America/New_York')).toBe('2024-03-11T13:00:00.000Z');
    expect(todayIn('Asia/Shanghai', Date.parse('2024-03-07T16:30:00Z'))).toBe('2024-03-08');
  });
});
