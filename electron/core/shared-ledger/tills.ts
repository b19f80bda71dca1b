import type pg from 'pg';
import { isUnreachable } from './pool';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Throws unless `tillId` is a uuid: the till's identity, made once and kept in its data dir. */
export function assertTillId(tillId: unknown): asserts tillId is string {
  if (typeof tillId !== 'string' || !UUID.test(tillId)) throw new TypeError('tillId must be a uuid');
}

/**
 * Makes the till known to the shop (every claim names a till that exists), or renames it. Safe to
 * repeat at every start.
 */
export async function registerTill(pool: pg.Pool, till: { tillId: string; name: string }): Promise<'registered' | 'unreachable'> {
  assertTillId(till.tillId);
  if (typeof till.name !== 'string' || till.name.trim() === '') throw new TypeError('a till needs a name');
  try {
    await pool.query('INSERT INTO tills (till_id, name) VALUES ($1, $2) ON CONFLICT (till_id) DO UPDATE SET name = EXCLUDED.name', [
      till.tillId,
      till.name.trim(),
    ]);
    return 'registered';
  } catch (e) {
    if (isUnreachable(e)) return 'unreachable';
    throw e;
  }
}
