import { describe, expect, it } from 'vitest';
import { matchesFilter } from './evaluate.ts';
import { resolveFilter } from './resolve.ts';
import { ALL_FIELDS, FIELDS } from './test-fields.ts';
import type { FilterContext, ResolvedGroup } from './resolved.ts';

const ctx: FilterContext = { now: new Date('2024-06-15T04:00:00.000Z'), timeZone: 'Asia/Shanghai', userId: 'usrMe' };

function tree(input: unknown): ResolvedGroup {
  const result = resolveFilter(input, ALL_FIELDS);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('; '));
  return result.filter;
}

function matches(field: keyof typeof FIELDS, operator: string, value: unknown, cell: unknown, context = ctx): boolean {
  const { id, name } = FIELDS[field];
  return matchesFilter(tree({ conjunction: 'and', conditions: [{ field: name, operator, value }] }), { [id]: cell }, context);
}

/** [field, operator, value, cell, expected] */
type Case = [keyof typeof FIELDS, string, unknown, unknown, boolean];

const text: Case[] = [
  ['name', 'is', 'ACME', 'acme', true],
  ['name', 'is', 'acme', 'ACME ', false],
  ['name', 'is', 'Ärger', 'ärger', false], // non-ASCII case is not folded, as in SQLite without ICU
  ['name', 'is', '张三', '张三', true],
  ['name', 'is', 'x', null, false],
  ['name', 'is', '', null, true],
  ['name', 'isNot', 'acme', 'ACME', false],
  ['name', 'isNot', 'acme', null, true],
  ['name', 'isNot', 'acme', 'acme2', true],
  ['name', 'contains', 'cm', 'ACME', true],
  ['name', 'contains', '上海', '上海浦东发展', true],
  ['name', 'contains', '%', '100% sure', true],
  ['name', 'contains', '%', 'sure', false],
  ['name', 'contains', '_', 'a_b', true],
  ['name', 'contains', '_', 'ab', false],
  ['name', 'contains', '\\', 'a\\b', true],
  ['name', 'contains', 'x', null, false],
  ['name', 'contains', '', null, true],
  ['name', 'doesNotContain', 'x', null, true],
  ['name', 'doesNotContain', 'X', 'box', false],
  ['name', 'isAnyOf', ['a', 'B'], 'b', true],
  ['name', 'isAnyOf', ['a', 'B'], null, false],
  ['name', 'isAnyOf', [], 'a', false],
  ['name', 'isNoneOf', ['a', 'B'], null, true],
  ['name', 'isNoneOf', ['a', 'B'], 'A', false],
  ['name', 'isEmpty', undefined, null, true],
  ['name', 'isEmpty', undefined, '', true],
  ['name', 'isEmpty', undefined, ' ', false],
  ['name', 'isNotEmpty', undefined, 'a', true],
  ['notes', 'contains', 'line', 'first\nLINE two', true],
  ['email', 'is', 'SALES@ACME.CN', 'sales@acme.cn', true],
];

const number: Case[] = [
  ['amount', '=', 0, 0, true],
  ['amount', '=', 0, -0, true],
  ['amount', '=', 0, null, false],
  ['amount', '=', 0.3, 0.1 + 0.2, false],
  ['amount', '!=', 5, null, true],
  ['amount', '!=', 5, 5, false],
  ['amount', '<', 5, 4.999, true],
  ['amount', '<', 5, 5, false],
  ['amount', '<', 5, null, false],
  ['amount', '<=', 5, 5, true],
  ['amount', '>', -1, 0, true],
  ['amount', '>', -1, null, false],
  ['amount', '>=', 1e15, 1e15, true],
  ['amount', 'isEmpty', undefined, null, true],
  ['amount', 'isEmpty', undefined, 0, false],
  ['amount', 'isNotEmpty', undefined, 0, true],
  ['rating', '>=', 3, 3, true],
  ['no', '<', 10, 9, true],
];

const checkbox: Case[] = [
  ['done', 'is', true, true, true],
  ['done', 'is', true, false, false],
  ['done', 'is', true, null, false],
  ['done', 'is', false, null, true],
  ['done', 'is', false, false, true],
  ['done', 'is', false, true, false],
];

const select: Case[] = [
  ['stage', 'is', 'Lead', 'Lead', true],
  ['stage', 'is', 'lead', 'Lead', false], // choices are exact
  ['stage', 'is', 'Lead', null, false],
  ['stage', 'isNot', 'Lead', null, true],
  ['stage', 'isNot', 'Lead', 'Won', true],
  ['stage', 'isAnyOf', ['Lead', 'Won'], 'Won', true],
  ['stage', 'isAnyOf', ['Lead', 'Won'], null, false],
  ['stage', 'isNoneOf', ['Lead', 'Won'], null, true],
  ['stage', 'isNoneOf', ['Lead', 'Won'], 'Lead', false],
  ['stage', 'isEmpty', undefined, null, true],
  ['stage', 'isNotEmpty', undefined, 'Lead', true],
];

const user: Case[] = [
  ['owner', 'is', '@me', 'usrMe', true],
  ['owner', 'is', '@me', 'usrOther', false],
  ['owner', 'isNot', '@me', null, true],
  ['owner', 'isNot', '@me', 'usrMe', false],
  ['owner', 'isAnyOf', ['usrA', '@me'], 'usrA', true],
  ['owner', 'isNoneOf', ['usrA', '@me'], 'usrMe', false],
  ['owner', 'is', 'usrA', 'usrA', true],
  ['owner', 'isEmpty', undefined, null, true],
  ['createdBy', 'is', '@me', 'usrMe', true],
];

const multi: Case[] = [
  ['tags', 'hasAnyOf', ['VIP', 'Cold'], ['重点', 'Cold'], true],
  ['tags', 'hasAnyOf', ['VIP'], ['重点'], false],
  ['tags', 'hasAnyOf', ['VIP'], null, false],
  ['tags', 'hasAnyOf', ['vip'], ['VIP'], false],
  ['tags', 'hasAllOf', ['VIP', '重点'], ['重点', 'Cold', 'VIP'], true],
  ['tags', 'hasAllOf', ['VIP', '重点'], ['VIP'], false],
  ['tags', 'hasAllOf', ['VIP'], null, false],
  ['tags', 'hasAllOf', [], null, true],
  ['tags', 'isNoneOf', ['VIP'], null, true],
  ['tags', 'isNoneOf', ['VIP'], ['Cold'], true],
  ['tags', 'isNoneOf', ['VIP'], ['Cold', 'VIP'], false],
  ['tags', 'is', ['VIP', '重点'], ['重点', 'VIP'], true],
  ['tags', 'is', ['VIP', '重点'], ['VIP'], false],
  ['tags', 'is', ['VIP'], ['VIP', 'Cold'], false],
  ['tags', 'is', [], null, true],
  ['tags', 'is', ['VIP'], null, false],
  ['tags', 'isEmpty', undefined, null, true],
  ['tags', 'isEmpty', undefined, [], true],
  ['tags', 'isNotEmpty', undefined, ['VIP'], true],
];

const file = { id: 'a'.repeat(64), filename: 'Quote-2024.PDF', size: 1, type: 'application/pdf', url: '/x' };
const attachment: Case[] = [
  ['files', 'isEmpty', undefined, null, true],
  ['files', 'isEmpty', undefined, [file], false],
  ['files', 'isNotEmpty', undefined, [file], true],
  ['files', 'isNotEmpty', undefined, null, false],
];

describe('matchesFilter by kind and operator', () => {
  it.each([...text, ...number, ...checkbox, ...select, ...user, ...multi, ...attachment])(
    '%s %s %j on %j → %s',
    (field, operator, value, cell, expected) => {
      expect(matches(field, operator, value, cell)).toBe(expected);
    },
  );

  it('reads @me as no one without a user', () => {
    const anonymous = { ...ctx, userId: undefined };
    expect(matches('owner', 'is', '@me', 'usrMe', anonymous)).toBe(false);
    expect(matches('owner', 'isNot', '@me', 'usrMe', anonymous)).toBe(true);
  });
});

describe('groups', () => {
  const name = (operator: string, value?: unknown) => ({ field: 'Name', operator, value });
  it('treats an empty group as matching everything, nested too', () => {
    expect(matchesFilter(tree({ conjunction: 'or', conditions: [] }), {}, ctx)).toBe(true);
    expect(matchesFilter(tree({ conjunction: 'and', conditions: [name('is', 'b'), { conjunction: 'or', conditions: [] }] }), { fldName: 'b' }, ctx)).toBe(true);
  });
  it('nests AND and OR', () => {
    const filter = tree({
      conjunction: 'or',
      conditions: [
        { conjunction: 'and', conditions: [name('contains', 'a'), { field: 'Amount', operator: '>', value: 10 }] },
        { conjunction: 'and', conditions: [name('isEmpty'), { field: 'Done', operator: 'is', value: true }] },
      ],
    });
    expect(matchesFilter(filter, { fldName: 'abc', fldAmount: 11 }, ctx)).toBe(true);
    expect(matchesFilter(filter, { fldName: 'abc', fldAmount: 10 }, ctx)).toBe(false);
    expect(matchesFilter(filter, { fldDone: true }, ctx)).toBe(true);
    expect(matchesFilter(filter, { fldName: 'x', fldDone: true }, ctx)).toBe(false);
  });
});
