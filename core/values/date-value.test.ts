import { describe, expect, it } from 'vitest';
import { dateFromStorage, instantString, toDateValue } from './date-value.ts';
import { parseDateText } from './parse-date.ts';

function valueOf(text: string, includeTime: boolean, timeZone: string) {
  const parsed = parseDateText(text, { lenient: true });
  if (!parsed.ok || !parsed.value) throw new Error(`test input ${text} did not parse`);
  return toDateValue(parsed.value, includeTime, timeZone);
}

describe('toDateValue', () => {
  it.each([
    ['2024-01-05', false, 'Asia/Shanghai', '2024-01-05'],
    ['2024-01-05 23:30', false, 'Asia/Shanghai', '2024-01-05'],
    ['2024-03-01T09:30:00+08:00', false, 'Asia/Shanghai', '2024-03-01'],
    ['2024-03-01T01:30:00+08:00', false, 'America/New_York', '2024-02-29'],
    ['2024-03-01T20:00:00Z', false, 'Asia/Shanghai', '2024-03-02'],
    ['2024-01-05', true, 'Asia/Shanghai', '2024-01-04T16:00:00.000Z'],
    ['2024-01-05 09:30', true, 'Asia/Shanghai', '2024-01-05T01:30:00.000Z'],
    ['2024-01-05 09:30', true, 'UTC', '2024-01-05T09:30:00.000Z'],
    ['2024-03-01T09:30:00+08:00', true, 'America/New_York', '2024-03-01T01:30:00.000Z'],
    ['2024-01-05T09:30:00.5Z', true, 'Asia/Shanghai', '2024-01-05T09:30:00.500Z'],
  ])('%j includeTime=%s in %s', (text, includeTime, timeZone, expected) => {
    expect(valueOf(text, includeTime, timeZone)).toBe(expected);
  });

  it('refuses instants that leave years 1–9999', () => {
    expect(valueOf('9999-12-31 23:00', true, 'Pacific/Honolulu')).toBeUndefined();
    expect(instantString(Number.NaN)).toBeUndefined();
  });
});

describe('dateFromStorage', () => {
  it.each([
    ['2024-01-05', false, '2024-01-05'],
    ['2024-01-05T01:30:00.000Z', true, '2024-01-05T01:30:00.000Z'],
    ['2024-01-05 01:30:00', true, '2024-01-05T01:30:00.000Z'],
    ['2024-01-05', true, '2024-01-05T00:00:00.000Z'],
    ['2024-01-05T01:30:00.000Z', false, '2024-01-05'],
    [Date.UTC(2024, 0, 5, 1, 30), true, '2024-01-05T01:30:00.000Z'],
    ['2024-02-30', false, null],
    ['garbage', true, null],
    [null, true, null],
    [{}, false, null],
  ])('%j includeTime=%s', (raw, includeTime, expected) => {
    expect(dateFromStorage(raw, includeTime)).toBe(expected);
  });
});
