import type { Centimes } from '../../../shared/money';
import { dzdToCentimes } from '../../../shared/money';
import { objectIdFactory } from '../../random';
import type { SimInternetTopup, SimTopupStatus } from '../../types';
import { TopupBook, type TopupLineDeps, type TopupRecordBase } from '../topup-book';
import { generatedRef } from '../topup-kit';
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

export type InternetSendResult =
  | { ok: true; topup: InternetTopupRecord }
  | { ok: false; code: 'OUT_OF_STOCK' }
  | { ok: false; code: 'INSUFFICIENT_BALANCE'; requiredC: Centimes; availableC: Centimes };

const FINAL: ReadonlySet<InternetStatus> = new Set(['FULFILLED', 'REFUNDED']);

/**
 * The internet line's provider-side state: its products (available or not) and its top-ups, which
 * settle lazily: HANDLING for the current `handlingMs`, then the outcome the number decided at send.
 */
export class InternetTopupStore {
  readonly book = new TopupBook<InternetTopupRecord>();
  private readonly products = initialProducts();
  private readonly newId: () => string;
  private readonly cards: InternetCardIssuer;

  constructor(private readonly deps: TopupLineDeps) {
    this.newId = objectIdFactory(deps.rng, deps.now);
    this.cards = new InternetCardIssuer(deps.rng);
    deps.state.addSettler(() => this.settleDue());
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

  settle(): void {
    this.deps.state.settle();
  }

  /** Number already judged: checks the stock, debits the product's cost, records the top-up. */
  send(input: { key: string; username: string; type: InternetType; number: string; value: number; ref: string | null }): InternetSendResult {
    const { state, now, rng } = this.deps;
    this.settle();
    const product = this.product(input.type, input.value);
    if (!product?.available) return { ok: false, code: 'OUT_OF_STOCK' };
    const debitC = dzdToCentimes(product.cost);
    const nowMs = now().getTime();
    const id = this.newId();
    const debited = state.debit('ADSL', id, debitC, `${input.type} ${input.value}`);
    if (!debited.ok) return { ok: false, code: 'INSUFFICIENT_BALANCE', requiredC: debited.requiredC, availableC: debited.availableC };
    const topupRef = rewritesRef(input.number) ? `API-${input.username}-test-internet-${nowMs}` : (input.ref ?? generatedRef(input.username, nowMs, rng));
    const topup: InternetTopupRecord = {
      id,
      seq: this.deps.nextSeq(),
      key: input.key,
      sentRef: input.ref,
      topupRef,
      number: input.number,
      createdAtMs: nowMs,
      debitC,
      type: input.type,
      value: input.value,
      outcome: outcomeFor(input.number),
      prepared: { code: this.cards.code(), transDigits: this.cards.transactionDigits() },
      status: 'HANDLING',
      sinceMs: nowMs,
    };
    this.book.add(topup);
    this.settleOne(topup, nowMs);
    return { ok: true, topup };
  }

  /** The control's resolution of a top-up that is not final; false if it already is. */
  resolve(topup: InternetTopupRecord, status: 'FULFILLED' | 'REFUNDED'): boolean {
    this.settle();
    if (FINAL.has(topup.status)) return false;
    const nowMs = this.deps.now().getTime();
    if (status === 'FULFILLED') this.fulfil(topup, nowMs);
    else this.refund(topup, nowMs);
    return true;
  }

  private settleDue(): void {
    const nowMs = this.deps.now().getTime();
    for (const topup of this.book.all()) if (!FINAL.has(topup.status)) this.settleOne(topup, nowMs);
  }

  private settleOne(t: InternetTopupRecord, nowMs: number): void {
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

  private fulfil(t: InternetTopupRecord, atMs: number): void {
    const at = new Date(atMs);
    t.status = 'FULFILLED';
    t.sinceMs = atMs;
    t.card = {
      card_code: t.prepared.code,
      num_trans: `AT-${at.getUTCFullYear()}-${t.prepared.transDigits}`,
      date_traitement: at.toISOString(),
    };
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
