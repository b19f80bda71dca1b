import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import { LOCK_NAMESPACE, senderLockKey } from './advisory-locks';
import { isUnreachable } from './pool';

export interface SenderLeaseOptions {
  /** Longest wait for another till's hold to end before giving up ('timed-out'); the holder may be stuck. */
  maxWaitMs?: number;
  /** Told every wait for the lock, got or not, in ms (the bench's "lock wait p95"). */
  onWait?: (waitedMs: number) => void;
}

/**
 * The sender lock of one API key, held on a connection lent by the pool until release(): the sale
 * engine keeps it across several of its steps (from a send until its outcome is known), withSenderLock
 * around one function.
 */
export interface SenderLease {
  readonly keyId: string;
  /** Aborted when the lock's connection ends (server restart, network): the lock is then no longer held. */
  readonly signal: AbortSignal;
  /** Unlocks and gives the connection back; closes it instead if the unlock cannot be sent. Idempotent. */
  release(): Promise<void>;
}

export type SenderLeaseResult =
  | { outcome: 'held'; lease: SenderLease; waitedMs: number }
  /** Another till kept the key past maxWaitMs. */
  | { outcome: 'timed-out'; waitedMs: number }
  /** The server could not be asked. What to do then is the caller's rule. */
  | { outcome: 'unreachable' };

// SQLSTATE lock_not_available: lock_timeout expired while waiting (it applies to advisory locks too).
const LOCK_NOT_AVAILABLE = '55P03';

/**
 * Takes the one-sender lock of API key `keyId` (the key's fingerprint; the lock key is a hash of it,
 * so neither the key nor its id appears on the server).
 *
 * Session-level lock on a connection taken from the pool for the whole lease: not a transaction
 * lock, because the holder talks to the provider for seconds and an open transaction that long would
 * hold back vacuum; and a session lock dies with its connection, so a till killed mid-send frees the
 * key as soon as the server notices its socket closed. For the same reason the lock can be lost while
 * held (server restart): `signal` is then aborted, and what the holder sent is unguarded.
 */
export async function takeSenderLease(pool: pg.Pool, keyId: string, options: SenderLeaseOptions = {}): Promise<SenderLeaseResult> {
  if (typeof keyId !== 'string' || keyId === '') throw new TypeError('keyId must be a non-empty string');
  const key = senderLockKey(keyId);
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (e) {
    if (isUnreachable(e)) return { outcome: 'unreachable' };
    throw e;
  }
  // The pool stops listening for a connection's errors while it is lent out, and an unheard 'error'
  // event would end the till's process: listen for the whole loan, and know when the lock is gone.
  const lost = new AbortController();
  const onLost = (e?: Error) => lost.abort(e ?? new Error('the sender lock was lost with its connection'));
  client.on('error', onLost);
  client.on('end', onLost);
  let returned = false;
  const giveBack = (broken?: Error) => {
    if (returned) return;
    returned = true;
    client.off('error', onLost);
    client.off('end', onLost);
    // The pool listens again from here. With an error the connection is closed, not pooled: a
    // connection that may still hold the lock must never be lent to the next caller.
    client.release(broken);
  };

  // Timed from here, not before connect: the bench's figure is the wait for another till's hold,
  // not the cost of opening a connection.
  const started = performance.now();
  let got: boolean;
  try {
    got = await lock(client, key, options.maxWaitMs ?? 60_000);
  } catch (e) {
    giveBack(e as Error);
    if (isUnreachable(e)) return { outcome: 'unreachable' };
    throw e;
  }
  const waitedMs = performance.now() - started;
  options.onWait?.(waitedMs);
  if (!got) {
    giveBack();
    return { outcome: 'timed-out', waitedMs };
  }

  let releasing: Promise<void> | null = null;
  const release = async () => {
    if (lost.signal.aborted) return giveBack(lost.signal.reason as Error);
    const unlocked = await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_NAMESPACE.sender, key]).then(
      () => undefined,
      (e: Error) => e,
    );
    giveBack(unlocked);
  };
  return {
    outcome: 'held',
    waitedMs,
    lease: {
      keyId,
      signal: lost.signal,
      release: () => (releasing ??= release()),
    },
  };
}

/**
 * Takes the lock: first without waiting (one round trip, the usual case with one till per key),
 * then waiting at most maxWaitMs. false when the wait ran out.
 */
async function lock(client: pg.PoolClient, key: number, maxWaitMs: number): Promise<boolean> {
  const tried = await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS got', [LOCK_NAMESPACE.sender, key]);
  if (tried.rows[0]?.got) return true;
  await client.query(`SET lock_timeout = ${Math.max(1, Math.round(maxWaitMs))}`);
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_NAMESPACE.sender, key]);
    return true;
  } catch (e) {
    if ((e as { code?: unknown }).code === LOCK_NOT_AVAILABLE) return false;
    throw e;
  } finally {
    await client.query('RESET lock_timeout').catch(() => undefined);
  }
}
