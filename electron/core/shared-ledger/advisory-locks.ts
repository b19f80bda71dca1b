import { createHash } from 'node:crypto';

/**
 * Every advisory lock the shared ledger takes, in one place so no two uses can collide. PostgreSQL
 * keeps the two-int form `pg_advisory_lock(namespace, key)` apart from the one-bigint form, and the
 * first int names what the lock is for: a sender lock can never be mistaken for the migration lock,
 * nor for a lock some other tool takes on the same server with the one-bigint form.
 */
export const LOCK_NAMESPACE = {
  /** Held (transaction-scoped) while one migration runs: two tills starting at once migrate once. */
  migrations: 0x0c11_0001,
  /** Held (session-scoped) by the one till that sends with an API key: see sender-lock.ts. */
  sender: 0x0c11_0002,
} as const;

/**
 * The sender lock's key for an API key id (the key's fingerprint, never the key itself). Hashed in
 * Node rather than with the server's `hashtext()`, which is undocumented and may change between
 * server versions: every till computes the same int4 whatever the server, and a test or an operator
 * can compute it to find the holder in pg_locks.
 */
export function senderLockKey(keyId: string): number {
  return createHash('sha256').update(`sender:${keyId}`).digest().readInt32BE(0);
}
