import type { Ledger } from '../ledger/ledger';

/**
 * Orders other tills' flagged sales (NEEDS_REVIEW) wait for their owner to choose from, each with
 * its till and sale, and how many of those sales' lists could not be read.
 */
export interface FlaggedElsewhere {
  orders: Map<string, { till: { id: string; name: string }; saleId: number }>;
  unreadable: number;
}

/** The answer to "may this till send with this key now?": held, or wait and try again (nothing is lost meanwhile). */
export type GuardTurn = { held: true } | { held: false; retryInMs: number; reason: 'busy' | 'unreachable' };

/**
 * The shop-wide rules the sale engine keeps when several tills share an API key (issue 12): one
 * sender per key while an outcome is unknown, and one owner (one sale of one till) per provider
 * order. A till alone at its counter uses singleTillGuard, which keeps today's behaviour exactly.
 */
export interface SenderGuard {
  /** Before a send or a reconciliation: this till becomes the only sender for this API key (keyId = sale.key_id). Idempotent while held. */
  acquire(keyId: string): Promise<GuardTurn>;
  /** Gives the key back to the other tills (no-op when not held). */
  release(): Promise<void>;
  /** true once the lock was lost (connection died) since acquire: what was sent under it is unguarded. */
  readonly lost: boolean;
  /** Makes sale `saleId` the owner of provider order `orderId`. 'ours' | 'other' (another sale/till owns it) | 'unreachable'. */
  claim(orderId: string, saleId: number, line: string): Promise<'ours' | 'other' | 'unreachable'>;
  /**
   * Which of `orderIds` some sale of any till owns, or 'unreachable' (never read that as "free").
   * `exceptSaleId`: an order owned by that very sale of this till is left out (it is that sale's own,
   * claimed before a crash cut its adoption short, and must stay adoptable by it).
   */
  owned(orderIds: readonly string[], exceptSaleId?: number): Promise<Set<string> | 'unreachable'>;
  /**
   * What the other tills' flagged sales wait to choose from (a till alone: nothing), or
   * 'unreachable'. Such an order existed before any later send, so it is no later sale's lost
   * order, and no reconciliation adopts it as found (it may be the flagged sale's own).
   */
  flaggedElsewhere(): Promise<FlaggedElsewhere | 'unreachable'>;
  /** The shared ledger is reachable as last seen (for the status bar). */
  readonly reachable: boolean;
}

/**
 * One till per key (SQLite only): the lock is always held, every order the till is answered is its
 * own, and the orders owned are those its ledger knows — exactly what the engine did before guards.
 */
export function singleTillGuard(ledger: Pick<Ledger, 'isKnownOrderId'>): SenderGuard {
  return {
    acquire: async () => ({ held: true }),
    release: async () => undefined,
    lost: false,
    claim: async () => 'ours',
    owned: async (orderIds) => new Set(orderIds.filter((id) => ledger.isKnownOrderId(id))),
    flaggedElsewhere: async () => ({ orders: new Map(), unreadable: 0 }),
    reachable: true,
  };
}
