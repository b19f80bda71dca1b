import { z } from 'zod';
import { amountSchema, markupBpSchema, MAX_QUANTITY } from './amounts';

/** Where the till's orders go: the built-in simulator, or the provider with a sandbox / production key. */
export const modeSchema = z.enum(['training', 'sandbox', 'production']);
export type Mode = z.infer<typeof modeSchema>;

export const languageSchema = z.enum(['fr', 'ar', 'en']);
export type Language = z.infer<typeof languageSchema>;

export const connectionStateSchema = z.enum(['online', 'offline', 'auth_failed', 'unknown']);
export type ConnectionState = z.infer<typeof connectionStateSchema>;

const centimes = z.number().int();
const isoTime = z.string();

export const accountSchema = z.object({
  username: z.string(),
  keyType: z.enum(['SANDBOX', 'PRODUCTION']),
  scope: z.enum(['READ-WRITE', 'READ-ONLY']),
});
export type Account = z.infer<typeof accountSchema>;

export const appStatusSchema = z.object({
  mode: modeSchema,
  keySource: z.enum(['none', 'environment', 'saved']),
  keyStorageEncrypted: z.boolean(),
  account: accountSchema.nullable(),
  connection: connectionStateSchema,
  canSell: z.boolean(),
  cannotSellReason: z.string().nullable(),
  printing: z.enum(['native', 'browser']),
  version: z.string(),
  /**
   * This counter and the shop's shared ledger: 'off' for a one-counter till (no shared server),
   * else whether the server is reachable now, and how many changes wait to be pushed to it;
   * 'needs-shop-key': the till waits for the owner's shop passphrase before it joins the shop.
   */
  till: z.object({
    id: z.string(),
    name: z.string(),
    shared: z.enum(['off', 'connecting', 'reachable', 'unreachable', 'needs-shop-key']),
    unpushed: z.number().int().min(0),
  }),
});
export type AppStatus = z.infer<typeof appStatusSchema>;

export const catalogProductSchema = z.object({
  id: z.string(),
  title: z.string(),
  enabled: z.boolean(),
  region: z.string().nullable(),
  categoryId: z.string(),
});
export type CatalogProduct = z.infer<typeof catalogProductSchema>;

export const catalogCategorySchema = z.object({
  id: z.string(),
  title: z.string(),
  productIds: z.array(z.string()),
});

export const catalogSchema = z.object({
  categories: z.array(catalogCategorySchema),
  products: z.array(catalogProductSchema),
  fetchedAt: isoTime,
  stale: z.boolean(),
});
export type Catalog = z.infer<typeof catalogSchema>;

export const denominationSchema = z.object({
  typeId: z.string(),
  name: z.string(),
  costC: centimes,
  retailC: centimes,
  stock: z.number().int().nonnegative(),
  /** Cards of it the balance can still pay (sales/balance-cap.ts), sent by catalog:product; null or absent: not known. */
  balanceCap: z.number().int().nonnegative().nullable().optional(),
  /**
   * Top-ups (priced at face value plus the owner's fee, not cost plus markup): the face value of a
   * fixed plan, the owner's fee, and for a plan whose amount the customer chooses, its range and
   * the provider's cost rate (parts per million of the face value; the owner's only).
   */
  faceC: centimes.optional(),
  feeC: centimes.optional(),
  amountRange: z.object({ minC: centimes, maxC: centimes }).nullable().optional(),
  costPpm: z.number().int().nonnegative().nullable().optional(),
  /** False: the provider disabled this plan for now (maintenance, operator issues). */
  enabled: z.boolean().optional(),
  /** What kind of plan it is, for the counter's grouping: prepaid, bill, fixed, getmenu, card. */
  kind: z.string().max(20).optional(),
});
export type Denomination = z.infer<typeof denominationSchema>;

export const productDetailSchema = z.object({
  productId: z.string(),
  title: z.string(),
  denominations: z.array(denominationSchema),
  markupBp: z.number().int(),
  checkedAt: isoTime,
  live: z.boolean(),
});
export type ProductDetail = z.infer<typeof productDetailSchema>;

/**
 * A product as the screen receives it (catalog:product): the cost of each card and the markup are
 * null for anyone but the owner (electron/core/sales/cost-visibility.ts).
 */
export const denominationViewSchema = denominationSchema.extend({ costC: centimes.nullable() });
/** A suggestion the provider made with a refused top-up (another plan that fits the number). */
export const suggestedOfferSchema = z.object({ name: z.string(), planCode: z.string(), amountC: centimes });
export type SuggestedOffer = z.infer<typeof suggestedOfferSchema>;

/**
 * A top-up's own facts (mobile or internet): the amount sent, the refs (ours, made before sending,
 * and the provider's, which may differ), the provider's last status word, and what it said when it
 * refused or delayed the top-up (an Arabic message for the customer, suggested offers).
 */
export const topUpFactsSchema = z.object({
  amountC: centimes,
  clientRef: z.string().nullable(),
  providerRef: z.string().nullable(),
  providerStatus: z.string().nullable(),
  refundMessage: z.string().nullable(),
  suggestedOffers: z.array(suggestedOfferSchema),
  processedAt: z.string().nullable(),
});
export type TopUpFacts = z.infer<typeof topUpFactsSchema>;
export type DenominationView = z.infer<typeof denominationViewSchema>;
export const productDetailViewSchema = productDetailSchema.extend({
  denominations: z.array(denominationViewSchema),
  markupBp: z.number().int().nullable(),
});
export type ProductDetailView = z.infer<typeof productDetailViewSchema>;

export const balanceSchema = z.object({ balanceC: centimes, checkedAt: isoTime, low: z.boolean() });
export type Balance = z.infer<typeof balanceSchema>;

/**
 * The life of a sale (design §4). QUEUED means certainly not sent; SENDING means a placeOrder may be
 * in flight; UNKNOWN means it was sent and nobody knows whether the provider created the order.
 */
export const SALE_STATES = [
  'QUEUED',
  'SENDING',
  'PLACED',
  'UNKNOWN',
  'NEEDS_REVIEW',
  'FULFILLED',
  'PARTIALLY_FILLED',
  'REFUNDED',
  'REJECTED',
  'CANCELLED',
  'EXPIRED',
  'AWAITING_OWNER',
  // A top-up the provider answered UNKNOWN_ERROR: it may have reached the phone or not. Never
  // refunded nor resent by the till; re-checked slowly until the provider settles it.
  'TO_VERIFY',
] as const;
export const saleStateSchema = z.enum(SALE_STATES);
export type SaleState = z.infer<typeof saleStateSchema>;

export const FINAL_STATES: readonly SaleState[] = ['FULFILLED', 'PARTIALLY_FILLED', 'REFUNDED', 'REJECTED', 'CANCELLED'];
export const PENDING_STATES: readonly SaleState[] = ['QUEUED', 'SENDING', 'PLACED', 'UNKNOWN', 'NEEDS_REVIEW', 'EXPIRED', 'AWAITING_OWNER', 'TO_VERIFY'];

export const maskedCardSchema = z.object({
  index: z.number().int(),
  codeMasked: z.string(),
  serialMasked: z.string(),
});

/** Paid, due back, handed back (confirmed), still owed, net; delivered n of ordered m. */
export const saleMoneySchema = z.object({
  paidC: centimes,
  refundDueC: centimes,
  handedBackC: centimes,
  owedC: centimes,
  netC: centimes,
  delivered: z.number().int().nonnegative(),
  ordered: z.number().int().positive(),
  differs: z.boolean(),
  /** When and by whom the refund was confirmed handed back; null until then. */
  handedBackAt: isoTime.nullable(),
  handedBackBy: z.string().nullable(),
});
export type SaleMoney = z.infer<typeof saleMoneySchema>;

export const saleSchema = z.object({
  id: z.number().int(),
  state: saleStateSchema,
  productId: z.string(),
  productTitle: z.string(),
  typeId: z.string(),
  typeName: z.string(),
  quantity: z.number().int().positive(),
  /** What one card cost the shop: null for anyone but the owner (cost-visibility.ts). */
  unitCostC: centimes.nullable(),
  unitRetailC: centimes,
  totalRetailC: centimes,
  cashier: z.string(),
  mode: modeSchema,
  createdAt: isoTime,
  updatedAt: isoTime,
  sentAt: isoTime.nullable(),
  placedAt: isoTime.nullable(),
  finishedAt: isoTime.nullable(),
  expiresAt: isoTime.nullable(),
  orderId: z.string().nullable(),
  deliveredQuantity: z.number().int().nonnegative(),
  /** Retail value the cashier must hand back for cards that were not delivered. */
  refundDueC: centimes,
  /** The sale's money as every surface shows it (electron/core/sales/money-figures.ts). */
  money: saleMoneySchema,
  reason: z.object({ code: z.string(), message: z.string() }).nullable(),
  cards: z.array(maskedCardSchema),
  /** The product line that sold it (gift-cards, mobile-topups, internet). */
  line: z.string(),
  /** The phone or line number a top-up went to; null for gift cards. */
  recipient: z.string().nullable(),
  topUp: topUpFactsSchema.nullable(),
  /** Shop-wide views (issue 12): the till that made the sale (its ids are that till's own). */
  till: z.object({ id: z.string(), name: z.string() }).optional(),
});
export type Sale = z.infer<typeof saleSchema>;

export const receiptSchema = z.object({
  saleId: z.number().int(),
  html: z.string(),
  paperWidthMm: z.union([z.literal(58), z.literal(80)]),
});
export type Receipt = z.infer<typeof receiptSchema>;

export const shopSchema = z.object({
  name: z.string().max(80),
  address: z.string().max(200),
  phone: z.string().max(40),
  footer: z.string().max(300),
});

export const settingsSchema = z.object({
  language: languageSchema,
  arabicDigits: z.boolean(),
  shop: shopSchema,
  paperWidthMm: z.union([z.literal(58), z.literal(80)]),
  printerName: z.string().max(200),
  silentPrint: z.boolean(),
  autoPrint: z.boolean(),
  showQrCodes: z.boolean(),
  /** Markup in basis points (500 = 5 %) so that prices stay integer arithmetic. */
  markupBp: markupBpSchema,
  markupOverridesBp: z.record(z.string().max(64), markupBpSchema).refine((m) => Object.keys(m).length <= 1000, 'at most 1000 products'),
  favourites: z.array(z.string()).max(200),
  instructions: z.record(z.string(), z.string().max(1000)),
  /** The shop's own tile pictures, as small data: URLs (the renderer may not load anything remote). */
  productImages: z
    .record(
      z.string().max(64),
      z
        .string()
        .max(200_000)
        .regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+=*$/, 'must be a PNG, JPEG or WebP image'),
    )
    .refine((images) => Object.keys(images).length <= 100, 'at most 100 images'),
  lowBalanceThresholdC: amountSchema,
  maxQuantityPerSale: z.number().int().min(1).max(MAX_QUANTITY),
  queueCap: z.number().int().min(0).max(500),
  queueExpiryMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60),
  cashierName: z.string().min(1).max(60),
  /** The till locks to the PIN screen after this long without a touch. */
  idleLockMinutes: z.number().int().min(1).max(240),
  /** A cashier may reprint or reveal their own sale for this long; later only the owner can. */
  reprintWindowMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  /** The provider publishes no rate limit; the till stays under this many requests a minute. */
  apiRequestsPerMinute: z.number().int().min(10).max(6000),
  /** Offline, a sale is priced from the last check; older than this, the till refuses to sell. */
  maxOfflinePriceAgeHours: z.number().int().min(1).max(168),
  /** Top-ups sell at face value plus this fee (default 0), or a plan's own fee (by plan code). */
  topupFeeC: amountSchema,
  topupFeeOverridesC: z.record(z.string().max(64), amountSchema).refine((m) => Object.keys(m).length <= 500, 'at most 500 plans'),
});
export type Settings = z.infer<typeof settingsSchema>;

/**
 * The settings as a screen receives them (settings:get). The markup gives the cost back from the
 * price (price ÷ markup), and cost and margin are the owner's (issue 13): anyone else gets null.
 */
export const settingsViewSchema = settingsSchema.extend({
  markupBp: settingsSchema.shape.markupBp.nullable(),
  markupOverridesBp: settingsSchema.shape.markupOverridesBp.nullable(),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

export const DEFAULT_SETTINGS: Settings = {
  language: 'fr',
  arabicDigits: false,
  shop: { name: 'Ma boutique', address: '', phone: '', footer: 'Merci de votre visite !' },
  paperWidthMm: 80,
  printerName: '',
  silentPrint: false,
  autoPrint: false,
  showQrCodes: false,
  markupBp: 500,
  markupOverridesBp: {},
  favourites: [],
  instructions: {},
  productImages: {},
  lowBalanceThresholdC: 500_000,
  maxQuantityPerSale: 10,
  queueCap: 20,
  queueExpiryMinutes: 30,
  cashierName: 'Caisse 1',
  idleLockMinutes: 5,
  reprintWindowMinutes: 10,
  apiRequestsPerMinute: 240,
  maxOfflinePriceAgeHours: 24,
  topupFeeC: 0,
  topupFeeOverridesC: {},
};

export const settingsPatchSchema = settingsSchema.omit({ shop: true }).partial().extend({ shop: shopSchema.partial().optional() }).strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
