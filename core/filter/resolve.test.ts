import { describe, expect, it } from 'vitest';
import { resolveFilter } from './resolve.ts';
import { ALL_FIELDS, FIELDS } from './test-fields.ts';
import type { ResolvedCondition } from './resolved.ts';
import { MAX_FILTER_CONDITIONS, MAX_FILTER_DEPTH } from './tree.ts';

const one = (field: string, operator: string, value?: unknown) => ({ conjunction: 'and', conditions: [{ field, operator, value }] });

function problems(input: unknown): string[] {
  const result = resolveFilter(input, ALL_FIELDS);
  return result.ok ? [] : result.problems.map((problem) => problem.message);
}

function condition(field: string, operator: string, value?: unknown): ResolvedCondition {
  const result = resolveFilter(one(field, operator, value), ALL_FIELDS);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result.filter.conditions[0] as ResolvedCondition;
}

describe('resolveFilter problems', () => {
  const cases: [string, unknown, string][] = [
    ['unknown field', one('Budget', 'is', 'x'), 'unknown field "Budget"'],
    ['operator of another type', one('Amount', 'contains', '1'), 'operator "contains" is not accepted by currency field "Amount"'],
    ['operator the type does not list', one('Done', 'isNot', true), 'operator "isNot" is not accepted by checkbox field "Done"'],
    ['attachment compare', one('Files', 'contains', 'pdf'), 'operator "contains" is not accepted by attachment field "Files"'],
    ['unknown operator', one('Name', 'like', '%a%'), 'unknown operator "like"; operators are'],
    ['number as text', one('Amount', '<', 'abc'), 'operator "<" on currency field "Amount" needs a number; got "abc"'],
    ['number missing', one('Amount', '=', undefined), 'operator "=" on currency field "Amount" needs a number; got nothing'],
    ['number infinite', one('Rating', '>', Number.POSITIVE_INFINITY), 'operator ">" on rating field "Rating" needs a number; got null'],
    ['text object', one('Name', 'contains', { a: 1 }), 'operator "contains" on singleLineText field "Name" needs a string; got {"a":1}'],
    ['text list not array', one('Email', 'isAnyOf', 'a@b.c'), 'operator "isAnyOf" on email field "Email" needs an array of strings; got "a@b.c"'],
    ['list element', one('Stage', 'isAnyOf', ['Lead', 3]), 'operator "isAnyOf" on singleSelect field "Stage" needs an array of strings; element 1 is 3'],
    ['list too long', one('Stage', 'isNoneOf', Array.from({ length: 501 }, (_, i) => `c${i}`)), 'operator "isNoneOf" on singleSelect field "Stage" accepts at most 500 values; got 501'],
    ['select number', one('Stage', 'is', 1), 'operator "is" on singleSelect field "Stage" needs a string; got 1'],
    ['multi not array', one('Tags', 'hasAnyOf', 'VIP'), 'operator "hasAnyOf" on multipleSelects field "Tags" needs an array of strings; got "VIP"'],
    ['checkbox', one('Done', 'is', 'yes'), 'operator "is" on checkbox field "Done" needs true or false; got "yes"'],
    ['date text', one('Due', 'isBefore', 'tomorrow'), 'operator "isBefore" on date field "Due" needs a date \'YYYY-MM-DD\''],
    ['date impossible', one('Due', 'is', '2024-02-30'), 'needs a date'],
    ['date mode', one('Due', 'isAfter', { mode: 'nextYear' }), 'mode one of today, tomorrow'],
    ['date mode n', one('Due', 'isOnOrAfter', { mode: 'daysAgo' }), 'operator "isOnOrAfter" on date field "Due" mode "daysAgo" needs a whole number n from 0 to 36500; got nothing'],
    ['period unknown', one('Due', 'isWithin', { period: 'pastYear' }), 'operator "isWithin" on date field "Due" needs {"period": P} with P one of today, pastWeek, pastMonth, nextWeek, nextMonth, pastNumberOfDays, nextNumberOfDays, thisWeek, thisMonth; got {"period":"pastYear"}'],
    ['period not object', one('Created', 'isWithin', 'today'), 'operator "isWithin" on createdTime field "Created" needs {"period": P}'],
    ['period n negative', one('Due', 'isWithin', { period: 'pastNumberOfDays', n: -1 }), 'period "pastNumberOfDays" needs a whole number n from 0 to 36500; got -1'],
    ['period n fraction', one('Due', 'isWithin', { period: 'nextNumberOfDays', n: 1.5 }), 'got 1.5'],
    ['period n missing', one('Due', 'isWithin', { period: 'nextNumberOfDays' }), 'period "nextNumberOfDays" needs a whole number n'],
    ['user number', one('Owner', 'is', 5), 'operator "is" on user field "Owner" needs a string; got 5'],
    ['not a group', [], 'a filter group must be an object'],
    ['bad conjunction', { conjunction: 'xor', conditions: [] }, 'conjunction must be "and" or "or"; got "xor"'],
    ['conditions not array', { conjunction: 'and', conditions: {} }, 'conditions must be an array; got {}'],
    ['condition not object', { conjunction: 'and', conditions: ['Name'] }, 'a condition must be an object'],
    ['missing field', { conjunction: 'and', conditions: [{ operator: 'isEmpty' }] }, 'a condition needs "field", a field name or id; got nothing'],
  ];
  it.each(cases)('%s', (_, input, message) => {
    const found = problems(input);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(message);
  });

  it('reports every problem with the path of its condition', () => {
    const result = resolveFilter({
      conjunction: 'and',
      conditions: [
        { field: 'Name', operator: 'contains', value: 'ok' },
        { conjunction: 'or', conditions: [{ field: 'Nope', operator: 'is', value: 1 }, { field: 'Amount', operator: '<', value: [] }] },
      ],
    }, ALL_FIELDS);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { path: [1, 0], message: 'unknown field "Nope"' },
      { path: [1, 1], message: 'operator "<" on currency field "Amount" needs a number; got []' },
    ]);
  });

  it('checks depth and size limits before anything else', () => {
    let deep: unknown = { field: 'Nope', operator: 'bogus' };
    for (let i = 0; i < MAX_FILTER_DEPTH + 1; i++) deep = { conjunction: 'and', conditions: [deep] };
    expect(problems(deep)).toEqual([`filter is nested deeper than ${MAX_FILTER_DEPTH} levels`]);
    const wide = { conjunction: 'or', conditions: Array.from({ length: MAX_FILTER_CONDITIONS + 1 }, () => ({ field: 'Name', operator: 'isEmpty' })) };
    expect(problems(wide)).toEqual([`filter has more than ${MAX_FILTER_CONDITIONS} conditions`]);
  });
});

describe('resolveFilter results', () => {
  it('treats a missing filter as an empty group', () => {
    expect(resolveFilter(undefined, ALL_FIELDS)).toEqual({ ok: true, filter: { conjunction: 'and', conditions: [] } });
    expect(resolveFilter(null, ALL_FIELDS).ok).toBe(true);
  });

  it('finds fields by id first, then by name', () => {
    const shadow = { ...FIELDS.notes, name: 'fldName' };
    const result = resolveFilter(one('fldName', 'isEmpty'), [FIELDS.name, shadow]);
    expect(result.ok && (result.filter.conditions[0] as ResolvedCondition).field.id).toBe('fldName');
    expect(condition('Amount', 'isEmpty').field).toBe(FIELDS.amount);
  });

  it('normalizes values per operator', () => {
    expect(condition('Name', 'is', 'ABC Corp').predicate).toEqual({ test: 'textIn', values: ['abc corp'], negate: false });
    expect(condition('Name', 'doesNotContain', 'ÄB').predicate).toEqual({ test: 'textContains', needle: 'Äb', negate: true });
    expect(condition('Email', 'isAnyOf', ['A@x.cn', 'a@X.cn', 13800]).predicate).toEqual({ test: 'textIn', values: ['a@x.cn', '13800'], negate: false });
    expect(condition('Amount', '>=', '1e3').predicate).toEqual({ test: 'numberCompare', cmp: '>=', value: 1000 });
    expect(condition('Amount', '!=', 5).predicate).toEqual({ test: 'numberIn', values: [5], negate: true });
    expect(condition('Done', 'is', false).predicate).toEqual({ test: 'checked', value: false });
    expect(condition('Owner', 'isAnyOf', ['@me', 'usrA']).predicate).toEqual({ test: 'equals', values: ['usrA'], includesMe: true, negate: false });
    expect(condition('Stage', 'is', '@me').predicate).toEqual({ test: 'equals', values: ['@me'], includesMe: false, negate: false });
    expect(condition('Tags', 'is', ['VIP', 'VIP', '重点']).predicate).toEqual({ test: 'sameSet', values: ['VIP', '重点'], negate: false });
    expect(condition('Tags', 'isNoneOf', ['Cold']).predicate).toEqual({ test: 'hasAny', values: ['Cold'], negate: true });
    expect(condition('Due', 'isOnOrBefore', { mode: 'daysAgo', n: 3 }).predicate).toEqual({
      test: 'dateRange', from: null, to: { anchor: { today: true }, months: 0, days: -2 }, negate: false,
    });
    expect(condition('Due', 'is', '2024-05-01T09:30:00+08:00').predicate).toMatchObject({
      from: { anchor: { instant: Date.parse('2024-05-01T01:30:00Z') } },
    });
    expect(condition('Meeting', 'isWithin', { period: 'pastMonth' }).predicate).toEqual({
      test: 'dateRange', from: { anchor: { today: true }, months: -1, days: 0 }, to: { anchor: { today: true }, months: 0, days: 1 }, negate: false,
    });
  });

  it('ignores the value of isEmpty and isNotEmpty', () => {
    expect(condition('Amount', 'isNotEmpty', 'whatever').predicate).toEqual({ test: 'empty', negate: true });
  });
});
