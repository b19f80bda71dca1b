import type { RateLimitConfig } from './types';

export type RateDecision = { ok: true } | { ok: false; retryAfterSec: number };

/**
 * Fixed window per key. The real limits are undocumented; this only has to make 429 + Retry-After
 * happen on demand so the till's back-off can be tested. Refused requests do not consume quota.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { startMs: number; count: number }>();

  constructor(
    private config: RateLimitConfig | null,
    private readonly now: () => Date,
  ) {}

  setConfig(config: RateLimitConfig | null): void {
    this.config = config;
    this.windows.clear();
  }

  check(key: string): RateDecision {
    if (!this.config) return { ok: true };
    const nowMs = this.now().getTime();
    let w = this.windows.get(key);
    if (!w || nowMs - w.startMs >= this.config.perMs) {
      w = { startMs: nowMs, count: 0 };
      this.windows.set(key, w);
    }
    if (w.count >= this.config.requests) {
      const waitMs = w.startMs + this.config.perMs - nowMs;
      return { ok: false, retryAfterSec: Math.max(1, Math.ceil(waitMs / 1000)) };
    }
    w.count++;
    return { ok: true };
  }
}
