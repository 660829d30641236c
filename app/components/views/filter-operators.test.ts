import { describe, expect, it } from 'vitest';
import type { StoredTypeName } from '../../../core/fields/field-type.ts';
import { fieldTypes } from '../../../core/fields/registry.ts';
import { resolveFilter } from '../../../core/filter/resolve.ts';
import type { GridField } from '../grid/types.ts';
import { changeCondition, defaultValue, isConditionComplete, newCondition, operatorsFor, valueEditorFor } from './filter-operators.ts';

const field = (type: StoredTypeName, options: Record<string, unknown> = {}): GridField =>
  ({ id: `fld${type}`, name: type, type, options: fieldTypes[type].options.parse(options) as Record<string, unknown>, description: null });

const text = field('singleLineText');
const amount = field('currency');
const due = field('date');
const stage = field('singleSelect', { choices: [{ name: 'Lead' }, { name: 'Won' }] });
const tags = field('multipleSelects', { choices: [{ name: 'VIP' }] });
const owner = field('user');
const done = field('checkbox');
const files = field('attachment');
const ALL = [text, amount, due, stage, tags, owner, done, files, field('createdTime'), field('createdBy'), field('rating'), field('email')];

describe('the filter builder per field type', () => {
  it('offers exactly the operators the type declares', () => {
    expect(operatorsFor(text)).toEqual(['is', 'isNot', 'contains', 'doesNotContain', 'isAnyOf', 'isNoneOf', 'isEmpty', 'isNotEmpty']);
    expect(operatorsFor(amount)).toEqual(['=', '!=', '<', '<=', '>', '>=', 'isEmpty', 'isNotEmpty']);
    expect(operatorsFor(due)).toContain('isWithin');
    expect(operatorsFor(done)).toEqual(['is']);
    expect(operatorsFor(files)).toEqual(['isEmpty', 'isNotEmpty']);
  });

  it('picks a value editor that fits the type and operator', () => {
    expect(valueEditorFor('text', 'contains')).toBe('text');
    expect(valueEditorFor('text', 'isAnyOf')).toBe('texts');
    expect(valueEditorFor('number', '>=')).toBe('number');
    expect(valueEditorFor('date', 'isBefore')).toBe('date');
    expect(valueEditorFor('date', 'isWithin')).toBe('period');
    expect(valueEditorFor('select', 'is')).toBe('choice');
    expect(valueEditorFor('select', 'isNoneOf')).toBe('choices');
    expect(valueEditorFor('multi', 'hasAllOf')).toBe('choices');
    expect(valueEditorFor('user', 'is')).toBe('user');
    expect(valueEditorFor('user', 'isAnyOf')).toBe('users');
    expect(valueEditorFor('boolean', 'is')).toBe('boolean');
    expect(valueEditorFor('date', 'isEmpty')).toBe('none');
  });

  it('starts every condition in a shape the server accepts once complete', () => {
    for (const f of ALL) {
      for (const operator of operatorsFor(f)) {
        const condition = changeCondition(newCondition(f), { operator }, f);
        expect(condition.operator).toBe(operator);
        if (!isConditionComplete(condition, f)) continue;
        const resolved = resolveFilter({ conjunction: 'and', conditions: [condition] }, [{ ...f, tableId: 'tbl' }]);
        expect(resolved.ok, `${f.type} ${operator} ${JSON.stringify(condition.value)}`).toBe(true);
      }
    }
  });

  it('defaults: checked, today, this week, me', () => {
    expect(newCondition(done)).toEqual({ field: done.id, operator: 'is', value: true });
    expect(changeCondition(newCondition(due), { operator: 'isWithin' }, due).value).toEqual({ period: 'thisWeek' });
    expect(newCondition(owner)).toEqual({ field: owner.id, operator: 'is', value: '@me' });
    expect(newCondition(due).value).toEqual({ mode: 'today' });
    expect(defaultValue('none')).toBeUndefined();
  });

  it('keeps the value when the shape stays, starts afresh when it changes', () => {
    const acme = { field: text.id, operator: 'is' as const, value: 'Acme' };
    expect(changeCondition(acme, { operator: 'contains' }, text).value).toBe('Acme');
    expect(changeCondition(acme, { operator: 'isAnyOf' }, text).value).toEqual([]);
    expect(changeCondition(acme, { operator: 'isEmpty' }, text)).toEqual({ field: text.id, operator: 'isEmpty' });
    expect(changeCondition(acme, { field: amount }, text)).toEqual({ field: amount.id, operator: '=', value: '' });
    expect(changeCondition(acme, { field: field('email') }, text)).toEqual({ field: 'fldemail', operator: 'is', value: 'Acme' });
  });

  it('knows when a condition is complete', () => {
    expect(isConditionComplete({ field: text.id, operator: 'is', value: '' }, text)).toBe(false);
    expect(isConditionComplete({ field: amount.id, operator: '>', value: '12.5' }, amount)).toBe(true);
    expect(isConditionComplete({ field: amount.id, operator: '>', value: 'x' }, amount)).toBe(false);
    expect(isConditionComplete({ field: due.id, operator: 'is', value: { mode: 'exactDate', date: '2024-02-30' } }, due)).toBe(false);
    expect(isConditionComplete({ field: due.id, operator: 'is', value: { mode: 'daysAgo', n: 3 } }, due)).toBe(true);
    expect(isConditionComplete({ field: due.id, operator: 'isWithin', value: { period: 'nextNumberOfDays' } }, due)).toBe(false);
    expect(isConditionComplete({ field: stage.id, operator: 'isAnyOf', value: ['Lead'] }, stage)).toBe(true);
    expect(isConditionComplete({ field: stage.id, operator: 'contains', value: 'x' }, stage)).toBe(false); // not a select operator
    expect(isConditionComplete({ field: 'fldGone', operator: 'is', value: 'x' }, undefined)).toBe(false);
  });
});
