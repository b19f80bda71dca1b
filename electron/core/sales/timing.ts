/**
 * Waits that shape a sale's life (design §4). Production values follow the provider's polling
 * guidance; tests shrink them.
 */
export interface SaleTiming {
  /** First checkOrder after placing: most orders resolve within seconds. */
  firstPollMs: number;
  pollMs: number;
  /** After this long HANDLING, keep checking in the background at `slowPollMs`. */
  slowAfterMs: number;
  slowPollMs: number;
  /**
   * A top-up the provider could not settle (UNKNOWN_ERROR: "resolves within 1 to 24 h") is
   * re-checked every `verifyPollMs` for `verifyForMs`, then every `verifyLatePollMs` until it settles.
   */
  verifyPollMs: number;
  verifyForMs: number;
  verifyLatePollMs: number;
  /** An internet card the provider queued (12–48 h) is checked this often until it arrives. */
  queuedPollMs: number;
  /** How often an unknown sale is looked for in the provider's order list. */
  reconcileEveryMs: number;
  /** No matching order for this long after the first look: it was not created. */
  reconcileGraceMs: number;
  /** The list window around the send time (clocks of till and provider may differ). */
  reconcileBeforeMs: number;
  reconcileAfterMs: number;
  probeMinMs: number;
  probeMaxMs: number;
  /** Reads give up after this long (and may retry). */
  readTimeoutMs: number;
  /** placeOrder waits longer: giving up early only turns a sale into an unknown. */
  orderTimeoutMs: number;
  /** Upper bound on how long a lane sleeps before re-checking (expiry, clock changes). */
  idleMs: number;
  /** Share of the request budget (percent of apiRequestsPerMinute) the catalogue warmer may use. */
  warmSharePercent: number;
  /** A product's prices older than this are read again by the warmer (oldest first). */
  warmRefreshMs: number;
  /** Before sending a queued sale, a price check younger than this is trusted; older, it is redone. */
  costFreshMs: number;
}

export const DEFAULT_TIMING: SaleTiming = {
  firstPollMs: 1500,
  pollMs: 5000,
  slowAfterMs: 10 * 60_000,
  slowPollMs: 60_000,
  verifyPollMs: 30 * 60_000,
  verifyForMs: 24 * 60 * 60_000,
  verifyLatePollMs: 6 * 60 * 60_000,
  queuedPollMs: 30 * 60_000,
  reconcileEveryMs: 10_000,
  reconcileGraceMs: 60_000,
  reconcileBeforeMs: 2 * 60_000,
  reconcileAfterMs: 5 * 60_000,
  probeMinMs: 1000,
  probeMaxMs: 30_000,
  readTimeoutMs: 10_000,
  orderTimeoutMs: 30_000,
  idleMs: 5000,
  warmSharePercent: 10,
  warmRefreshMs: 30 * 60_000,
  costFreshMs: 60_000,
};
