import { describe, expect, it } from 'vitest';
import { isRank, rankBetween, ranksAfter } from './rank.ts';

describe('fractional ranks', () => {
  it('finds a rank between any two, and at either open end', () => {
    expect(rankBetween(null, null)).toBe('V');
    const a = rankBetween(null, null);
    const b = rankBetween(a, null);
    const c = rankBetween(null, a);
    expect(c < a && a < b).toBe(true);
    for (const [low, high] of [['1', '2'], ['V', 'V1'], ['z', null], [null, '01'], ['Vz', 'W'], ['a0001', 'a0002']] as const) {
      const mid = rankBetween(low, high);
      expect(isRank(mid), mid).toBe(true);
      if (low !== null) expect(mid > low, `${low} < ${mid}`).toBe(true);
      if (high !== null) expect(mid < high, `${mid} < ${high}`).toBe(true);
    }
  });

  it('keeps order over many inserts at the same place (seeded)', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const ranks: string[] = [rankBetween(null, null)];
    for (let i = 0; i < 2000; i++) {
      const at = Math.floor(random() * (ranks.length + 1));
      const rank = rankBetween(ranks[at - 1] ?? null, ranks[at] ?? null);
      ranks.splice(at, 0, rank);
    }
    expect([...ranks].sort()).toEqual(ranks);
    expect(new Set(ranks).size).toBe(ranks.length);
    // Always inserting at the top is the worst case for key length; it stays short.
    let top = ranks[0]!;
    for (let i = 0; i < 1000; i++) top = rankBetween(null, top);
    expect(top.length).toBeLessThan(200);
  });

  it('spreads a run of ranks above a given one, in order, none ending in 0', () => {
    for (const count of [1, 60, 61, 5000]) {
      const run = ranksAfter('V', count);
      expect(run).toHaveLength(count);
      expect([...run].sort()).toEqual(run);
      expect(run.every((rank) => rank > 'V' && isRank(rank))).toBe(true);
    }
    expect(ranksAfter(null, 3).every(isRank)).toBe(true);
  });

  it('refuses an empty interval', () => {
    expect(() => rankBetween('b', 'a')).toThrow(/not below/);
  });
});
