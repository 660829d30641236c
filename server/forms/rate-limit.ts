import type { AppContext } from '../context.ts';

/** One token bucket: `capacity` submissions at once, refilled evenly over `perMs`. */
export interface BucketLimit {
  capacity: number;
  perMs: number;
}

export interface FormRateLimits {
  buckets: readonly BucketLimit[];
  /** Clients remembered at most; the least recently seen are forgotten first. */
  maxClients: number;
}

/** Per client address: 10 submissions a minute and 100 an hour (decision 0082). */
export const DEFAULT_FORM_RATE_LIMITS: FormRateLimits = {
  buckets: [{ capacity: 10, perMs: 60_000 }, { capacity: 100, perMs: 3_600_000 }],
  maxClients: 50_000,
};

/**
 * In-memory token buckets per client. Every submission attempt takes a token from each
 * bucket, refused ones too, so probing a form costs the same as spamming it. A restart
 * forgets the counts: the worst case is one extra burst per client.
 */
export class FormRateLimiter {
  // Map order is insertion order: deleting and re-inserting on use keeps it least recent first.
  private readonly clients = new Map<string, { tokens: number[]; at: number }>();

  constructor(readonly limits: FormRateLimits = DEFAULT_FORM_RATE_LIMITS, private readonly now: () => number = Date.now) {}

  /** Takes a token for `client`: 0 when allowed, else the seconds until the next one. */
  take(client: string): number {
    const now = this.now();
    const { buckets } = this.limits;
    const entry = this.clients.get(client) ?? { tokens: buckets.map((bucket) => bucket.capacity), at: now };
    this.clients.delete(client);
    const elapsed = now - entry.at;
    const tokens = entry.tokens.map((held, i) => Math.min(buckets[i]!.capacity, held + (elapsed * buckets[i]!.capacity) / buckets[i]!.perMs));
    let wait = 0;
    for (const [i, bucket] of buckets.entries()) {
      if (tokens[i]! < 1) wait = Math.max(wait, ((1 - tokens[i]!) * bucket.perMs) / bucket.capacity);
    }
    if (wait === 0) for (const i of tokens.keys()) tokens[i]! -= 1;
    this.clients.set(client, { tokens, at: now });
    if (this.clients.size > this.limits.maxClients) this.clients.delete(this.clients.keys().next().value!);
    return wait === 0 ? 0 : Math.max(1, Math.ceil(wait / 1000));
  }
}

// One limiter per running server. The UI's server bundle carries its own copy of this
// module, so the registry hangs off a global symbol: the REST API and the form page must
// count the same submissions.
const REGISTRY = Symbol.for('tessera.forms.rateLimiters');
type Registry = WeakMap<AppContext, FormRateLimiter>;

export function formRateLimiter(ctx: AppContext): FormRateLimiter {
  const global = globalThis as typeof globalThis & { [REGISTRY]?: Registry };
  const limiters = (global[REGISTRY] ??= new WeakMap());
  let limiter = limiters.get(ctx);
  if (!limiter) {
    limiter = new FormRateLimiter();
    limiters.set(ctx, limiter);
  }
  return limiter;
}

/** Replaces a server's limits (an operator's tuning, or a test that submits a lot). */
export function setFormRateLimits(ctx: AppContext, limits: FormRateLimits): void {
  const global = globalThis as typeof globalThis & { [REGISTRY]?: Registry };
  (global[REGISTRY] ??= new WeakMap()).set(ctx, new FormRateLimiter(limits));
}
