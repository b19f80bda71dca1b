import { z } from 'zod';
import { saleStateSchema } from './domain';

/** Running the shop: cashiers, shifts, reports, history, reconciliation, backups. */

export const roleSchema = z.enum(['owner', 'cashier']);
export type Role = z.infer<typeof roleSchema>;

export const cashierSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: roleSchema,
  active: z.boolean(),
  /** Owner's list only: locked after wrong PINs until then (ms since epoch). */
  lockedUntil: z.number().int().nullable().optional(),
  /** Owner's list only: lockouts the owner had not seen before this list, and when the last was. */
  unseenLockouts: z.number().int().nonnegative().optional(),
  lastLockoutAt: z.number().int().nullable().optional(),
});
export type Cashier = z.infer<typeof cashierSchema>;

/** A cashier locked out after wrong PINs, told to the owner until they look at the list of cashiers. */
export const lockoutAlertSchema = z.object({
  cashierId: z.number().int(),
  name: z.string(),
  count: z.number().int().positive(),
  lastAt: z.number().int(),
  lockedUntil: z.number().int().nullable(),
});
export type LockoutAlert = z.infer<typeof lockoutAlertSchema>;

export const sessionStateSchema = z.object({
  needsSetup: z.boolean(),
  cashier: cashierSchema.nullable(),
  /** Active cashiers, for the PIN screen's picker. */
  cashiers: z.array(cashierSchema),
  idleLockMinutes: z.number().int(),
  /** Only while the owner is signed in: lockouts they have not seen yet. */
  lockoutAlerts: z.array(lockoutAlertSchema).optional(),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

export const pinSchema = z.string().regex(/^[0-9]{4,8}$/, 'must be 4 to 8 digits');
export const personNameSchema = z.string().trim().min(1).max(60);

const centimes = z.number().int();

export const productLineSchema = z.object({
  productId: z.string(),
  productTitle: z.string(),
  typeId: z.string(),
  typeName: z.string(),
  sales: z.number().int(),
  cards: z.number().int(),
  retailC: centimes,
  costC: centimes,
});

export const salesTotalsSchema = z.object({
  salesCount: z.number().int(),
  cardsSold: z.number().int(),
  retailTotalC: centimes,
  costTotalC: centimes,
  marginC: centimes,
  partial: z.object({ count: z.number().int(), refundDueC: centimes, deliveredRetailC: centimes }),
  refunded: z.object({ count: z.number().int(), refundDueC: centimes }),
  rejected: z.object({ count: z.number().int(), refundDueC: centimes }),
  cancelled: z.object({ count: z.number().int(), refundDueC: centimes }),
  pending: z.object({ count: z.number().int(), retailC: centimes }),
  /**
   * Every refund of the period (partial, refunded, rejected, cancelled): due in all, handed back
   * (confirmed by the cashier, sales:confirmRefund) and still owed to customers (in the drawer).
   */
  refunds: z.object({ dueC: centimes, handedBackC: centimes, owedC: centimes, owedCount: z.number().int() }),
  byProduct: z.array(productLineSchema),
  /** The same takings per product line (gift cards, mobile top-ups, internet), delivered sales only. */
  byLine: z.array(z.object({ line: z.string(), sales: z.number().int(), retailC: centimes, costC: centimes })),
});
export type SalesTotals = z.infer<typeof salesTotalsSchema>;

/** Who did something to a shift: id, and the name as it was at that moment. */
export const shiftPersonSchema = z.object({ id: z.number().int(), name: z.string() });

/** Which till a shop-wide row comes from (issue 12): its id and its name in the shop's `tills`. */
export const tillRefSchema = z.object({ id: z.string(), name: z.string() });

/**
 * Whose sales a report, history or exceptions list reads (issue 12): this till's (the default,
 * its own SQLite ledger) or the whole shop's (the shared PostgreSQL copy, owner only), optionally
 * narrowed to one till of the shop.
 */
export const viewScopeSchema = z.enum(['till', 'shop']);
export type ViewScope = z.infer<typeof viewScopeSchema>;
export const scopeFields = { scope: viewScopeSchema.optional(), tillId: z.uuid().optional() };
/** A till id names a till of the shop: it only means something in shop scope. */
export const tillIdNeedsShop = (v: { scope?: ViewScope; tillId?: string }) => v.tillId === undefined || v.scope === 'shop';
export const tillIdNeedsShopError = { message: 'tillId is given only with scope "shop"', path: ['tillId'] };

export const shiftReportSchema = z.object({
  shiftId: z.number().int(),
  cashierId: z.number().int(),
  cashierName: z.string(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  openingCashC: centimes,
  countedCashC: centimes.nullable(),
  /** opening cash + retail kept (collected − given back). */
  expectedCashC: centimes,
  differenceC: centimes.nullable(),
  totals: salesTotalsSchema,
  /** Who counted the drawer (name as it was then), and how many counts were made before closing. */
  countedBy: shiftPersonSchema.nullable(),
  counts: z.number().int().nonnegative(),
  closedBy: shiftPersonSchema.nullable(),
  /** The till whose shift it is, in a shop-wide report. */
  till: tillRefSchema.optional(),
});
export type ShiftReport = z.infer<typeof shiftReportSchema>;

/**
 * A blind count's answer (shift:count): only once the counted cash is recorded does the counter
 * learn what was expected, and the difference (negative: shortfall; positive: surplus).
 */
export const cashCountSchema = z.object({
  shiftId: z.number().int(),
  countedCashC: centimes,
  expectedCashC: centimes,
  differenceC: centimes,
  countedBy: shiftPersonSchema,
  countedAt: z.string(),
  counts: z.number().int().positive(),
});
export type CashCount = z.infer<typeof cashCountSchema>;

/**
 * The till's open shift as the counter sees it (shift:current, shift:open). It carries no takings
 * and no expected cash, not even after a count: whoever counts next counts blind too.
 */
export const openShiftSchema = z.object({
  shiftId: z.number().int(),
  openedAt: z.string(),
  openedBy: shiftPersonSchema,
  openingCashC: centimes,
  salesCount: z.number().int(),
  /** Sales whose money is not settled yet: the shift cannot close while any is left. */
  pendingSaleIds: z.array(z.number().int()),
});
export type OpenShift = z.infer<typeof openShiftSchema>;

export const dayReportSchema = z.object({
  day: z.string(),
  totals: salesTotalsSchema,
  byCashier: z.array(z.object({ cashier: z.string(), salesCount: z.number().int(), retailTotalC: centimes, till: tillRefSchema.optional() })),
  shifts: z.array(shiftReportSchema),
  /** Shop scope: each till's share of the day (their sum is `totals`). */
  byTill: z
    .array(
      z.object({
        till: tillRefSchema,
        salesCount: z.number().int(),
        cardsSold: z.number().int(),
        retailTotalC: centimes,
        costTotalC: centimes,
        marginC: z.number().int(),
      }),
    )
    .optional(),
  scope: viewScopeSchema.optional(),
  /** Shop scope narrowed to one till: which. */
  till: tillRefSchema.optional(),
  openingCashC: centimes,
  expectedCashC: centimes,
  countedCashC: centimes.nullable(),
});
export type DayReport = z.infer<typeof dayReportSchema>;

export const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

export const historyQuerySchema = z
  .object({
    from: z.string().datetime().optional(),
    to: z.string().datetime().optional(),
    cashier: personNameSchema.optional(),
    productId: z.string().min(1).max(64).optional(),
    states: z.array(saleStateSchema).max(20).optional(),
    saleId: z.number().int().positive().optional(),
    codeSuffix: z.string().trim().min(1).max(40).optional(),
    limit: z.number().int().min(1).max(1000).optional(),
    ...scopeFields,
  })
  .strict()
  .refine(tillIdNeedsShop, tillIdNeedsShopError);

export const dayReportQuerySchema = z
  .object({ day: daySchema, ...scopeFields })
  .strict()
  .refine(tillIdNeedsShop, tillIdNeedsShopError);

/**
 * A day's comparison with the provider: this till's ledger (the default; `adopt` takes in what it
 * lacks) or the shop's (scope 'shop', owner only, maybe one till of it). Adopting is a till's act
 * (the adopted sale is that till's), so it is not offered in shop scope.
 */
export const reconcileQuerySchema = z
  .object({ day: daySchema, adopt: z.boolean().optional(), ...scopeFields })
  .strict()
  .refine(tillIdNeedsShop, tillIdNeedsShopError)
  .refine((v) => !(v.adopt && v.scope === 'shop'), { message: 'orders are adopted from a till, not in scope "shop"', path: ['adopt'] });

/** A till of the shop as the owner's till picker lists it (shop:tills). */
export const shopTillSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** When the shop's server last got this till's changes (ISO), null if never. */
  lastPushAt: z.string().nullable(),
  /** This till only: its changes not yet pushed (other tills' are not known here). */
  unpushed: z.number().int().nonnegative().nullable(),
  current: z.boolean(),
});

export const saleEventSchema = z.object({ at: z.string(), kind: z.string(), detail: z.string().nullable() });

export const revealedCardSchema = z.object({ index: z.number().int(), code: z.string(), serial: z.string() });

export const reconcileReportSchema = z.object({
  day: z.string(),
  providerOrders: z.number().int(),
  ledgerSales: z.number().int(),
  /** Orders at the provider that no sale owns (adopted into the ledger when asked). */
  missingInLedger: z.array(
    z.object({
      orderId: z.string(),
      productId: z.string().nullable(),
      typeId: z.string().nullable(),
      quantity: z.number().int().nullable(),
      status: z.string(),
      time: z.string().nullable(),
      amountC: centimes,
      adoptedSaleId: z.number().int().nullable(),
      /** One of the candidates of a sale waiting for the owner's review: never adopted as found. */
      reviewSaleId: z.number().int().positive().optional(),
      /** That sale's till, when it is another till of the shop (reviewSaleId is then its number there). */
      reviewTill: tillRefSchema.optional(),
    }),
  ),
  /** Sales the ledger believes placed whose order the provider does not list (shop scope: with their till). */
  missingAtProvider: z.array(z.object({ saleId: z.number().int(), orderId: z.string(), state: saleStateSchema, till: tillRefSchema.optional() })),
  amountDifferences: z.array(
    z.object({ saleId: z.number().int(), orderId: z.string(), ledgerC: centimes, providerC: centimes, till: tillRefSchema.optional() }),
  ),
  ledgerCostC: centimes,
  providerChargedC: centimes,
  /** The same money seen from the account's movements (ORDER debits less REFUND-ORDER credits); null if unreadable. */
  accountNetDebitC: centimes.nullable(),
  /**
   * Tills sharing a key (issue 12): true when some orders were left unadopted because the shop's
   * shared ledger could not say whether another till owns them (adopt again once it answers).
   */
  adoptionWaiting: z.boolean().optional(),
  /** Shop scope (issue 12): the shop's sales (of `till` only, when one was asked) against the account's orders. */
  scope: viewScopeSchema.optional(),
  till: tillRefSchema.optional(),
});
export type ReconcileReport = z.infer<typeof reconcileReportSchema>;

export const exportFileSchema = z.object({ filename: z.string(), mime: z.string(), content: z.string() });
