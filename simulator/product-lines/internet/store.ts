import { dzdToCentimes } from '../../../shared/money';
import type { SimInternetTopup, SimTopupStatus } from '../../types';
import { TopupStore, type InsufficientBalance, type TopupLineDeps, type TopupRecordBase } from '../topup-book';
import { InternetCardIssuer } from './card-codes';
import { initialProducts, type InternetProduct, type InternetType } from './products';
import { outcomeFor, rewritesRef, type InternetOutcome } from './scenarios';

export type InternetStatus = Extract<SimTopupStatus, 'HANDLING' | 'FULFILLED' | 'QUEUED' | 'REFUNDED'>;

export interface InternetCard {
  card_code: string;
  num_trans: string;
  date_traitement: string;
}

export interface InternetTopupRecord extends TopupRecordBase {
  readonly type: InternetType;
  readonly value: number;
  readonly outcome: InternetOutcome;
  /**
   * Drawn at send, not at delivery, so that with a seed the codes depend only on the sequence of
   * sends and not on when somebody happened to poll (as gift-card codes).
   */
  readonly prepared: { code: string; transDigits: string };
  status: InternetStatus;
  /** When the current status began (QUEUED resolves this long after). */
  sinceMs: number;
  card?: InternetCard;
}

export type InternetSendResult = { ok: true; topup: InternetTopupRecord } | { ok: false; code: 'OUT_OF_STOCK' } | InsufficientBalance;

/**
 * The internet line's provider-side state: its products (available or not) and its top-ups, which
 * settle lazily: HANDLING for the current `handlingMs`, then the outcome the number decided at send.
 */
export class InternetTopupStore extends TopupStore<InternetTopupRecord> {
  private readonly products = initialProducts();
  private readonly cards: InternetCardIssuer;

  constructor(deps: TopupLineDeps) {
    super(deps);
    this.cards = new InternetCardIssuer(deps.rng);
  }

  productsOf(type: InternetType): readonly InternetProduct[] {
    return this.products[type];
  }

  product(type: InternetType, value: number): InternetProduct | undefined {
    return this.products[type].find((p) => p.value === value);
  }

  setAvailable(type: InternetType, value: number, available: boolean): boolean {
    const product = this.product(type, value);
    if (!product) return false;
    product.available = available;
    return true;
  }

  /** Number already judged: checks the stock, debits the product's cost, records the top-up. */
  send(input: { key: string; username: string; type: InternetType; number: string; value: number; ref: string | null }): InternetSendResult {
    this.settle();
    const product = this.product(input.type, input.value);
    if (!product?.available) return { ok: false, code: 'OUT_OF_STOCK' };
    const charge = { type: 'ADSL' as const, debitC: dzdToCentimes(product.cost), note: `${input.type} ${input.value}` };
    const rewrittenRef = rewritesRef(input.number) ? (nowMs: number) => `API-${input.username}-test-internet-${nowMs}` : null;
    return this.debitAndRecord(input, charge, rewrittenRef, (base, nowMs) => ({
      ...base,
      type: input.type,
      value: input.value,
      outcome: outcomeFor(input.number),
      prepared: { code: this.cards.code(), transDigits: this.cards.transactionDigits() },
      status: 'HANDLING',
      sinceMs: nowMs,
    }));
  }

  protected settleOne(t: InternetTopupRecord, nowMs: number): void {
    if (t.status === 'HANDLING') {
      // The current handlingMs applies, so a test parks top-ups by raising it (as for orders).
      const dueMs = t.createdAtMs + this.deps.state.handlingMs;
      if (nowMs < dueMs) return;
      switch (t.outcome) {
        case 'fulfil':
          this.fulfil(t, dueMs);
          return;
        case 'refund':
          this.refund(t, dueMs);
          return;
        case 'queue':
          t.status = 'QUEUED';
          t.sinceMs = dueMs;
          break;
      }
    }
    if (t.status === 'QUEUED') {
      const deliveredMs = t.sinceMs + this.deps.timing.queuedResolveMs;
      if (nowMs >= deliveredMs) this.fulfil(t, deliveredMs);
    }
  }

  protected fulfil(t: InternetTopupRecord, atMs: number): void {
    const at = new Date(atMs);
    t.status = 'FULFILLED';
    t.sinceMs = atMs;
    t.card = {
      card_code: t.prepared.code,
      num_trans: `AT-${at.getUTCFullYear()}-${t.prepared.transDigits}`,
      date_traitement: at.toISOString(),
    };
  }

  protected refundByControl(t: InternetTopupRecord, atMs: number): void {
    this.refund(t, atMs);
  }

  private refund(t: InternetTopupRecord, atMs: number): void {
    t.status = 'REFUNDED';
    t.sinceMs = atMs;
    this.deps.state.credit('REFUND-ADSL', t.id, t.debitC, `Refund ${t.type} ${t.value}`, atMs);
  }
}

/** The control's view of an internet top-up. */
export function simInternetTopup(t: InternetTopupRecord): SimInternetTopup {
  return {
    line: 'internet',
    id: t.id,
    ref: t.sentRef,
    topupRef: t.topupRef,
    number: t.number,
    type: t.type,
    value: t.value,
    status: t.status,
    createdAt: new Date(t.createdAtMs).toISOString(),
    key: t.key,
    debited: t.debitC / 100,
    ...(t.card === undefined ? {} : { cardCode: t.card.card_code }),
  };
}
