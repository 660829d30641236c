import { describe, expect, it } from 'vitest';
import { checkFilterLimits, type FilterGroup } from '../../../core/filter/tree.ts';
import {
  addCondition, addGroup, canNest, countConditions, EMPTY_FILTER, groupAt, removeNode, replaceCondition, savableFilter, setConjunction,
} from './filter-tree-edit.ts';

const a = { field: 'fldA', operator: 'is' as const, value: 'x' };
const b = { field: 'fldB', operator: '>' as const, value: 5 };
const c = { field: 'fldC', operator: 'isEmpty' as const };

describe('filter tree edits', () => {
  it('builds "A and (B or C)" step by step without touching the old trees', () => {
    const one = addCondition(EMPTY_FILTER, [], a);
    const two = addGroup(one, [], b);
    const three = addCondition(two, [1], c);
    expect(EMPTY_FILTER.conditions).toEqual([]);
    expect(one).toEqual({ conjunction: 'and', conditions: [a] });
    expect(three).toEqual({ conjunction: 'and', conditions: [a, { conjunction: 'or', conditions: [b, c] }] });
    expect(countConditions(three)).toBe(3);
    expect(groupAt(three, [1])).toEqual({ conjunction: 'or', conditions: [b, c] });
    expect(groupAt(three, [0])).toBeUndefined(); // a condition, not a group
    expect(groupAt(three, [7])).toBeUndefined();
  });

  it('switches and/or per group', () => {
    const tree = addGroup(addCondition(EMPTY_FILTER, [], a), [], b);
    const switched = setConjunction(tree, [1], 'and');
    expect((switched.conditions[1] as FilterGroup).conjunction).toBe('and');
    expect(setConjunction(tree, [], 'or').conjunction).toBe('or');
  });

  it('replaces one condition in a nested group', () => {
    const tree = addCondition(addGroup(EMPTY_FILTER, [], a), [0], b);
    const next = replaceCondition(tree, [0, 1], c);
    expect(next).toEqual({ conjunction: 'and', conditions: [{ conjunction: 'or', conditions: [a, c] }] });
    expect(replaceCondition(tree, [0], c)).toEqual(tree); // [0] is a group: left alone
  });

  it('removes conditions, and a group its last condition leaves empty', () => {
    const tree = addCondition(addGroup(addCondition(EMPTY_FILTER, [], a), [], b), [1], c);
    expect(removeNode(tree, [1, 0])).toEqual({ conjunction: 'and', conditions: [a, { conjunction: 'or', conditions: [c] }] });
    expect(removeNode(removeNode(tree, [1, 0]), [1, 0])).toEqual({ conjunction: 'and', conditions: [a] });
    expect(removeNode(tree, [1])).toEqual({ conjunction: 'and', conditions: [a] });
    expect(removeNode(tree, [0])).toEqual({ conjunction: 'and', conditions: [{ conjunction: 'or', conditions: [b, c] }] });
    expect(removeNode(tree, [])).toBe(tree);
  });

  it('stops nesting where the server would refuse the depth', () => {
    expect(canNest([])).toBe(true);
    expect(canNest([0, 0, 0])).toBe(true);
    expect(canNest([0, 0, 0, 0])).toBe(false);
    let tree = addCondition(EMPTY_FILTER, [], a);
    let path: number[] = [];
    for (let depth = 0; depth < 8; depth++) {
      const next = addGroup(tree, path, a);
      if (next === tree) break;
      tree = next;
      path = [...path, groupAt(tree, path)!.conditions.length - 1];
    }
    expect(path.length).toBe(4); // root + 4 nested groups + their conditions = 6 levels
    expect(checkFilterLimits(tree)).toBeUndefined();
    expect(checkFilterLimits(addGroup(tree, path.slice(0, 3), a))).toBeUndefined();
  });

  it('saves only complete conditions, drops the groups that leaves empty, and null for nothing', () => {
    const tree = addCondition(addGroup(addCondition(EMPTY_FILTER, [], a), [], { ...b, value: '' }), [], c);
    const complete = (condition: { value?: unknown }) => condition.value !== '';
    expect(savableFilter(tree, complete)).toEqual({ conjunction: 'and', conditions: [a, c] });
    expect(savableFilter(addCondition(EMPTY_FILTER, [], { ...a, value: '' }), complete)).toBeNull();
    expect(savableFilter(EMPTY_FILTER, complete)).toBeNull();
    expect(countConditions(null)).toBe(0);
  });
});
