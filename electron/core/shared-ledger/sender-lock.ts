import type pg from 'pg';
import { takeSenderLease, type SenderLeaseOptions } from './sender-lease';

export type SenderLockOptions = SenderLeaseOptions;

/** Aborted when the lock's connection ends while fn runs: the lock is then no longer held. */
export type HeldSignal = AbortSignal;

export type SenderLockResult<T> =
  | { outcome: 'ran'; value: T; waitedMs: number }
  /** Another till kept the key past maxWaitMs; fn did not run. */
  | { outcome: 'timed-out'; waitedMs: number }
  /** The server could not be asked; fn did not run. What to do then is the caller's rule. */
  | { outcome: 'unreachable' };

/**
 * Runs fn while this till is the only one sending with API key `keyId` (the key's fingerprint; the
 * lock key is a hash of it, so neither the key nor its id appears on the server).
 *
 * Session-level lock on a connection taken from the pool for the whole of fn: not a transaction
 * lock, because fn talks to the provider for seconds and an open transaction that long would hold
 * back vacuum; and a session lock dies with its connection, so a till killed mid-send frees the key
 * as soon as the server notices its socket closed. For the same reason the lock can be lost while
 * fn runs (server restart): `held` is then aborted, and fn must treat its outcome as unguarded.
 *
 * Released after fn, also when fn throws; if the unlock cannot be sent, the connection is closed
 * instead (which releases it too) rather than returned to the pool still holding the lock.
 */
export async function withSenderLock<T>(
  pool: pg.Pool,
  keyId: string,
  fn: (held: HeldSignal) => Promise<T>,
  options: SenderLockOptions = {},
): Promise<SenderLockResult<T>> {
  const taken = await takeSenderLease(pool, keyId, options);
  if (taken.outcome !== 'held') return taken;
  try {
    // fn's own errors (the provider's, say) pass through untouched: they are not the lock's.
    return { outcome: 'ran', value: await fn(taken.lease.signal), waitedMs: taken.waitedMs };
  } finally {
    await taken.lease.release();
  }
}
