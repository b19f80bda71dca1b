/**
 * POS_TIMING for a till host the tests kill with SIGKILL and start again: every wait short, so that
 * recovery and reconciliation run many times within a test.
 */

/** The soaks': many sales in a row, a provider answer given up on after 300 ms. */
export const SOAK_TIMING = JSON.stringify({
  firstPollMs: 20,
  pollMs: 40,
  reconcileEveryMs: 40,
  reconcileGraceMs: 250,
  probeMinMs: 20,
  probeMaxMs: 150,
  idleMs: 100,
  orderTimeoutMs: 300,
  readTimeoutMs: 2000,
});

/** The single-kill tests': a write is never given up on, so the kill is what interrupts it. */
export const CRASH_TIMING = JSON.stringify({
  firstPollMs: 50,
  pollMs: 80,
  reconcileEveryMs: 80,
  reconcileGraceMs: 600,
  probeMinMs: 50,
  probeMaxMs: 300,
  idleMs: 200,
  orderTimeoutMs: 20_000,
});
