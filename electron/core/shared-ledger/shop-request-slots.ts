import { createHash } from 'node:crypto';
import type pg from 'pg';
import { isUnreachable } from './pool';

/**
 * The shop's request turns with the provider, per API key, on the shared server (migration 6):
 * "next free slot" pacing (GCRA without bursts). Each turn is one statement that moves the key's
 * next slot one interval on and says how long the asking till waits for its own; times are the
 * server's clock (clock_timestamp, in microseconds: an interval of 26.3 ms must not round to 27).
 */

/** The row's key for an API key id (the key's fingerprint): a hash, neither the key nor its id. */
export function requestSlotKey(keyId: string): number {
  // 48 bits: a bigint column, and still an exact JS number.
  return createHash('sha256').update(`request-slots:${keyId}`).digest().readIntBE(0, 6);
}

const NOW_US = `(SELECT (extract(epoch FROM clock_timestamp()) * 1000000)::bigint AS t)`;

const TAKE_SLOT = `
  WITH now_us AS ${NOW_US}
  INSERT INTO shop_request_slots AS s (key_hash, next_at_us)
  SELECT $1::bigint, t + $2::bigint FROM now_us
  ON CONFLICT (key_hash) DO UPDATE SET next_at_us = GREATEST(s.next_at_us, (SELECT t FROM now_us)) + $2::bigint
  RETURNING s.next_at_us - $2::bigint - (SELECT t FROM now_us) AS wait_us`;

const PUSH_BACK = `
  WITH now_us AS ${NOW_US}
  INSERT INTO shop_request_slots AS s (key_hash, next_at_us)
  SELECT $1::bigint, t + $2::bigint FROM now_us
  ON CONFLICT (key_hash) DO UPDATE SET next_at_us = GREATEST(s.next_at_us, (SELECT t FROM now_us) + $2::bigint)`;

export type SlotResult = { waitMs: number } | 'unreachable';

/** Takes the key's next turn, `intervalUs` after the one before: how long to wait for it. */
export async function takeRequestSlot(pool: pg.Pool, keyHash: number, intervalUs: number): Promise<SlotResult> {
  try {
    const r = await pool.query<{ wait_us: number }>(TAKE_SLOT, [keyHash, Math.max(1, Math.round(intervalUs))]);
    return { waitMs: Math.max(0, (r.rows[0]?.wait_us ?? 0) / 1000) };
  } catch (e) {
    if (isUnreachable(e)) return 'unreachable';
    throw e;
  }
}

/** No turn of the key starts before `ms` from now (the provider's 429 and its Retry-After). */
export async function pushRequestSlotsBack(pool: pg.Pool, keyHash: number, ms: number): Promise<'done' | 'unreachable'> {
  try {
    await pool.query(PUSH_BACK, [keyHash, Math.max(0, Math.round(ms * 1000))]);
    return 'done';
  } catch (e) {
    if (isUnreachable(e)) return 'unreachable';
    throw e;
  }
}

/** How many tills the shop has registered: the share a cut-off till keeps to (shop-rate-gate.ts). */
export async function registeredTills(pool: pg.Pool): Promise<number | 'unreachable'> {
  try {
    const r = await pool.query<{ n: number }>('SELECT count(*)::bigint AS n FROM tills');
    return Math.max(1, r.rows[0]?.n ?? 1);
  } catch (e) {
    if (isUnreachable(e)) return 'unreachable';
    throw e;
  }
}
