import { describe, expect, it } from 'vitest';
import { DEFAULT_FORM_RATE_LIMITS, FormRateLimiter } from './rate-limit.ts';

describe('form rate limiter', () => {
  it('allows 10 a minute, then says how long to wait, and refills evenly', () => {
    let now = 0;
    const limiter = new FormRateLimiter(DEFAULT_FORM_RATE_LIMITS, () => now);
    for (let i = 0; i < 10; i++) expect(limiter.take('1.2.3.4')).toBe(0);
    expect(limiter.take('1.2.3.4')).toBe(6); // one token every 6 s
    expect(limiter.take('5.6.7.8')).toBe(0); // clients are counted apart
    now += 6_000;
    expect(limiter.take('1.2.3.4')).toBe(0);
    expect(limiter.take('1.2.3.4')).toBeGreaterThan(0);
  });

  it('stops a steady client at 100 an hour', () => {
    let now = 0;
    const limiter = new FormRateLimiter(DEFAULT_FORM_RATE_LIMITS, () => now);
    let allowed = 0;
    // One attempt every 6 s never trips the minute bucket; the hour bucket runs dry first.
    for (let i = 0; i < 600; i++, now += 6_000) if (limiter.take('bot') === 0) allowed += 1;
    // 100 at once, then one every 36 s: about 200 of 600 attempts in the hour.
    expect(allowed).toBeGreaterThanOrEqual(195);
    expect(allowed).toBeLessThanOrEqual(200);
  });

  it('forgets the least recently seen clients beyond its bound', () => {
    const limiter = new FormRateLimiter({ buckets: [{ capacity: 1, perMs: 60_000 }], maxClients: 2 }, () => 0);
    expect(limiter.take('a')).toBe(0);
    expect(limiter.take('b')).toBe(0);
    expect(limiter.take('c')).toBe(0); // 'a' is forgotten
    expect(limiter.take('c')).toBeGreaterThan(0);
    expect(limiter.take('a')).toBe(0);
  });
});
