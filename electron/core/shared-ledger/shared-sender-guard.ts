import type pg from 'pg';
import type { FlaggedElsewhere, GuardTurn, SenderGuard } from '../sales/sender-guard';
import { senderLockKey } from './advisory-locks';
import { OrderClaims } from './order-claims';
import { clearSenderMarks, markSender } from './sender-marks';
import { takeSenderLease, type SenderLease } from './sender-lease';
import { flaggedElsewhere } from './shop-reviews';
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
   * How long another till's mark on the key is honoured after it was set when that till has no
   * session on the server (sender-marks.ts): long enough for a live till to reconnect after a
   * server restart; a dead till's key is free after it.
   */
  deadHolderGraceMs?: number;
  /** How soon the engine asks again while another till's mark stands (it is recovering an outcome). */
  markedRetryMs?: number;
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
  /**
   * Whether a mark of this till may stand on the server (sender-marks.ts). True at start: a till
   * stopped (killed, unplugged, closed while the server was away) between its last send and the
   * removal of its mark finds that mark still there, and no send of its own would ever remove it,
   * while its other sessions keep the other tills honouring it.
   */
  private marksMayStand = true;
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
    // A lease of another key (the till's key changed) is given back, mark and all: a till sends with
    // one key at a time. A lost lease is given back (its connection is closed) and a new one taken;
    // its mark stays, so that no other till sends while this one's outcomes may be unknown.
    if (this.lease && this.lease.keyId !== keyId) await this.release();
    await this.dropLease();
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
    const lockKey = senderLockKey(keyId);
    let mark: Awaited<ReturnType<typeof markSender>>;
    try {
      mark = await markSender(this.pool, { lockKey, tillId: this.tillId, graceMs: this.options.deadHolderGraceMs ?? 10_000 });
    } catch (e) {
      // Not kept anywhere yet: a lease dropped here would hold the key for every till while this one lives.
      await taken.lease.release();
      throw e;
    }
    if (mark !== 'marked') {
      await taken.lease.release();
      if (mark === 'unreachable') {
        this.lastReachable = false;
        return { held: false, retryInMs: this.options.unreachableRetryMs ?? 1_000, reason: 'unreachable' };
      }
      // Another till lost the lock with an outcome maybe unknown (a server restart): it goes first.
      return { held: false, retryInMs: this.options.markedRetryMs ?? 250, reason: 'busy' };
    }
    this.marksMayStand = true;
    this.lease = taken.lease;
    taken.lease.signal.addEventListener('abort', () => {
      this.lostSinceAcquire = true;
      this.lastReachable = false;
    });
    return { held: true };
  }

  /**
   * Gives the key back: this till's marks first (while the lock still keeps the others out; every
   * mark of the till, so one left on a key it no longer sends with goes too), then the lock. A mark
   * the server could not remove is removed at a later release (the engine releases at each of its
   * steps, idle ones too, once every outcome is known).
   */
  async release(): Promise<void> {
    try {
      // Before the till has joined, the shop's schema may not even be there: its marks wait.
      const joined = this.options.joined?.() ?? true;
      if (this.marksMayStand && joined && (await clearSenderMarks(this.pool, { tillId: this.tillId }))) this.marksMayStand = false;
    } finally {
      // The lock goes back whatever became of the mark: a mark left standing only delays the others
      // until the next release; a lock kept would stop them for as long as this till lives.
      await this.dropLease();
    }
  }

  /** Gives the lock back, keeping the mark. */
  private async dropLease(): Promise<void> {
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

  async flaggedElsewhere(): Promise<FlaggedElsewhere | 'unreachable'> {
    // Before the till has joined, the shop's tables may not even be there: nobody can say.
    if (this.options.joined && !this.options.joined()) return 'unreachable';
    const flagged = await flaggedElsewhere(this.pool, this.tillId);
    this.lastReachable = flagged !== 'unreachable';
    return flagged;
  }
}
