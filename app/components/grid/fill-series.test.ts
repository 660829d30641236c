import { describe, expect, it } from 'vitest';
import { continueSeries } from './fill-series.ts';

const up = { backwards: true };

describe('numbers', () => {
  it('continue the step of the selection, forwards and backwards', () => {
    expect(continueSeries([5, 10], 2)).toEqual([15, 20]);
    expect(continueSeries([5, 10], 3, up)).toEqual([0, -5, -10]);
    expect(continueSeries([3, 2, 1], 2)).toEqual([0, -1]);
    expect(continueSeries([0.1, 0.2], 2)).toEqual([0.3, 0.4]);
  });

  it("follow uneven values' trend and copy a single number", () => {
    expect(continueSeries([1, 2, 4], 1)).toEqual([5.33333333333333]);
    expect(continueSeries([7], 3)).toEqual([7, 7, 7]);
    expect(continueSeries([7], 2, up)).toEqual([7, 7]);
  });
});

describe('dates', () => {
  it('step a day from one date, in either direction', () => {
    expect(continueSeries(['2026-01-30'], 3)).toEqual(['2026-01-31', '2026-02-01', '2026-02-02']);
    expect(continueSeries(['2026-03-01'], 2, up)).toEqual(['2026-02-28', '2026-02-27']);
  });

  it('take the step of two dates, whole months when the day of the month is shared', () => {
    expect(continueSeries(['2026-01-01', '2026-01-08'], 2)).toEqual(['2026-01-15', '2026-01-22']);
    expect(continueSeries(['2026-01-01', '2026-01-08'], 1, up)).toEqual(['2025-12-25']);
    expect(continueSeries(['2025-11-30', '2025-12-30'], 3)).toEqual(['2026-01-30', '2026-02-28', '2026-03-30']);
    expect(continueSeries(['2025-01-15', '2026-01-15'], 1)).toEqual(['2027-01-15']);
  });

  it('keep instants as instants', () => {
    expect(continueSeries(['2026-01-01T09:00:00.000Z', '2026-01-01T10:30:00.000Z'], 1)).toEqual(['2026-01-01T12:00:00.000Z']);
  });
});

describe('text with a trailing number', () => {
  it('counts on from one cell, and by the step of several', () => {
    expect(continueSeries(['客户 1'], 3)).toEqual(['客户 2', '客户 3', '客户 4']);
    expect(continueSeries(['客户 1', '客户 3'], 2)).toEqual(['客户 5', '客户 7']);
    expect(continueSeries(['Q9'], 1)).toEqual(['Q10']);
  });

  it('keeps leading zeros and counts backwards by size, never below zero', () => {
    expect(continueSeries(['A009'], 2)).toEqual(['A010', 'A011']);
    expect(continueSeries(['Item 1'], 3, up)).toEqual(['Item 0', 'Item 1', 'Item 2']);
    expect(continueSeries(['客户 3'], 2, up)).toEqual(['客户 2', '客户 1']);
  });
});

describe('anything else', () => {
  it("repeats the source's pattern, aligned in either direction", () => {
    expect(continueSeries(['a', 'b'], 3)).toEqual(['a', 'b', 'a']);
    // Above a, b the pattern runs …, a, b | a, b: the nearest cell is b.
    expect(continueSeries(['a', 'b'], 3, up)).toEqual(['b', 'a', 'b']);
    expect(continueSeries([true, false], 2)).toEqual([true, false]);
    expect(continueSeries([null], 2)).toEqual([null, null]);
  });

  it('copies mixes: numbers with text, dates with empties, different prefixes', () => {
    expect(continueSeries([1, 'a'], 2)).toEqual([1, 'a']);
    expect(continueSeries(['2026-01-01', null], 3)).toEqual(['2026-01-01', null, '2026-01-01']);
    expect(continueSeries(['A 1', 'B 2'], 2)).toEqual(['A 1', 'B 2']);
    expect(continueSeries([['x'], ['y']], 1)).toEqual([['x']]);
  });

  it('copies without counting when asked (Ctrl+D, Ctrl+R)', () => {
    expect(continueSeries(['客户 1'], 2, { mode: 'copy' })).toEqual(['客户 1', '客户 1']);
    expect(continueSeries([5, 10], 2, { mode: 'copy' })).toEqual([5, 10]);
  });
});
