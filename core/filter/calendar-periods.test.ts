import { describe, expect, it } from 'vitest';
import { startOfMonth, startOfWeek } from './dates.ts';
import { matchesFilter } from './evaluate.ts';
import { resolveFilter } from './resolve.ts';
import type { FilterContext } from './resolved.ts';
import { ALL_FIELDS } from './test-fields.ts';

// 2024-03-31T20:00Z is 04:00 on Monday 1 April in Shanghai and 16:00 on Sunday 31 March in
// New York: the two zones are in different weeks and different months.
const now = new Date('2024-03-31T20:00:00.000Z');
const shanghai: FilterContext = { now, timeZone: 'Asia/Shanghai' };
const newYork: FilterContext = { now, timeZone: 'America/New_York' };

function within(period: string, fieldName: string, cell: string | null, ctx: FilterContext): boolean {
  const result = resolveFilter({ conjunction: 'and', conditions: [{ field: fieldName, operator: 'isWithin', value: { period } }] }, ALL_FIELDS);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  const field = ALL_FIELDS.find((f) => f.name === fieldName)!;
  return matchesFilter(result.filter, { [field.id]: cell }, ctx);
}

/** [period, cell, in Shanghai, in New York] */
const dateOnly: Array<[string, string | null, boolean, boolean]> = [
  ['thisWeek', '2024-04-01', true, false],
  ['thisWeek', '2024-04-07', true, false],
  ['thisWeek', '2024-04-08', false, false],
  ['thisWeek', '2024-03-31', false, true],
  ['thisWeek', '2024-03-25', false, true],
  ['thisWeek', '2024-03-24', false, false],
  ['thisWeek', null, false, false],
  ['thisMonth', '2024-04-01', true, false],
  ['thisMonth', '2024-04-30', true, false],
  ['thisMonth', '2024-05-01', false, false],
  ['thisMonth', '2024-03-01', false, true],
  ['thisMonth', '2024-03-31', false, true],
  ['thisMonth', '2024-02-29', false, false],
];

describe('calendar periods: this week (Monday to Sunday) and this month', () => {
  it.each(dateOnly)('%s on %s → Shanghai %s, New York %s', (period, cell, inShanghai, inNewYork) => {
    expect(within(period, 'Due', cell, shanghai)).toBe(inShanghai);
    expect(within(period, 'Due', cell, newYork)).toBe(inNewYork);
  });

  it('bounds datetimes at the zone’s midnights', () => {
    // Monday 1 April starts at 2024-03-31T16:00Z in Shanghai.
    expect(within('thisWeek', 'Meeting', '2024-03-31T16:00:00.000Z', shanghai)).toBe(true);
    expect(within('thisWeek', 'Meeting', '2024-03-31T15:59:59.999Z', shanghai)).toBe(false);
    expect(within('thisMonth', 'Meeting', '2024-03-31T15:59:59.999Z', newYork)).toBe(true);
    // 1 April starts at 04:00Z in New York (daylight time).
    expect(within('thisMonth', 'Meeting', '2024-04-01T03:59:59.999Z', newYork)).toBe(true);
    expect(within('thisMonth', 'Meeting', '2024-04-01T04:00:00.000Z', newYork)).toBe(false);
  });

  it('finds the Monday and the first of the month', () => {
    expect(startOfWeek('2024-03-31')).toBe('2024-03-25'); // Sunday
    expect(startOfWeek('2024-04-01')).toBe('2024-04-01'); // Monday
    expect(startOfWeek('2025-01-01')).toBe('2024-12-30'); // across a year
    expect(startOfWeek('0001-01-01')).toBe('0001-01-01'); // proleptic Gregorian: a Monday
    expect(startOfMonth('2024-02-29')).toBe('2024-02-01');
  });

  it('refuses a period it does not know, naming the ones it does', () => {
    const result = resolveFilter({ conjunction: 'and', conditions: [{ field: 'Due', operator: 'isWithin', value: { period: 'thisFortnight' } }] }, ALL_FIELDS);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toContain('thisWeek, thisMonth');
  });
});
