import { describe, expect, it } from 'vitest';
import { absoluteTime, relativeTime } from './relative-time.ts';

const now = new Date('2026-11-23T10:00:00.000Z');
const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
const MIN = 60_000;

describe('relativeTime', () => {
  it('speaks English', () => {
    expect(relativeTime(ago(10_000), now, 'en')).toBe('now');
    expect(relativeTime(ago(3 * MIN), now, 'en')).toBe('3 minutes ago');
    expect(relativeTime(ago(2 * 60 * MIN), now, 'en')).toBe('2 hours ago');
    expect(relativeTime(ago(26 * 60 * MIN), now, 'en')).toBe('yesterday');
    expect(relativeTime(ago(14 * 24 * 60 * MIN), now, 'en')).toBe('2 weeks ago');
    expect(relativeTime(ago(400 * 24 * 60 * MIN), now, 'en')).toBe('last year');
  });

  it('speaks Chinese', () => {
    expect(relativeTime(ago(10_000), now, 'zh-CN')).toBe('现在');
    expect(relativeTime(ago(3 * MIN), now, 'zh-CN')).toBe('3分钟前');
    expect(relativeTime(ago(2 * 60 * MIN), now, 'zh-CN')).toBe('2小时前');
    expect(relativeTime(ago(26 * 60 * MIN), now, 'zh-CN')).toBe('昨天');
    expect(relativeTime(ago(3 * 24 * 60 * MIN), now, 'zh-CN')).toBe('3天前');
  });

  it('treats a clock slightly ahead as now', () => {
    expect(relativeTime(ago(-5_000), now, 'en')).toBe('now');
  });
});

describe('absoluteTime', () => {
  it("shows the moment in the base's zone", () => {
    expect(absoluteTime('2026-11-23T10:00:00.000Z', 'en', 'Asia/Shanghai').replace(/\s/g, ' ')).toBe('Nov 23, 2026, 6:00 PM');
    expect(absoluteTime('2026-11-23T10:00:00.000Z', 'zh-CN', 'Asia/Shanghai')).toBe('2026年11月23日 18:00');
  });
});
