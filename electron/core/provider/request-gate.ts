/**
 * What the provider client asks of a request budget: a turn before each request, the turn given
 * back when the request never left, and a pause after the provider's 429. A till alone uses its
 * RateGate (rate-gate.ts); a till of a shop sharing a ledger uses the shop's budget on the shared
 * server (shared-ledger/shop-rate-gate.ts), since the provider counts per key, not per till.
 */
export interface RequestGate {
  /** Resolves when the caller may send; callers of one till are served in arrival order. */
  take(): Promise<void>;
  /** Gives back the last turn taken, for a request that failed before it reached the provider. */
  release(): void;
  /** The provider said 429: no request before `ms` from now. */
  pauseFor(ms: number): void;
}
