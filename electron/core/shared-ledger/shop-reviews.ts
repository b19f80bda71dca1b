import type pg from 'pg';
import { parseCandidates } from '../sales/review-candidates';
import type { FlaggedElsewhere } from '../sales/sender-guard';
import { isUnreachable } from './pool';

/**
 * The orders the other tills' flagged sales (NEEDS_REVIEW) wait for their owner to choose from, as
 * the tills pushed them to the shop's server (shop_sales.candidates), each with its till and sale.
 * A till that flagged a sale a moment ago may not have pushed it yet: callers treat these orders as
 * not free, never the others as certainly free beyond what order_owners says.
 */
export async function flaggedElsewhere(pool: pg.Pool, tillId: string): Promise<FlaggedElsewhere | 'unreachable'> {
  try {
    const rows = await pool.query<{ till_id: string; name: string; id: string; candidates: string | null }>(
      `SELECT s.till_id, t.name, s.id, s.candidates FROM shop_sales s JOIN tills t ON t.till_id = s.till_id
        WHERE s.state = 'NEEDS_REVIEW' AND s.till_id <> $1 ORDER BY s.till_id, s.id`,
      [tillId],
    );
    const orders: FlaggedElsewhere['orders'] = new Map();
    let unreadable = 0;
    for (const r of rows.rows) {
      const ids = parseCandidates(r.candidates);
      if (!ids) unreadable++;
      for (const orderId of ids ?? []) if (!orders.has(orderId)) orders.set(orderId, { till: { id: r.till_id, name: r.name }, saleId: Number(r.id) });
    }
    return { orders, unreadable };
  } catch (e) {
    if (isUnreachable(e)) return 'unreachable';
    throw e;
  }
}
