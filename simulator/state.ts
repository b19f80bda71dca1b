import type { Centimes } from '../shared/money';
import { CardIssuer } from './cards';
import type { SimCatalog, SimProduct } from './catalog';
import { TEST_TYPE_PARTIAL, TEST_TYPE_REFUND } from './constants';
import { objectIdFactory, type Rng } from './random';
import type { SimCard, SimOrderStatus } from './types';

/** What the order will turn into once HANDLING is over; decided at placement. */
type Outcome = 'fulfil' | 'partial' | 'refund';

export interface OrderRecord {
  readonly id: string;
  readonly key: string;
  readonly productId: string;
  readonly typeId: string;
  readonly quantity: number;
  readonly priceC: Centimes;
  readonly createdAtMs: number;
  readonly outcome: Outcome;
  /**
   * Cards are drawn at placement, not at settlement, so that with a seed the codes depend only on
   * the sequence of orders and not on when somebody happened to poll.
   */
  readonly prepared: readonly SimCard[];
  status: SimOrderStatus;
  delivered: SimCard[];
}

/** The ledger's movement types: gift-card orders, mobile top-ups (FLEXY) and internet top-ups (ADSL, 4G too). */
export type DebitType = 'ORDER' | 'FLEXY' | 'ADSL';
export type CreditType = 'REFUND-ORDER' | 'REFUND-FLEXY' | 'REFUND-ADSL';

export interface TransactionRecord {
  readonly id: string;
  readonly type: DebitType | CreditType;
  readonly operation: 'DEBIT' | 'CREDIT';
  /** Always positive; oldBalance/newBalance show the direction. */
  readonly amountC: Centimes;
  readonly oldBalanceC: Centimes;
  readonly newBalanceC: Centimes;
  readonly objid: string;
  readonly note: string;
  readonly timeMs: number;
}

export type PlaceOrderFailure =
  | { code: 'PRODUCT_NOT_FOUND' }
  | { code: 'TYPE_NOT_FOUND' }
  | { code: 'OUT_OF_STOCK'; available: number }
  | { code: 'INSUFFICIENT_BALANCE'; requiredC: Centimes; availableC: Centimes };

export type PlaceOrderResult = { ok: true; order: OrderRecord } | { ok: false; failure: PlaceOrderFailure };

export type DebitResult = { ok: true } | { ok: false; requiredC: Centimes; availableC: Centimes };

export interface StateOptions {
  balanceC: Centimes;
  handlingMs: number;
  now: () => Date;
  rng: Rng;
}

function stockKey(productId: string, typeId: string): string {
  return `${productId}:${typeId}`;
}

/**
 * The provider's account as the simulator sees it: one balance shared by every key, stock per
 * denomination, orders and the ledger. Every method is synchronous, so each request is atomic.
 *
 * Orders settle lazily: whoever reads state first calls `settle()`, which finalises every order whose
 * HANDLING time is over. No timers, so nothing leaks when the server closes, and a fake clock works.
 */
export class SimState {
  handlingMs: number;
  private balanceC: Centimes;
  private readonly stock = new Map<string, number>();
  private readonly orderList: OrderRecord[] = [];
  private readonly orderById = new Map<string, OrderRecord>();
  private readonly ledger: TransactionRecord[] = [];
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly cards: CardIssuer;
  /** Other product lines' lazy settlement (top-ups), run after the orders' by every `settle()`. */
  private readonly settlers: (() => void)[] = [];
  private settling = false;

  constructor(
    readonly catalog: SimCatalog,
    opts: StateOptions,
  ) {
    this.balanceC = opts.balanceC;
    this.handlingMs = opts.handlingMs;
    this.now = opts.now;
    this.newId = objectIdFactory(opts.rng, opts.now);
    this.cards = new CardIssuer(opts.rng);
    for (const product of catalog.products.values()) {
      for (const t of product.types) this.stock.set(stockKey(product.id, t.id), t.initialStock);
    }
  }

  getBalanceC(): Centimes {
    this.settle();
    return this.balanceC;
  }

  setBalanceC(c: Centimes): void {
    this.settle();
    this.balanceC = c;
  }

  product(productId: string): SimProduct | undefined {
    return this.catalog.products.get(productId);
  }

  /** Raw stock; a disabled product still has stock, it just cannot be sold (see `sellableStock`). */
  stockOf(productId: string, typeId: string): number {
    return this.stock.get(stockKey(productId, typeId)) ?? 0;
  }

  sellableStock(product: SimProduct, typeId: string): number {
    return product.enabled ? this.stockOf(product.id, typeId) : 0;
  }

  setStock(productId: string, typeId: string, qty: number): void {
    const key = stockKey(productId, typeId);
    if (!this.stock.has(key)) throw new Error('unknown product or type');
    this.stock.set(key, qty);
  }

  /** The provider changes its wholesale price: orders placed from now on are charged the new one. */
  setPrice(productId: string, typeId: string, priceC: Centimes): void {
    const type = this.catalog.products.get(productId)?.types.find((t) => t.id === typeId);
    if (!type) throw new Error('unknown product or type');
    type.priceC = priceC;
  }

  placeOrder(key: string, input: { productId: string; typeId: string; quantity: number }): PlaceOrderResult {
    this.settle();
    const product = this.catalog.products.get(input.productId);
    if (!product) return { ok: false, failure: { code: 'PRODUCT_NOT_FOUND' } };

    const isTest = input.typeId === TEST_TYPE_REFUND || input.typeId === TEST_TYPE_PARTIAL;
    const type = isTest ? product.types[0] : product.types.find((t) => t.id === input.typeId);
    if (!type) return { ok: false, failure: { code: 'TYPE_NOT_FOUND' } };

    // Sandbox magic types have no stock of their own; they exist to exercise refunds.
    if (!isTest) {
      const available = this.sellableStock(product, type.id);
      if (available < input.quantity) return { ok: false, failure: { code: 'OUT_OF_STOCK', available } };
    }
    const totalC = type.priceC * input.quantity;
    if (totalC > this.balanceC) {
      return { ok: false, failure: { code: 'INSUFFICIENT_BALANCE', requiredC: totalC, availableC: this.balanceC } };
    }

    const outcome: Outcome = input.typeId === TEST_TYPE_REFUND ? 'refund' : input.typeId === TEST_TYPE_PARTIAL ? 'partial' : 'fulfil';
    const deliverable = outcome === 'fulfil' ? input.quantity : outcome === 'partial' ? Math.floor(input.quantity / 2) : 0;
    const nowMs = this.now().getTime();
    const order: OrderRecord = {
      id: this.newId(),
      key,
      productId: product.id,
      typeId: input.typeId,
      quantity: input.quantity,
      priceC: type.priceC,
      createdAtMs: nowMs,
      outcome,
      prepared: this.cards.issue(deliverable),
      status: 'HANDLING',
      delivered: [],
    };
    if (!isTest) this.stock.set(stockKey(product.id, type.id), this.stockOf(product.id, type.id) - input.quantity);
    this.orderList.push(order);
    this.orderById.set(order.id, order);
    this.record('ORDER', order.id, totalC, nowMs, `${type.name} x${input.quantity}`);
    return { ok: true, order };
  }

  /**
   * A product line that keeps its own records but shares this balance registers how it settles, so
   * that reading the balance or the ledger first finalises its due top-ups (and credits their refunds).
   */
  addSettler(settle: () => void): void {
    this.settlers.push(settle);
  }

  /** Finalises every order (and, through the settlers, every top-up) whose time is over, crediting refunds. */
  settle(): void {
    // A settler reads its line's records through methods that settle first: no recursion.
    if (this.settling) return;
    this.settling = true;
    try {
      this.settleOrders();
      for (const settle of this.settlers) settle();
    } finally {
      this.settling = false;
    }
  }

  /**
   * Takes `amountC` from the balance for another product line's object (a top-up), or says why not.
   * The caller settles first, as `placeOrder` does, so that a due refund is counted.
   */
  debit(type: DebitType, objid: string, amountC: Centimes, note: string): DebitResult {
    if (amountC > this.balanceC) return { ok: false, requiredC: amountC, availableC: this.balanceC };
    this.record(type, objid, amountC, this.now().getTime(), note);
    return { ok: true };
  }

  /**
   * Gives `amountC` back (a refunded top-up), dated when it fell due; never before the ledger's last
   * row, so that the ledger stays in time order whichever line settles first.
   */
  credit(type: CreditType, objid: string, amountC: Centimes, note: string, dueMs: number): void {
    const lastMs = this.ledger.at(-1)?.timeMs ?? dueMs;
    this.record(type, objid, amountC, Math.max(dueMs, lastMs), note);
  }

  private settleOrders(): void {
    const nowMs = this.now().getTime();
    for (const order of this.orderList) {
      if (order.status !== 'HANDLING') continue;
      // The current handlingMs applies to orders still pending, so a test can park orders in
      // HANDLING with a large value and release them later by lowering it.
      const dueMs = order.createdAtMs + this.handlingMs;
      if (dueMs > nowMs) continue;
      order.delivered = [...order.prepared];
      const undelivered = order.quantity - order.delivered.length;
      order.status = undelivered === 0 ? 'FULFILLED' : order.delivered.length === 0 ? 'REFUNDED' : 'PARTIALLY_FILLED';
      if (undelivered > 0) {
        const lastMs = this.ledger.at(-1)?.timeMs ?? dueMs;
        this.record('REFUND-ORDER', order.id, order.priceC * undelivered, Math.max(dueMs, lastMs), `Refund x${undelivered}`);
      }
    }
  }

  orders(): readonly OrderRecord[] {
    this.settle();
    return this.orderList;
  }

  order(id: string): OrderRecord | undefined {
    this.settle();
    return this.orderById.get(id);
  }

  transactions(): readonly TransactionRecord[] {
    this.settle();
    return this.ledger;
  }

  private record(type: TransactionRecord['type'], objid: string, amountC: Centimes, timeMs: number, note: string): void {
    const isCredit = type.startsWith('REFUND-');
    const oldBalanceC = this.balanceC;
    const newBalanceC = isCredit ? oldBalanceC + amountC : oldBalanceC - amountC;
    this.balanceC = newBalanceC;
    this.ledger.push({
      id: this.newId(),
      type,
      operation: isCredit ? 'CREDIT' : 'DEBIT',
      amountC,
      oldBalanceC,
      newBalanceC,
      objid,
      note,
      timeMs,
    });
  }
}
