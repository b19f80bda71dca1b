import type pg from 'pg';
import type { GuardTurn, SenderGuard } from '../sales/sender-guard';
import { OrderClaims } from './order-claims';
import { takeSenderLease, type SenderLease } from './sender-lease';
import { assertTillId } from './tills';

export interface SharedSenderGuardOptions {
  /**
   * Longest wait for another till's hold on the key in one acquire: short, so the engine's lane
   * stays responsive (and close() quick); the engine simply asks again.
   */
  maxWaitMs?: number;
  /** How soon the engine asks again after another till kept the key past maxWaitMs. */
  busyRetryMs?: number;
  /** How soon the engine asks again after the shared server could not be reached. */
  unreachableRetryMs?: number;
  /** Told every wait for the lock, got or not, in ms (the bench's "lock wait p95"). */
  onWait?: (waitedMs: number) => void;
  /**
   * Whether the till has joined the shop's server (schema, registration, its history pushed):
   * until then it sends nothing, as when the server cannot be reached.
   */
  joined?: () => boolean;
}

/**
 * The shop's rules for a till sharing its key with others, on the shared PostgreSQL server: the
 * sender lock is a lease kept across the engine's steps (from a send until no outcome of this till
 * is unknown), and order ownership is order_owners (order-claims.ts). The caller registers the till
 * (tills.ts) before any claim, and sizes the pool knowing the lease keeps one connection.
 */
export class SharedSenderGuard implements SenderGuard {
  private lease: SenderLease | null = null;
  private lostSinceAcquire = false;
  private lastReachable = true;
  private readonly claims: OrderClaims;

  constructor(
    private readonly pool: pg.Pool,
    private readonly tillId: string,
    private readonly options: SharedSenderGuardOptions = {},
  ) {
    assertTillId(tillId);
    this.claims = new OrderClaims(pool);
  }

  get lost(): boolean {
    return this.lostSinceAcquire || (this.lease?.signal.aborted ?? false);
  }

  get reachable(): boolean {
    return this.lastReachable;
  }

  async acquire(keyId: string): Promise<GuardTurn> {
    if (this.lease && this.lease.keyId === keyId && !this.lease.signal.aborted) return { held: true };
    // A lost lease is given back (its connection is closed) and a new one taken; a lease of another
    // key (the till's key changed) is given back first: a till sends with one key at a time.
    if (this.lease) await this.release();
    this.lostSinceAcquire = false;
    if (this.options.joined && !this.options.joined()) {
      this.lastReachable = false;
      return { held: false, retryInMs: this.options.unreachableRetryMs ?? 1_000, reason: 'unreachable' };
    }
    const taken = await takeSenderLease(this.pool, keyId, { maxWaitMs: this.options.maxWaitMs ?? 2_000, onWait: this.options.onWait });
    if (taken.outcome === 'unreachable') {
      this.lastReachable = false;
      return { held: false, retryInMs: this.options.unreachableRetryMs ?? 1_000, reason: 'unreachable' };
    }
    this.lastReachable = true;
    if (taken.outcome === 'timed-out') return { held: false, retryInMs: this.options.busyRetryMs ?? 50, reason: 'busy' };
    this.lease = taken.lease;
    taken.lease.signal.addEventListener('abort', () => {
      this.lostSinceAcquire = true;
      this.lastReachable = false;
    });
    return { held: true };
  }

  async release(): Promise<void> {
    const lease = this.lease;
    this.lease = null;
    await lease?.release();
  }

  async claim(orderId: string, saleId: number, line: string): Promise<'ours' | 'other' | 'unreachable'> {
    const result = await this.claims.claimOrder({ orderId, tillId: this.tillId, saleId, line });
    this.lastReachable = result !== 'unreachable';
    if (result === 'claimed' || result === 'already-ours') return 'ours';
    return result === 'unreachable' ? 'unreachable' : 'other';
  }

  async owned(orderIds: readonly string[], exceptSaleId?: number): Promise<Set<string> | 'unreachable'> {
    const owners = await this.claims.ownedByAnyTill(orderIds);
    this.lastReachable = owners !== 'unreachable';
    if (owners === 'unreachable') return 'unreachable';
    const ownedIds = new Set<string>();
    for (const [orderId, owner] of owners) {
      if (!(owner.tillId === this.tillId && owner.saleId === exceptSaleId)) ownedIds.add(orderId);
    }
    return ownedIds;
  }
}
