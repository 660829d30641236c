import type { AppContext } from '../context.ts';

export interface ThrottleOptions {
  /** Failures allowed inside one window before the key is blocked. */
  maxFailures: number;
  windowMs: number;
  /** Keys remembered at most; the oldest are forgotten first, so a flood cannot exhaust memory. */
  maxKeys: number;
}

const DEFAULTS: ThrottleOptions = { maxFailures: 5, windowMs: 15 * 60_000, maxKeys: 10_000 };

interface Entry {
  failures: number;
  windowStart: number;
}

/**
 * Counts failed logins per IP+email in a fixed window. Keyed on both so that an attacker
 * guessing one account is stopped without locking its owner out from their own network.
 * In memory on purpose: a restart forgetting it costs an attacker a few guesses at most.
 */
export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();
  constructor(private readonly options: ThrottleOptions = DEFAULTS, private readonly now: () => number = Date.now) {}

  /** Seconds until the key may try again, or 0 when it may try now. */
  retryAfter(key: string): number {
    const entry = this.live(key);
    if (!entry || entry.failures < this.options.maxFailures) return 0;
    return Math.ceil((entry.windowStart + this.options.windowMs - this.now()) / 1000);
  }

  fail(key: string): void {
    const entry = this.live(key);
    if (entry) {
      entry.failures += 1;
      return;
    }
    if (this.entries.size >= this.options.maxKeys) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { failures: 1, windowStart: this.now() });
  }

  succeed(key: string): void {
    this.entries.delete(key);
  }

  private live(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && this.now() - entry.windowStart >= this.options.windowMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}

// One throttle per running server, found from its context. The UI's server bundle carries
// its own copy of this module, so the registry hangs off a global symbol: the REST API and
// the sign-in page must count the same failures.
const REGISTRY = Symbol.for('tessera.auth.loginThrottles');
type Registry = WeakMap<AppContext, LoginThrottle>;
export function loginThrottle(ctx: AppContext): LoginThrottle {
  const global = globalThis as typeof globalThis & { [REGISTRY]?: Registry };
  const throttles = (global[REGISTRY] ??= new WeakMap());
  let throttle = throttles.get(ctx);
  if (!throttle) {
    throttle = new LoginThrottle();
    throttles.set(ctx, throttle);
  }
  return throttle;
}

export function throttleKey(ip: string | undefined, email: string): string {
  return `${ip ?? 'unknown'}|${email}`;
}
