import { describe, expect, it } from 'vitest';
import {
  canonicalTimeZone,
  epochToWallTime,
  offsetMinutesAt,
  wallTimeAsUtc,
  wallTimeToEpoch,
  type WallTime,
} from './time-zone.ts';

const wall = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0, millisecond = 0): WallTime => ({
  year, month, day, hour, minute, second, millisecond,
});
const iso = (ms: number) => new Date(ms).toISOString();

describe('canonicalTimeZone', () => {
  it.each([
    ['Asia/Shanghai', 'Asia/Shanghai'],
    ['asia/shanghai', 'Asia/Shanghai'],
    ['UTC', 'UTC'],
    ['America/New_York', 'America/New_York'],
    ['Mars/Olympus_Mons', undefined],
    ['', undefined],
  ])('%j → %j', (input, expected) => {
    expect(canonicalTimeZone(input)).toBe(expected);
  });
});

describe('wallTimeToEpoch', () => {
  it.each([
    ['Asia/Shanghai', wall(2024, 1, 5, 9, 30), '2024-01-05T01:30:00.000Z'],
    ['Asia/Shanghai', wall(2024, 1, 1), '2023-12-31T16:00:00.000Z'],
    ['UTC', wall(2024, 2, 29, 23, 59, 59, 999), '2024-02-29T23:59:59.999Z'],
    ['Europe/London', wall(2024, 7, 1, 12), '2024-07-01T11:00:00.000Z'],
    ['America/New_York', wall(2024, 1, 15, 8), '2024-01-15T13:00:00.000Z'],
    // clocks go forward at 02:00: 02:30 does not exist and moves to 03:30 EDT
    ['America/New_York', wall(2024, 3, 10, 2, 30), '2024-03-10T07:30:00.000Z'],
    // clocks go back at 02:00: 01:30 happens twice, the earlier (EDT) wins
    ['America/New_York', wall(2024, 11, 3, 1, 30), '2024-11-03T05:30:00.000Z'],
    ['Asia/Kolkata', wall(2024, 1, 1, 5, 30), '2024-01-01T00:00:00.000Z'],
  ])('%s %o', (timeZone, input, expected) => {
    expect(iso(wallTimeToEpoch(input, timeZone))).toBe(expected);
  });
});

describe('epochToWallTime and offsetMinutesAt', () => {
  it.each([
    ['Asia/Shanghai', '2024-01-04T16:00:00.000Z', wall(2024, 1, 5), 480],
    ['America/New_York', '2024-07-01T04:00:00.123Z', wall(2024, 7, 1, 0, 0, 0, 123), -240],
    ['UTC', '2024-01-05T09:30:15.000Z', wall(2024, 1, 5, 9, 30, 15), 0],
  ])('%s %s', (timeZone, instant, expected, offset) => {
    const ms = Date.parse(instant);
    expect(epochToWallTime(ms, timeZone)).toEqual(expected);
    expect(offsetMinutesAt(ms, timeZone)).toBe(offset);
  });
});

describe('wallTimeAsUtc', () => {
  it('keeps years below 100 literal, unlike Date.UTC', () => {
    expect(iso(wallTimeAsUtc(wall(50, 3, 1)))).toBe('0050-03-01T00:00:00.000Z');
  });
});

describe('historical offsets', () => {
  it('round-trips a wall time under Shanghai local mean time (+08:05:43)', () => {
    const lmt = wall(1900, 6, 1, 12);
    const epoch = wallTimeToEpoch(lmt, 'Asia/Shanghai');
    expect(epochToWallTime(epoch, 'Asia/Shanghai')).toEqual(lmt);
  });
});
