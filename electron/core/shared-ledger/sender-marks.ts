import type pg from 'pg';
import { isUnreachable } from './pool';

/**
 * The name a till's sessions carry on the shop's server (pg_stat_activity.application_name), so the
 * other tills can tell it is alive. Only the till id: nothing secret.
 */
export function tillSessionName(tillId: string): string {
  return `till:${tillId}`;
}

/**
 * A till's mark on an API key's sender lock (shared migration 7). The lock itself dies with its
 * connection, and a server restart ends every connection: a till whose sale's outcome was still
 * unknown would then lose the key, another till would send with it, and with two lost answers for
 * the same card both recoveries would find two candidates and send both sales to review. The mark
 * outlives the connection: it is set when the lock is taken and removed when it is given back, and a
 * till that takes the lock while another till's mark stands gives it back and waits, as long as that
 * till is alive (a session named by tillSessionName) or marked it less than `graceMs` ago (its
 * sessions may not be back yet after a restart). A till that died (killed, unplugged) has no session:
 * the others wait out the grace, then go on, as they did before the mark.
 *
 * Two marks can stand at once (a till marked after the first one's grace, then a second restart
 * ended its lock too): each of those tills may have an outcome unknown, and each would wait for the
 * other for as long as both live. The lower till id goes first; the other waits for its mark to go.
 * At worst the first one's recovery then finds the second's order as a second candidate and sends
 * its sale to review: nothing is sent twice, and the shop is not stuck.
 *
 * 'marked': this till's mark is set (or refreshed), it may send. 'other': another till's stands.
 */
export async function markSender(pool: pg.Pool, m: { lockKey: number; tillId: string; graceMs: number }): Promise<'marked' | 'other' | 'unreachable'> {
  try {
    const r = await pool.query<{ blocked: boolean }>(
      `WITH others AS (
         SELECT 1 FROM sender_marks s
          WHERE s.lock_key = $1 AND s.till_id <> $2
            AND (s.seen_at > now() - make_interval(secs => $3::double precision / 1000)
                 OR EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.application_name = $4 || s.till_id::text))
            AND (s.till_id < $2 OR NOT EXISTS (SELECT 1 FROM sender_marks o WHERE o.lock_key = $1 AND o.till_id = $2))
       ), mark AS (
         INSERT INTO sender_marks (lock_key, till_id, seen_at)
         SELECT $1, $2, now() WHERE NOT EXISTS (SELECT 1 FROM others)
         ON CONFLICT (lock_key, till_id) DO UPDATE SET seen_at = now()
         RETURNING 1
       )
       SELECT EXISTS (SELECT 1 FROM others) AS blocked`,
      [m.lockKey, m.tillId, m.graceMs, tillSessionName('')],
    );
    return r.rows[0]?.blocked ? 'other' : 'marked';
  } catch (e) {
    if (isUnreachable(e)) return 'unreachable';
    throw e;
  }
}

/**
 * Removes this till's marks, on every key (every outcome it sent is known). false: the server could
 * not be asked; try again later.
 */
export async function clearSenderMarks(pool: pg.Pool, m: { tillId: string }): Promise<boolean> {
  try {
    await pool.query('DELETE FROM sender_marks WHERE till_id = $1', [m.tillId]);
    return true;
  } catch (e) {
    if (isUnreachable(e)) return false;
    throw e;
  }
}
