import { describe, expect, it } from 'vitest';
import { matchesFilter } from './evaluate.ts';
import { resolveFilter } from './resolve.ts';
import { ALL_FIELDS, FIELDS, testField } from './test-fields.ts';
import type { FilterContext } from './resolved.ts';

// 2024-03-10T03:30Z is 11:30 on Sunday 10 March in Shanghai and 22:30 on Saturday 9 March
// in New York, hours before New York's clocks go forward (02:00 local on 10 March).
const now = new Date('2024-03-10T03:30:00.000Z');
const shanghai: FilterContext = { now, timeZone: 'Asia/Shanghai' };
const newYork: FilterContext = { now, timeZone: 'America/New_York' };

function matches(fieldName: string, operator: string, value: unknown, cell: unknown, ctx: FilterContext, fields = ALL_FIELDS): boolean {
  const result = resolveFilter({ conjunction: 'and', conditions: [{ field: fieldName, operator, value }] }, fields);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  const field = fields.find((f) => f.name === fieldName)!;
  return matchesFilter(result.filter, { [field.id]: cell }, ctx);
}

/** [operator, value, cell, in Shanghai, in New York] */
type Case = [string, unknown, string | null, boolean, boolean];

const dateOnly: Case[] = [
  ['is', { mode: 'today' }, '2024-03-10', true, false],
  ['is', { mode: 'today' }, '2024-03-09', false, true],
  ['is', '2024-03-09', '2024-03-09', true, true],
  ['is', { mode: 'exactDate', date: '2024-03-09' }, '2024-03-09', true, true],
  ['is', { mode: 'yesterday' }, '2024-03-09', true, false],
  ['is', { mode: 'tomorrow' }, '2024-03-10', false, true],
  ['is', { mode: 'oneWeekAgo' }, '2024-03-03', true, false],
  ['is', { mode: 'oneMonthFromNow' }, '2024-04-10', true, false],
  ['is', { mode: 'daysFromNow', n: 2 }, '2024-03-11', false, true],
  ['is', '2024-03-10T01:00:00+08:00', '2024-03-10', true, false], // that instant is 9 March in New York
  ['isNot', { mode: 'today' }, null, true, true],
  ['isNot', { mode: 'today' }, '2024-03-10', false, true],
  ['isBefore', '2024-03-10', '2024-03-09', true, true],
  ['isBefore', '2024-03-10', '2024-03-10', false, false],
  ['isBefore', '2024-03-10', null, false, false],
  ['isOnOrBefore', '2024-03-10', '2024-03-10', true, true],
  ['isAfter', { mode: 'today' }, '2024-03-10', false, true],
  ['isOnOrAfter', { mode: 'today' }, '2024-03-10', true, true],
  ['isOnOrAfter', { mode: 'today' }, '2024-03-09', false, true],
  ['isWithin', { period: 'today' }, '2024-03-10', true, false],
  ['isWithin', { period: 'pastWeek' }, '2024-03-03', true, true],
  ['isWithin', { period: 'pastWeek' }, '2024-03-10', true, false],
  ['isWithin', { period: 'pastWeek' }, '2024-03-02', false, true],
  ['isWithin', { period: 'pastWeek' }, '2024-03-11', false, false],
  ['isWithin', { period: 'pastMonth' }, '2024-02-10', true, true],
  ['isWithin', { period: 'pastMonth' }, '2024-03-10', true, false],
  ['isWithin', { period: 'pastMonth' }, '2024-02-09', false, true],
  ['isWithin', { period: 'nextWeek' }, '2024-03-17', true, false],
  ['isWithin', { period: 'nextWeek' }, '2024-03-16', true, true],
  ['isWithin', { period: 'nextWeek' }, '2024-03-09', false, true],
  ['isWithin', { period: 'nextMonth' }, '2024-04-10', true, false],
  ['isWithin', { period: 'nextMonth' }, '2024-04-09', true, true],
  ['isWithin', { period: 'pastNumberOfDays', n: 0 }, '2024-03-10', true, false],
  ['isWithin', { period: 'pastNumberOfDays', n: 2 }, '2024-03-07', false, true],
  ['isWithin', { period: 'nextNumberOfDays', n: 1 }, '2024-03-11', true, false],
  ['isWithin', { period: 'nextNumberOfDays', n: 1 }, null, false, false],
  ['isEmpty', undefined, null, true, true],
  ['isNotEmpty', undefined, '2024-03-10', true, true],
];

const dateTime: Case[] = [
  // 10 March in Shanghai starts at 2024-03-09T16:00Z; in New York 9 March starts at 05:00Z.
  ['is', { mode: 'today' }, '2024-03-09T16:00:00.000Z', true, true],
  ['is', { mode: 'today' }, '2024-03-09T15:59:59.999Z', false, true],
  ['is', { mode: 'today' }, '2024-03-09T04:59:59.999Z', false, false],
  ['is', { mode: 'today' }, '2024-03-10T04:59:59.999Z', true, true],
  ['is', { mode: 'today' }, '2024-03-10T05:00:00.000Z', true, false],
  // 10 March in New York is 23 hours long: 05:00Z to 04:00Z the next day.
  ['is', '2024-03-10', '2024-03-11T03:59:59.999Z', false, true],
  ['is', '2024-03-10', '2024-03-11T04:00:00.000Z', false, false],
  ['isBefore', { mode: 'today' }, '2024-03-09T15:59:59.999Z', true, false],
  ['isAfter', '2024-03-09', '2024-03-09T16:00:00.000Z', true, false],
  ['isWithin', { period: 'pastWeek' }, '2024-03-02T16:00:00.000Z', true, true],
  ['isWithin', { period: 'pastWeek' }, '2024-03-02T15:59:59.999Z', false, true],
  ['isWithin', { period: 'pastWeek' }, '2024-03-02T05:00:00.000Z', false, true],
  ['isWithin', { period: 'nextNumberOfDays', n: 0 }, '2024-03-10T04:00:00.000Z', true, true],
  ['isNot', { mode: 'today' }, null, true, true],
];

describe('dates compare calendar days in the zone', () => {
  it.each(dateOnly)('date %s %j on %s → Shanghai %s, New York %s', (operator, value, cell, inShanghai, inNewYork) => {
    expect(matches('Due', operator, value, cell, shanghai)).toBe(inShanghai);
    expect(matches('Due', operator, value, cell, newYork)).toBe(inNewYork);
  });

  it.each(dateTime)('datetime %s %j on %s → Shanghai %s, New York %s', (operator, value, cell, inShanghai, inNewYork) => {
    expect(matches('Meeting', operator, value, cell, shanghai)).toBe(inShanghai);
    expect(matches('Created', operator, value, cell, newYork)).toBe(inNewYork);
    expect(matches('Meeting', operator, value, cell, newYork)).toBe(inNewYork);
  });

  it('uses a field’s own time zone over the base’s', () => {
    const field = testField('fldNy', 'NY meeting', 'date', { includeTime: true, timeZone: 'America/New_York' });
    expect(matches('NY meeting', 'is', { mode: 'today' }, '2024-03-10T04:59:59.999Z', shanghai, [field])).toBe(true);
    expect(matches('NY meeting', 'is', { mode: 'today' }, '2024-03-10T05:00:00.000Z', shanghai, [field])).toBe(false);
  });

  it('clamps month arithmetic to the end of the month', () => {
    const endOfMarch: FilterContext = { now: new Date('2024-03-31T04:00:00Z'), timeZone: 'Asia/Shanghai' };
    expect(matches('Due', 'isWithin', { period: 'pastMonth' }, '2024-02-29', endOfMarch)).toBe(true);
    expect(matches('Due', 'isWithin', { period: 'pastMonth' }, '2024-02-28', endOfMarch)).toBe(false);
    expect(matches('Due', 'is', { mode: 'oneMonthAgo' }, '2024-02-29', endOfMarch)).toBe(true);
  });

  it('handles bounds beyond year 9999 and before year 1', () => {
    expect(matches('Due', 'isAfter', '9999-12-31', '9999-12-31', shanghai)).toBe(false);
    expect(matches('Due', 'isOnOrBefore', '9999-12-31', '9999-12-31', shanghai)).toBe(true);
    expect(matches('Meeting', 'isOnOrBefore', '9999-12-31', '9999-12-31T23:00:00.000Z', newYork)).toBe(true);
    expect(matches('Due', 'isBefore', '0001-01-01', '0001-01-01', shanghai)).toBe(false);
    expect(matches('Due', 'isOnOrAfter', { mode: 'daysAgo', n: 36500 }, '2000-01-01', shanghai)).toBe(true);
  });

  it('keeps FIELDS.created an instant field', () => {
    expect(FIELDS.created.type).toBe('createdTime');
  });
});
