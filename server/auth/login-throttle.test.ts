import { describe, expect, it } from 'vitest';
import { LoginThrottle } from './login-throttle.ts';

describe('LoginThrottle', () => {
  it('blocks a key after the allowed failures until its window ends', () => {
    let now = 1_000_000;
    const throttle = new LoginThrottle({ maxFailures: 3, windowMs: 60_000, maxKeys: 100 }, () => now);
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfter('ip|a@x.cn')).toBe(0);
      throttle.fail('ip|a@x.cn');
    }
    expect(throttle.retryAfter('ip|a@x.cn')).toBe(60);
    expect(throttle.retryAfter('other-ip|a@x.cn')).toBe(0);
    now += 30_000;
    expect(throttle.retryAfter('ip|a@x.cn')).toBe(30);
    now += 30_000;
    expect(throttle.retryAfter('ip|a@x.cn')).toBe(0);
  });

  it('forgets failures after a success', () => {
    const throttle = new LoginThrottle({ maxFailures: 2, windowMs: 60_000, maxKeys: 100 });
    throttle.fail('k');
    throttle.succeed('k');
    throttle.fail('k');
    expect(throttle.retryAfter('k')).toBe(0);
  });

  it('keeps at most maxKeys entries', () => {
    const throttle = new LoginThrottle({ maxFailures: 1, windowMs: 60_000, maxKeys: 2 });
    throttle.fail('a');
    throttle.fail('b');
    throttle.fail('c');
    expect(throttle.retryAfter('a')).toBe(0);
    expect(throttle.retryAfter('b')).toBeGreaterThan(0);
    expect(throttle.retryAfter('c')).toBeGreaterThan(0);
  });
});
