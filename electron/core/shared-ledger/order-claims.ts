import type pg from 'pg';
import { isUnreachable } from './pool';
import { assertTillId } from './tills';

export interface OrderClaim {
  /** The provider's order id. */
  orderId: string;
  tillId: string;
  /** The sale's id in the claiming till's local ledger. */
  saleId: number;
  /** The product line the sale belongs to (gift-cards, flexy, …). */
  line: string;
}

export interface OrderOwner {
  tillId: string;
  saleId: number;
  line: string;
}

/**
 * 'claimed': this call made the sale the order's owner. 'already-ours': the same till and sale had
 * claimed it (a retry after a lost answer). { ownedBy }: someone else owns it — another till, or
 * another sale of this same till (compare saleId) — so it must never be adopted. 'unreachable':
 * nobody could be asked; the caller must treat the order as neither ours nor free (wait).
 */
export type ClaimResult = 'claimed' | 'already-ours' | { ownedBy: string; saleId: number; line: string } | 'unreachable';

function assertClaim(claim: OrderClaim): void {
  if (typeof claim.orderId !== 'string' || claim.orderId === '') throw new TypeError('orderId must be a non-empty string');
  assertTillId(claim.tillId);
  if (!Number.isSafeInteger(claim.saleId) || claim.saleId <= 0) throw new TypeError('saleId must be a positive integer');
  if (typeof claim.line !== 'string' || claim.line === '') throw new TypeError('line must be a non-empty string');
}

const toOwner = (row: { till_id: string; sale_id: string; line: string }): OrderOwner => ({
  tillId: row.till_id,
  saleId: Number(row.sale_id), // bigint arrives as a string; local sale ids are far below 2^53
  line: row.line,
});

/** One owner per provider order, decided by order_owners' primary key on the shared server. */
export class OrderClaims {
  constructor(private readonly pool: pg.Pool) {}

  async claimOrder(claim: OrderClaim): Promise<ClaimResult> {
    assertClaim(claim);
    try {
      // DO NOTHING instead of catching 23505: no error logged by the server, and the insert waits
      // for a concurrent claim of the same order to commit or roll back before deciding.
      const inserted = await this.pool.query(
        'INSERT INTO order_owners (order_id, till_id, sale_id, line) VALUES ($1, $2, $3, $4) ON CONFLICT (order_id) DO NOTHING',
        [claim.orderId, claim.tillId, claim.saleId, claim.line],
      );
      if (inserted.rowCount === 1) return 'claimed';
      // A new statement, so a new snapshot (read committed): it sees the winner's committed row.
      const owner = await this.ownerOf(claim.orderId);
      if (!owner) throw new Error(`order ${claim.orderId} conflicted on claim but has no owner row (order_owners is append only)`);
      if (owner.tillId === claim.tillId && owner.saleId === claim.saleId) return 'already-ours';
      return { ownedBy: owner.tillId, saleId: owner.saleId, line: owner.line };
    } catch (e) {
      if (isUnreachable(e)) return 'unreachable';
      throw e;
    }
  }

  /**
   * The owners of those of `orderIds` some till has claimed (absent: nobody has), for recovery's
   * "is this order known?" check; 'unreachable' must be read as "unknown", never as "free".
   */
  async ownedByAnyTill(orderIds: readonly string[]): Promise<Map<string, OrderOwner> | 'unreachable'> {
    if (!Array.isArray(orderIds) || orderIds.some((id) => typeof id !== 'string' || id === '')) {
      throw new TypeError('orderIds must be non-empty strings');
    }
    if (orderIds.length === 0) return new Map();
    try {
      const rows = await this.pool.query<{ order_id: string; till_id: string; sale_id: string; line: string }>(
        'SELECT order_id, till_id, sale_id, line FROM order_owners WHERE order_id = ANY($1::text[])',
        [orderIds],
      );
      return new Map(rows.rows.map((r) => [r.order_id, toOwner(r)]));
    } catch (e) {
      if (isUnreachable(e)) return 'unreachable';
      throw e;
    }
  }

  private async ownerOf(orderId: string): Promise<OrderOwner | null> {
    const rows = await this.pool.query<{ till_id: string; sale_id: string; line: string }>(
      'SELECT till_id, sale_id, line FROM order_owners WHERE order_id = $1',
      [orderId],
    );
    return rows.rows[0] ? toOwner(rows.rows[0]) : null;
  }
}
