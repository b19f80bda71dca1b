import type { ConnectionState, SaleState } from '../../../shared/domain';
import type { OneClickDzClient } from '../provider/client';
import { ApiError, isApiError } from '../provider/errors';
import type { Ledger, SaleRow } from '../ledger/ledger';
import type { Logger } from '../platform/ports';
import { Lane } from '../platform/lane';
import type { LineOrder, SentSale } from '../product-lines/product-line';
import type { ProductLines } from '../product-lines/registry';
import { OrderPoller } from './order-poller';
import type { SaleMoves } from './sale-moves';
import { backoffMs } from '../provider/backoff';
import type { SaleTiming } from './timing';
import { costOfAmount } from '../../../shared/top-up-price';
import { sentAmountC } from './top-up-facts';
import { ordersAwaitingReview } from './review-candidates';
import { singleTillGuard, type SenderGuard } from './sender-guard';

export interface EngineDeps {
  ledger: Ledger;
  /** The product lines: how each sale's order is placed, read and recovered (product-line.ts). */
  lines: ProductLines;
  /** The client for the current key, or null when none can be used. */
  client: () => OneClickDzClient | null;
  now: () => number;
  random: () => number;
  timing: SaleTiming;
  logger: Logger;
  /** Every state change goes through here (sale-moves.ts): guarded, committed, then announced. */
  moves: SaleMoves;
  onConnection: (state: ConnectionState) => void;
  onFinal: (row: SaleRow) => void;
  /**
   * The provider's current cost and stock of a denomination (a recent check is reused), asked
   * before a queued sale is sent; null when the denomination is no longer offered.
   */
  currentType?: (productId: string, typeId: string, line: string) => Promise<CurrentType | null>;
  /**
   * The shop's rules when tills share a key (sender-guard.ts): one sender per key while an outcome
   * is unknown, one owner per provider order. Absent: a till alone, exactly as before (SQLite only).
   */
  guard?: SenderGuard;
}

/** A denomination's cost and stock now; a top-up plan whose amount varies gives its cost rate, a switched-off plan says so. */
export interface CurrentType {
  costC: number;
  stock: number;
  costPpm?: number | null;
  enabled?: boolean;
}

/** Marks a sale the owner chose to send although its cost rose above its price. */
export const COST_ACCEPTED = 'COST_ACCEPTED';

/**
 * Drives sales after confirmation (design §4). Two lanes: the sender (single-flight: reconciles an
 * unknown sale before anything else is sent, then sends queued sales in order) and the poller
 * (checks placed orders until they are final). Every state change is committed to the ledger
 * before the action that follows it.
 */
export class SaleEngine {
  private readonly sender: Lane;
  private readonly poller: Lane;
  /** The poller lane's work: reading placed orders until they settle (order-poller.ts). */
  private readonly orders: OrderPoller;
  private connection: ConnectionState = 'unknown';
  private probeAttempt = 0;
  private nextProbeAt = 0;
  private readonly guard: SenderGuard;
  /** Answered orders whose claim could not be made (shared ledger unreachable): claimed again first. */
  private readonly pendingClaims = new Map<number, { orderId: string; line: string }>();

  constructor(private readonly d: EngineDeps) {
    this.guard = d.guard ?? singleTillGuard(d.ledger);
    const onError = (e: unknown) => d.logger.error('sale engine step failed', { error: e instanceof Error ? e.name : 'unknown' });
    this.sender = new Lane(() => this.senderStep(), onError, d.timing.idleMs);
    this.orders = new OrderPoller({ ...d, noteReachable: (r) => this.noteReachable(r), authFailed: () => this.setConnection('auth_failed') });
    this.poller = new Lane(() => this.orders.step(), onError, d.timing.idleMs);
  }

  /** After a restart, a sale caught SENDING may or may not have reached the provider. */
  recover(): void {
    for (const row of this.d.ledger.byStates(['SENDING'])) {
      this.move(row, ['SENDING'], 'UNKNOWN', { reconcile_started_at: this.d.now(), next_attempt_at: 0 }, 'restart-while-sending');
    }
  }

  start(): void {
    this.sender.kick();
    this.poller.kick();
  }

  kick(): void {
    this.start();
  }

  get connectionState(): ConnectionState {
    return this.connection;
  }

  /** Called when another path (a read by the UI) shows the provider reachable or not. */
  noteReachable(reachable: boolean): void {
    if (reachable && this.connection !== 'online') {
      this.setConnection('online');
      this.sender.kick();
    } else if (!reachable && this.connection === 'online') {
      this.setConnection('offline');
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.sender.close(), this.poller.close()]);
    // The key goes back to the other tills; a sale left unknown is reconciled by whoever sends next
    // with it, or by this till once it opens again.
    await this.guard.release();
  }

  // ---- sender lane -------------------------------------------------------------------------

  /**
   * Every step ends by giving the key back once no outcome of this till is unknown, a step with
   * nothing to send too: a mark the shared server could not remove at the last release (the server
   * busy or away for a moment) is removed at the next step, instead of standing, and holding every
   * other till of the shop back, until this till happens to sell again.
   */
  private async senderStep(): Promise<number> {
    // A step runs alone, so a sale SENDING as one begins was left by a step that threw after moving
    // it (the send may have gone): its outcome is unknown, as after a restart. Left SENDING, it
    // would keep the key from every other till for as long as this one runs.
    for (const row of this.d.ledger.byStates(['SENDING'])) {
      this.move(row, ['SENDING'], 'UNKNOWN', { reconcile_started_at: this.d.now(), next_attempt_at: 0 }, 'send-interrupted');
    }
    try {
      return await this.senderWork();
    } finally {
      // A step that threw gives the key back too, when it may.
      await this.releaseWhenSettled(0);
    }
  }

  private async senderWork(): Promise<number> {
    const client = this.d.client();
    if (!client) return this.d.timing.idleMs;
    if (client.haltedBy) {
      this.setConnection('auth_failed');
      return this.d.timing.idleMs;
    }
    this.expireQueued();
    await this.claimPending();
    const unknown = this.d.ledger.byStates(['UNKNOWN'], 1)[0];
    if (unknown) return this.reconcileStep(client, unknown);
    if (this.connection === 'offline') {
      const wait = this.nextProbeAt - this.d.now();
      if (wait > 0) return wait;
      if (!(await this.probe(client))) return Math.max(1, this.nextProbeAt - this.d.now());
    }
    const head = this.d.ledger.byStates(['QUEUED'], 1)[0];
    if (!head) return this.d.timing.idleMs;
    const wait = head.next_attempt_at - this.d.now();
    if (wait > 0) return wait;
    return this.sendStep(client, head);
  }

  /**
   * The key is kept while any sale of this till is unknown or sending: one sender per key while an
   * outcome is unknown is what keeps the provider's order list unambiguous for the recovery, across
   * tills. Once every outcome is known, the other tills may send.
   */
  private async releaseWhenSettled(wait: number): Promise<number> {
    if (this.d.ledger.countByStates(['UNKNOWN', 'SENDING']) === 0) await this.guard.release();
    return wait;
  }

  /**
   * Makes an answered order this sale's in the shared ledger. An answer to our own placeOrder is ours
   * by construction, also when the lock was lost during the send (the provider's answer still stands;
   * what the loss costs is only that another till may have sent meanwhile, which its own claims and
   * the ownership check of every recovery keep apart). 'other' cannot happen unless something is badly
   * wrong (a pushed claim naming the wrong sale): the owner sees it on the sale; the sale stays placed.
   * 'unreachable': claimed again at the next steps (and pushed by the ledger pusher in any case).
   */
  private async claimAnswered(row: SaleRow, orderId: string): Promise<void> {
    if (this.guard.lost) this.d.logger.warn('sender lock lost while sending; the answer stands', { saleId: row.id });
    let claimed: 'ours' | 'other' | 'unreachable';
    try {
      claimed = await this.guard.claim(orderId, row.id, row.line);
    } catch (e) {
      this.d.logger.error('claiming an answered order failed', { saleId: row.id, error: e instanceof Error ? e.name : 'unknown' });
      claimed = 'unreachable';
    }
    if (claimed === 'ours') return;
    if (claimed === 'other') {
      this.d.logger.error('an answered order is owned by another sale', { saleId: row.id });
      this.d.ledger.addEvent(row.id, 'claim-conflict', orderId);
      return;
    }
    this.pendingClaims.set(row.id, { orderId, line: row.line });
    this.d.ledger.addEvent(row.id, 'claim-pending', orderId);
  }

  /** Claims of answered orders the shared ledger could not take earlier: before anything else, so other tills see them soon. */
  private async claimPending(): Promise<void> {
    for (const [saleId, { orderId, line }] of this.pendingClaims) {
      const claimed = await this.guard.claim(orderId, saleId, line).catch(() => 'unreachable' as const);
      if (claimed === 'unreachable') return;
      this.pendingClaims.delete(saleId);
      if (claimed === 'other') {
        this.d.logger.error('an answered order is owned by another sale', { saleId });
        this.d.ledger.addEvent(saleId, 'claim-conflict', orderId);
      }
    }
  }

  private async probe(client: OneClickDzClient): Promise<boolean> {
    try {
      await client.ping();
      this.probeAttempt = 0;
      this.setConnection('online');
      return true;
    } catch (e) {
      if (isApiError(e) && e.kind === 'auth') this.setConnection('auth_failed');
      this.scheduleProbe();
      return false;
    }
  }

  private scheduleProbe(): void {
    const t = this.d.timing;
    this.nextProbeAt = this.d.now() + backoffMs(this.probeAttempt++, t.probeMinMs, t.probeMaxMs, this.d.random);
  }

  private async sendStep(client: OneClickDzClient, head: SaleRow): Promise<number> {
    // A queued sale of a line this till does not sell (a ledger restored from a till that had it)
    // was never sent: it ends refused, with the refund, instead of stopping the queue behind it.
    if (!this.d.lines.has(head.line)) {
      const reason = 'This till does not sell this kind of product';
      this.rejectQueued(head, 'PRODUCT_NOT_FOUND', reason);
      return 0;
    }
    const verdict = await this.stillWorthSending(head);
    if (verdict !== 'send') return verdict;
    // Nothing is lost while another till has the key: the sale stays queued, sales keep being confirmed.
    const turn = await this.guard.acquire(head.key_id);
    if (!turn.held) return turn.retryInMs;
    await client.waitTurn();
    const sending = this.move(head, ['QUEUED'], 'SENDING', { sent_at: this.d.now(), attempts: head.attempts + 1 }, 'sending');
    if (!sending) return 0;
    try {
      const { orderId, providerRef } = await this.d.lines.get(sending.line).placeOrder(client, sentSale(sending, this.d.now()), { turnTaken: true });
      this.setConnection('online');
      // Committed locally first (the till's journal), then claimed shop-wide, before the key is released.
      const placed = this.move(
        sending,
        ['SENDING'],
        'PLACED',
        { order_id: orderId, placed_at: this.d.now(), last_checked_at: null, provider_ref: providerRef ?? null },
        'placed',
        orderId,
      );
      this.poller.kick();
      if (placed) await this.claimAnswered(placed, orderId);
      return 0;
    } catch (e) {
      return this.afterSendFailure(sending, e);
    }
  }

  /**
   * A queued sale was priced when it was confirmed, maybe hours ago from the offline cache. Before
   * it is sent, the provider's cost and stock are checked (a check made moments ago at confirmation
   * is reused): out of stock ends it REJECTED (the cashier hands the money back); a cost above what
   * the customer paid holds it for the owner (AWAITING_OWNER) instead of selling at a loss.
   * Returns 'send', or how long the sender should wait.
   */
  private async stillWorthSending(row: SaleRow): Promise<'send' | number> {
    if (!this.d.currentType) return 'send';
    const now = this.d.now();
    let current: CurrentType | null;
    try {
      current = await this.d.currentType(row.product_id, row.type_id, row.line);
    } catch (e) {
      const err = isApiError(e) ? e : new ApiError('unknown', 'API_BAD_RESPONSE', 'unexpected failure while checking the price');
      switch (err.kind) {
        case 'unsent':
          this.setConnection('offline');
          this.scheduleProbe();
          return 0;
        case 'auth':
          this.setConnection('auth_failed');
          return this.d.timing.idleMs;
        case 'not_found':
          this.rejectQueued(row, 'PRODUCT_NOT_FOUND', err.message);
          return 0;
        default: {
          // Nothing was ordered: try again later.
          const wait = err.retryAfterMs ?? backoffMs(row.attempts, 1000, 60_000, this.d.random);
          this.d.ledger.touch(row.id, { next_attempt_at: now + wait, attempts: row.attempts + 1 });
          return 0;
        }
      }
    }
    if (!current) {
      this.rejectQueued(row, 'TYPE_NOT_FOUND', 'This denomination is no longer offered');
      return 0;
    }
    if (current.enabled === false) {
      this.rejectQueued(row, 'PLAN_DISABLED', 'The provider switched this plan off for now');
      return 0;
    }
    // A plan whose amount the customer chose costs a share of that amount.
    const amountC = sentAmountC(row);
    if (current.costPpm !== undefined && amountC > 0) current = { ...current, costC: costOfAmount(amountC, current.costPpm) };
    if (current.stock < row.quantity) {
      this.rejectQueued(row, 'OUT_OF_STOCK', `Only ${current.stock} in stock at the provider`);
      return 0;
    }
    // Once the owner accepted a higher cost, only a further rise holds the sale again.
    const ceiling = row.reason_code === COST_ACCEPTED ? Math.max(row.unit_retail_c, row.unit_cost_c) : row.unit_retail_c;
    if (current.costC > ceiling) {
      this.move(
        row,
        ['QUEUED'],
        'AWAITING_OWNER',
        {
          unit_cost_c: current.costC,
          reason_code: 'COST_ROSE',
          reason_message: `Provider cost ${current.costC} is above the price paid ${row.unit_retail_c} (centimes per card)`,
        },
        'cost-rose',
        `${row.unit_cost_c}->${current.costC}`,
      );
      return 0;
    }
    if (current.costC !== row.unit_cost_c) {
      // The shop pays the provider's cost of the day: reports show the margin really made.
      this.d.ledger.touch(row.id, { unit_cost_c: current.costC });
      this.d.ledger.addEvent(row.id, 'cost-changed', `${row.unit_cost_c}->${current.costC}`);
    }
    return 'send';
  }

  /** A queued sale that will not be sent (nothing was ordered): refused, with its refund. */
  private rejectQueued(row: SaleRow, code: string, message: string): void {
    this.move(row, ['QUEUED'], 'REJECTED', { reason_code: code, reason_message: message, finished_at: this.d.now() }, 'rejected', code);
  }

  private afterSendFailure(row: SaleRow, e: unknown): number {
    const now = this.d.now();
    const err = isApiError(e) ? e : new ApiError('unknown', 'API_OUTCOME_UNKNOWN', 'unexpected failure while sending');
    switch (err.kind) {
      case 'unsent':
        this.move(row, ['SENDING'], 'QUEUED', { next_attempt_at: 0 }, 'not-sent', err.message);
        this.setConnection('offline');
        this.scheduleProbe();
        return 0;
      case 'rate_limited': {
        const wait = err.retryAfterMs ?? backoffMs(row.attempts, 1000, 60_000, this.d.random);
        this.move(row, ['SENDING'], 'QUEUED', { next_attempt_at: now + wait }, 'rate-limited', `retry in ${Math.ceil(wait / 1000)} s`);
        return 0;
      }
      case 'auth':
        // The provider checks the key before anything else, so the order was not created.
        this.move(row, ['SENDING'], 'QUEUED', { next_attempt_at: 0 }, 'not-sent', err.code);
        this.setConnection('auth_failed');
        return this.d.timing.idleMs;
      case 'rejected':
      case 'not_found':
        this.move(row, ['SENDING'], 'REJECTED', { reason_code: err.code, reason_message: err.message, finished_at: now }, 'rejected', err.code);
        return 0;
      default:
        this.move(row, ['SENDING'], 'UNKNOWN', { reconcile_started_at: now, next_attempt_at: 0 }, 'outcome-unknown', err.code);
        return 0;
    }
  }

  private async reconcileStep(client: OneClickDzClient, row: SaleRow): Promise<number> {
    const t = this.d.timing;
    const now = this.d.now();
    if (row.next_attempt_at > now) return row.next_attempt_at - now;
    const wait = () => {
      this.d.ledger.touch(row.id, { next_attempt_at: now + t.reconcileEveryMs });
      return t.reconcileEveryMs;
    };
    // Only the key's one sender reads the provider's list for a lost answer: it is kept until resolved.
    const turn = await this.guard.acquire(row.key_id);
    if (!turn.held) return turn.retryInMs;
    const sentAt = row.sent_at ?? row.created_at;
    const window = { beforeMs: t.reconcileBeforeMs, afterMs: t.reconcileAfterMs };
    const search = { from: sentAt - t.reconcileBeforeMs, to: Math.max(now, sentAt) + t.reconcileAfterMs, ...window };
    let matches: LineOrder[];
    try {
      matches = await this.d.lines.get(row.line).recover(client, sentSale(row, sentAt), search, (id) => this.d.ledger.isKnownOrderId(id));
      this.setConnection('online');
    } catch (e) {
      if (isApiError(e) && e.kind === 'auth') {
        this.setConnection('auth_failed');
        return t.idleMs;
      }
      if (isApiError(e) && e.kind === 'unsent') this.setConnection('offline');
      return wait();
    }
    // The line chose with what this till knows; orders another sale of any till owns are not
    // candidates either. Every line's recover() filters per order (it never picks one of several
    // by isKnown), so dropping owned ones afterwards is the same as having known them.
    if (matches.length > 0) {
      const owned = await this.guard.owned(
        matches.map((m) => m.orderId),
        row.id,
      );
      if (owned === 'unreachable') return wait(); // never adopt an order nobody could say is free
      matches = matches.filter((m) => !owned.has(m.orderId));
    }
    // An order a flagged sale (this till's or another's) waits to choose from may be that sale's
    // own: adopted here it would be taken from it. It makes this recovery ambiguous too, and the
    // owner decides both (never dropped: with the key's lock lost, it could be this sale's own).
    let flaggedOverlap = false;
    if (matches.length > 0) {
      const elsewhere = await this.guard.flaggedElsewhere();
      if (elsewhere === 'unreachable') return wait();
      const here = ordersAwaitingReview(this.d.ledger).orders;
      flaggedOverlap = matches.some((m) => here.has(m.orderId) || elsewhere.orders.has(m.orderId));
    }
    if (matches.length === 1 && !flaggedOverlap) {
      const found = matches[0] as LineOrder;
      const orderId = found.orderId;
      // Claimed before adopted: another till adopting the same order at once gets 'other' and waits.
      const claimed = await this.guard.claim(orderId, row.id, row.line);
      if (claimed !== 'ours') return wait(); // 'other': no longer a candidate next time; 'unreachable': wait
      this.move(
        row,
        ['UNKNOWN'],
        'PLACED',
        { order_id: orderId, placed_at: now, last_checked_at: null, reconcile_started_at: null, provider_ref: found.providerRef ?? row.provider_ref },
        'reconciled-found',
        orderId,
      );
      this.poller.kick();
      return 0;
    }
    if (matches.length > 1 || flaggedOverlap) {
      const ids = matches.map((m) => m.orderId);
      this.move(
        row,
        ['UNKNOWN'],
        'NEEDS_REVIEW',
        {
          candidates: JSON.stringify(ids),
          reason_code: 'AMBIGUOUS',
          reason_message: flaggedOverlap ? `${ids.length} matching order(s), one also a flagged sale's` : `${ids.length} matching orders at the provider`,
        },
        'reconciled-ambiguous',
        ids.join(','),
      );
      return 0;
    }
    const started = row.reconcile_started_at ?? now;
    // "Not created" is concluded only while the shared ledger answers (it decided what was owned).
    if (now - started >= t.reconcileGraceMs && this.guard.reachable) {
      this.move(row, ['UNKNOWN'], 'QUEUED', { next_attempt_at: 0, reconcile_started_at: null }, 'reconciled-not-created');
      return 0;
    }
    this.d.ledger.touch(row.id, { next_attempt_at: now + t.reconcileEveryMs, reconcile_started_at: started });
    return t.reconcileEveryMs;
  }

  /** Runs before every send, so it asks only for the expired rows rather than reading the whole queue. */
  private expireQueued(): void {
    const expired = this.d.ledger.select<SaleRow>("SELECT * FROM sales WHERE state = 'QUEUED' AND expires_at IS NOT NULL AND expires_at <= @now ORDER BY id", {
      now: this.d.now(),
    });
    for (const row of expired) this.move(row, ['QUEUED'], 'EXPIRED', {}, 'expired');
  }

  // ---- helpers -----------------------------------------------------------------------------

  private move(
    row: SaleRow,
    from: readonly SaleState[],
    to: SaleState,
    patch: Parameters<Ledger['transition']>[3],
    event: string,
    detail?: string,
    cards?: { value: string; serial: string }[],
  ): SaleRow | null {
    return this.d.moves.tryMove(row, from, to, patch, event, detail, cards);
  }

  private setConnection(state: ConnectionState): void {
    if (state === this.connection) return;
    this.connection = state;
    if (state === 'online') this.probeAttempt = 0;
    this.d.onConnection(state);
  }
}

/** A ledger row as its product line sees it. */
export function sentSale(row: SaleRow, sentAt: number): SentSale {
  return {
    saleId: row.id,
    ref: row.client_ref,
    providerRef: row.provider_ref,
    productId: row.product_id,
    typeId: row.type_id,
    quantity: row.quantity,
    sentAt,
    entry: row.entry === null ? null : (JSON.parse(row.entry) as Record<string, unknown>),
  };
}
