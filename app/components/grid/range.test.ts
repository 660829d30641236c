import { describe, expect, it } from 'vitest';
import { boundsOf, moveFocus, rangeClass, type RangeState } from './range.ts';

const columns = ['a', 'b', 'c'];
const state = (anchor: [number, string], focus: [number, string]): RangeState => ({
  columns,
  range: { anchor: { row: anchor[0], col: anchor[1] }, focus: { row: focus[0], col: focus[1] } },
});

describe('range selection', () => {
  it('spans the rectangle between anchor and focus in any direction', () => {
    expect(boundsOf(state([5, 'c'], [2, 'a']))).toEqual({ top: 2, bottom: 5, left: 0, right: 2 });
  });

  it('marks cells inside with their edges, and nothing for a single cell', () => {
    const s = state([1, 'a'], [2, 'b']);
    expect(rangeClass(s, 1, 'a')).toBe('in-range range-top range-left');
    expect(rangeClass(s, 2, 'b')).toBe('in-range range-bottom range-right');
    expect(rangeClass(s, 3, 'a')).toBe('');
    expect(rangeClass(s, 1, 'c')).toBe('');
    expect(rangeClass(state([1, 'a'], [1, 'a']), 1, 'a')).toBe('');
  });

  it('moves the focus end with Shift+arrows, clamped to the grid', () => {
    const s = state([0, 'a'], [0, 'a']);
    expect(moveFocus(s, 'ArrowDown', 10)?.focus).toEqual({ row: 1, col: 'a' });
    expect(moveFocus(s, 'ArrowUp', 10)?.focus).toEqual({ row: 0, col: 'a' });
    expect(moveFocus(state([0, 'a'], [0, 'c']), 'ArrowRight', 10)?.focus).toEqual({ row: 0, col: 'c' });
    expect(moveFocus(s, 'ArrowRight', 10)?.anchor).toEqual({ row: 0, col: 'a' });
  });
});
