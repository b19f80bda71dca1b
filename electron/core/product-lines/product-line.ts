import type { z } from 'zod';
import type { Centimes } from '../../../shared/money';
import type { Language, SaleState } from '../../../shared/domain';
import type { OneClickDzClient } from '../provider/client';

/**
 * What a product line (gift cards today; mobile top-ups and internet recharges next) tells the
 * till. The sale engine, the ledger, the reports and the receipts know a sale only as a row of the
 * ledger with a `line`; everything that differs between lines goes through this interface, found
 * in the registry create-core builds (registry.ts). One line never imports another.
 */
export interface ProductLine<Entry extends LineEntry = LineEntry> {
  /** Stored on every sale of the line (sales.line); never renamed once shipped. */
  readonly id: string;
  /**
   * Whether the customer receives codes (gift cards, internet cards) or the service itself
   * (a mobile top-up credits the line): a fulfilled order of the second kind delivers without codes.
   */
  readonly deliversCodes: boolean;
  /**
   * What the cashier enters for one sale of this line, checked before anything is written. Gift
   * cards: a product, a denomination (type) and a quantity; top-ups will add a phone number and an amount.
   */
  readonly entrySchema: z.ZodType<Entry>;
  /**
   * How the retail price is made: gift cards at the provider's cost plus the owner's markup;
   * top-ups at their face value plus the owner's fee (the customer pays what lands on the line).
   */
  readonly pricing: 'markup' | 'face';
  /**
   * A check with the provider before the sale is written, when the provider can be reached
   * (internet: check-number). Throws an AppError the cashier reads; returns what to show.
   */
  checkEntry?(api: OneClickDzClient, entry: Entry): Promise<void>;
  /** Where the catalogue comes from: the line's products, then one product's priced types. */
  catalog(api: OneClickDzClient): Promise<LineCatalog>;
  product(api: OneClickDzClient, productId: string): Promise<LineProduct>;
  /** Every product priced, when the provider gives them in one read (top-up plans); absent: product by product. */
  products?(api: OneClickDzClient): Promise<LineProduct[]>;
  /**
   * Places the order for a sale the ledger already holds (SENDING). Sent exactly once per call; an
   * error says whether the order certainly was not created (`unsent`) or may have been (`unknown`).
   */
  placeOrder(api: OneClickDzClient, sale: SentSale, opts: { turnTaken: boolean }): Promise<PlacedOrder>;
  /** How a placed order's status is read. */
  readOrder(api: OneClickDzClient, orderId: string): Promise<LineOrder>;
  /** The line's orders in a time window (polls in bulk, reconciliation of a day). */
  listOrders(api: OneClickDzClient, from: number, to: number, maxPages: number): Promise<LineOrder[]>;
  /**
   * How a lost answer is recovered: the provider orders that could be the one a lost placeOrder
   * created (gift cards: same product, type and quantity near the send time; top-ups: by ref).
   * More than one is ambiguous and goes to the owner; none, after the grace time, is "not created".
   */
  recover(api: OneClickDzClient, sale: SentSale, search: RecoverySearch, isKnown: (orderId: string) => boolean): Promise<LineOrder[]>;
  /** The account movements (account/transactions `type`) this line's orders and refunds appear as. */
  readonly accountMoves: { debit: readonly string[]; refund: readonly string[] };
  /** What the line's section of the customer's receipt prints (HTML, escaped by the line). */
  receiptSection(sale: ReceiptSale, t: ReceiptText): Promise<string>;
}

/** A line's catalogue: categories of products (the grid). */
export interface LineCatalog {
  categories: { title: string; products: { id: string; title: string; enabled: boolean; region: string | null }[] }[];
}

/** One product's types (denominations, plans) with the shop's cost and the provider's stock. */
export interface LineProduct {
  productId: string;
  title: string;
  types: LineType[];
}

export interface LineType {
  id: string;
  name: string;
  /** The shop's cost of one unit (a plan whose amount varies: of its smallest amount). */
  costC: Centimes;
  stock: number;
  /** Top-ups: the face value of a fixed plan or card. */
  faceC?: Centimes;
  /** Top-ups whose amount the customer chooses: its range and the cost rate (ppm of the face value; null: cost unknown, priced at face). */
  range?: { minC: Centimes; maxC: Centimes; costPpm: number | null };
  /** False: the provider switched the plan off for now. */
  enabled?: boolean;
  kind?: string;
}

/** What placing an order answers: the provider's id, and the ref it filed the order under (top-ups; may differ from ours). */
export interface PlacedOrder {
  orderId: string;
  providerRef?: string | null;
}

/** The line-neutral fields every entry has; a line adds its own (a phone number, an amount...). */
export interface LineEntry {
  productId: string;
  typeId: string;
  quantity: number;
}

/** A sale as the engine hands it to its line. */
export interface SentSale extends LineEntry {
  saleId: number;
  sentAt: number;
  /** The ref the till made for this sale before it was first sent (sent again unchanged on a resend). */
  ref: string | null;
  /** The ref the provider answered with, when an answer came (it may differ from ours). */
  providerRef: string | null;
  /** The line's own entry fields (sales.entry, JSON), null for a line that has none. */
  entry: Record<string, unknown> | null;
}

/** Where to look for a lost order: the window to read, and how far from the send time a match may be. */
export interface RecoverySearch {
  from: number;
  to: number;
  beforeMs: number;
  afterMs: number;
}

/**
 * The provider's statuses as the till reads them, whatever the line calls them. QUEUED: accepted
 * and scheduled for much later (internet cards, 12–48 h), not a failure. TO_VERIFY: the provider
 * does not know whether it went through (a top-up's UNKNOWN_ERROR); it settles later.
 */
export type LineOrderStatus = 'HANDLING' | 'QUEUED' | 'TO_VERIFY' | 'FULFILLED' | 'PARTIALLY_FILLED' | 'REFUNDED';

/** What the provider said beside a status: a message for the customer, offers that would fit, when it was processed. */
export interface ProviderNote {
  refundMessage?: string;
  suggestedOffers?: { name: string; planCode: string; amountC: Centimes }[];
  processedAt?: string;
}

/** An order at the provider, as the line reads it. */
export interface LineOrder {
  orderId: string;
  status: LineOrderStatus;
  quantity: number | null;
  deliveredQuantity: number;
  fulfilledAmountC: Centimes;
  pricePerUnitC: Centimes | null;
  /** What the customer receives (codes with their serials), stored encrypted in the ledger. */
  items: DeliveredItem[];
  productId: string | null;
  typeId: string | null;
  time: string | null;
  /** Top-ups: the ref the provider files it under, its own status word, and what it said. */
  providerRef?: string | null;
  providerStatus?: string | null;
  note?: ProviderNote | null;
  /** Top-ups: the number it went to and its face amount (how a lost answer is matched). */
  recipient?: string | null;
  amountC?: Centimes;
}

export interface DeliveredItem {
  value: string;
  serial: string;
}

/** What a receipt section may print: the sale and what was delivered. */
export interface ReceiptSale {
  state: SaleState;
  /** The number a top-up went to, the amount sent, the refs, the provider's status and note. */
  recipient: string | null;
  amountC: Centimes;
  clientRef: string | null;
  providerRef: string | null;
  providerStatus: string | null;
  note: ProviderNote | null;
  quantity: number;
  productTitle: string;
  typeName: string;
  items: DeliveredItem[];
  entry: Record<string, unknown> | null;
  showQrCodes: boolean;
}

/** The receipt's translator, formatter and escaper, so a line's section reads like the rest. */
export interface ReceiptText {
  lang: Language;
  t: (key: string, values?: Record<string, unknown>) => string;
  int: (n: number) => string;
  money: (centimes: number) => string;
  label: (text: string) => string;
  esc: (text: string) => string;
}
