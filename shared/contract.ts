import { z } from 'zod';
import { INTERNET_TYPES } from './phone-numbers';
import { amountSchema, quantitySchema } from './amounts';
import {
  appStatusSchema,
  balanceSchema,
  catalogSchema,
  connectionStateSchema,
  productDetailViewSchema,
  receiptSchema,
  saleSchema,
  saleStateSchema,
  settingsPatchSchema,
  settingsViewSchema,
} from './domain';
import {
  cashierSchema,
  dayReportSchema,
  daySchema,
  exportFileSchema,
  dayReportQuerySchema,
  historyQuerySchema,
  personNameSchema,
  scopeFields,
  shopTillSchema,
  tillIdNeedsShop,
  tillIdNeedsShopError,
  pinSchema,
  reconcileQuerySchema,
  reconcileReportSchema,
  revealedCardSchema,
  roleSchema,
  saleEventSchema,
  sessionStateSchema,
  shiftReportSchema,
  cashCountSchema,
  openShiftSchema,
} from './shop';
import { providerOrderIdSchema, reviewCandidatesSchema } from './sale-review';
import { ledgerUrlInputSchema, shopPassphraseInputSchema, tillNameInputSchema, tillSettingsSchema } from './till-settings';

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be a provider id');
const saleId = z.number().int().positive();
const none = z.object({}).strict();
/** A backup's name inside backups/: no folder, no path step, no hidden file; a .sqlite file. */
export const backupFileNameSchema = z
  .string()
  .max(120)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*\.sqlite$/, 'must be a file name (letters, digits, . _ -) ending in .sqlite');

/**
 * Every command the renderer may send, named `domain:verb`, with its input and output schemas.
 * The handler map (`CommandHandlers`) is derived from this object, so a command without a handler
 * does not compile, and both adapters (IPC and HTTP) validate with these same schemas.
 */
export const commands = {
  'app:status': { input: none, output: appStatusSchema },
  // `line`: whose catalogue (absent: gift cards). Mobile top-ups list operators, internet its two types.
  'catalog:list': { input: z.object({ refresh: z.boolean().optional(), line: id.optional() }).strict(), output: catalogSchema },
  /** An internet line checked with the provider before the sale (the customer confirms its offer). */
  'internet:checkNumber': {
    input: z.object({ type: z.enum(INTERNET_TYPES), number: z.string().max(24) }).strict(),
    output: z.object({ type: z.enum(INTERNET_TYPES), number: z.string(), customerId: z.string().nullable(), offer: z.string().nullable() }),
  },
  'catalog:product': {
    // `line`: the product line whose product it is (absent: gift cards, the grid's).
    input: z.object({ productId: id, line: id.optional() }).strict(),
    output: productDetailViewSchema,
  },
  'account:balance': { input: z.object({ refresh: z.boolean().optional() }).strict(), output: balanceSchema },
  'sales:confirm': {
    input: z
      .object({
        productId: id,
        typeId: id,
        quantity: quantitySchema,
        /** The unit price the cashier saw; the sale is refused if the live price moved. */
        expectedUnitRetailC: amountSchema,
        /** The product line sold (absent: gift cards). Its module checks the entry (product-lines/). */
        line: id.optional(),
        /** What the line asks the cashier for beyond product, type and quantity (a phone number...). */
        entry: z.record(z.string().max(32), z.union([z.string().max(200), z.number()])).optional(),
      })
      .strict(),
    output: saleSchema,
  },
  'sales:get': { input: z.object({ saleId }).strict(), output: saleSchema },
  'sales:list': {
    // scope 'shop' (owner): the exceptions of every till of the shop (issue 12).
    input: z
      .object({ states: z.array(saleStateSchema).max(20).optional(), limit: z.number().int().min(1).max(500).optional(), ...scopeFields })
      .strict()
      .refine(tillIdNeedsShop, tillIdNeedsShopError),
    output: z.array(saleSchema),
  },
  'sales:cancel': { input: z.object({ saleId }).strict(), output: saleSchema },
  'sales:sendNow': { input: z.object({ saleId }).strict(), output: saleSchema },
  /** A queued sale whose cost rose above its price waits (AWAITING_OWNER): the owner sends it anyway or cancels it. */
  'sales:sendAnyway': { input: z.object({ saleId }).strict(), output: saleSchema },
  'sales:cancelHeld': { input: z.object({ saleId }).strict(), output: saleSchema },
  /**
   * A sale flagged for review (NEEDS_REVIEW: several provider orders could be its lost one): the
   * owner lists the candidates, then gives the sale one of them (it is claimed, then read for its
   * codes) or says none is its order (the sale is cancelled, its price owed back).
   */
  'sales:reviewCandidates': { input: z.object({ saleId }).strict(), output: reviewCandidatesSchema },
  'sales:adoptCandidate': { input: z.object({ saleId, orderId: providerOrderIdSchema }).strict(), output: saleSchema },
  'sales:dismissReview': { input: z.object({ saleId }).strict(), output: saleSchema },
  'sales:receipt': { input: z.object({ saleId }).strict(), output: receiptSchema },
  'sales:print': { input: z.object({ saleId }).strict(), output: z.object({ printed: z.boolean() }) },
  'sales:savePdf': { input: z.object({ saleId }).strict(), output: z.object({ saved: z.boolean() }) },
  'settings:get': { input: none, output: settingsViewSchema },
  'settings:update': { input: settingsPatchSchema, output: settingsViewSchema },
  'apiKey:set': { input: z.object({ key: z.string().trim().min(8).max(200) }).strict(), output: appStatusSchema },
  'apiKey:clear': { input: none, output: appStatusSchema },

  'session:get': { input: none, output: sessionStateSchema },
  'session:setupOwner': { input: z.object({ name: personNameSchema, pin: pinSchema }).strict(), output: sessionStateSchema },
  'session:login': { input: z.object({ cashierId: z.number().int().positive(), pin: pinSchema }).strict(), output: sessionStateSchema },
  'session:logout': { input: none, output: sessionStateSchema },
  'session:touch': { input: none, output: z.object({ active: z.boolean() }) },
  'staff:list': { input: none, output: z.array(cashierSchema) },
  'staff:add': { input: z.object({ name: personNameSchema, role: roleSchema, pin: pinSchema }).strict(), output: cashierSchema },
  'staff:update': {
    input: z
      .object({
        id: z.number().int().positive(),
        name: personNameSchema.optional(),
        role: roleSchema.optional(),
        pin: pinSchema.optional(),
        active: z.boolean().optional(),
      })
      .strict(),
    output: cashierSchema,
  },
  // A real cash count: the float is required; the count is blind (shift:current carries no
  // expected cash; shift:count records the count, then answers expected and difference); closing
  // confirms the recorded count.
  'shift:current': { input: none, output: openShiftSchema.nullable() },
  'shift:open': { input: z.object({ openingCashC: amountSchema }).strict(), output: openShiftSchema },
  'shift:count': { input: z.object({ countedCashC: amountSchema }).strict(), output: cashCountSchema },
  'shift:close': { input: z.object({ countedCashC: amountSchema }).strict(), output: shiftReportSchema },
  'reports:day': { input: dayReportQuerySchema, output: dayReportSchema },
  /** The shop's tills (owner, shared ledger only), for the shop-wide views' till picker. */
  'shop:tills': { input: none, output: z.array(shopTillSchema) },
  'reports:html': {
    input: z.discriminatedUnion('kind', [
      z
        .object({ kind: z.literal('day'), day: daySchema, ...scopeFields })
        .strict()
        .refine(tillIdNeedsShop, tillIdNeedsShopError),
      z.object({ kind: z.literal('shift'), shiftId: z.number().int().positive() }).strict(),
      z
        .object({ kind: z.literal('reconcile'), day: daySchema, ...scopeFields })
        .strict()
        .refine(tillIdNeedsShop, tillIdNeedsShopError),
    ]),
    output: z.object({ html: z.string() }),
  },
  'history:search': { input: historyQuerySchema, output: z.array(saleSchema) },
  'sales:timeline': { input: z.object({ saleId }).strict(), output: z.array(saleEventSchema) },
  'sales:reveal': { input: z.object({ saleId }).strict(), output: z.array(revealedCardSchema) },
  'sales:reprint': { input: z.object({ saleId }).strict(), output: receiptSchema },
  /** "J'ai rendu 1 050 DA": the amount is the refund due the cashier saw; recorded once. */
  'sales:confirmRefund': { input: z.object({ saleId, amountC: amountSchema }).strict(), output: saleSchema },
  'exports:csv': {
    input: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('history'), query: historyQuerySchema }).strict(),
      z
        .object({ kind: z.literal('day'), day: daySchema, ...scopeFields })
        .strict()
        .refine(tillIdNeedsShop, tillIdNeedsShopError),
    ]),
    output: exportFileSchema,
  },
  'reconcile:day': { input: reconcileQuerySchema, output: reconcileReportSchema },
  /**
   * Backups: the renderer never names a path. It gives a bare file name in the data dir's
   * backups/ folder, or asks (`choose`) for the main process's native file dialog (Electron only);
   * null means the owner closed that dialog.
   */
  'backup:create': {
    input: z.object({ name: backupFileNameSchema.optional(), choose: z.literal(true).optional() }).strict(),
    output: z.object({ path: z.string(), bytes: z.number().int() }).nullable(),
  },
  'backup:restore': {
    input: z.object({ name: backupFileNameSchema.optional(), choose: z.literal(true).optional() }).strict(),
    output: z.object({ restartRequired: z.boolean(), sales: z.number().int() }).nullable(),
  },
  /** The backups in the backups/ folder (newest first) and that folder's path: restore picks one. */
  'backup:list': {
    input: z.object({}).strict(),
    output: z.object({
      folder: z.string(),
      files: z.array(z.object({ name: z.string(), bytes: z.number().int().nonnegative(), modifiedAt: z.string() })).max(200),
    }),
  },
  /** This counter's name and the shop's server (issue 12): owner only; the URL only ever redacted. */
  'till:get': { input: none, output: tillSettingsSchema },
  'till:rename': { input: z.object({ name: tillNameInputSchema }).strict(), output: tillSettingsSchema },
  'till:setLedgerUrl': { input: z.object({ url: ledgerUrlInputSchema }).strict(), output: tillSettingsSchema },
  /** The shop passphrase, entered once on a till that does not hold the shop key yet (or chosen on the first till). */
  'till:shopPassphrase': { input: z.object({ passphrase: shopPassphraseInputSchema }).strict(), output: tillSettingsSchema },
} as const;

export type Commands = typeof commands;
export type CommandName = keyof Commands;
export type CommandInput<K extends CommandName> = z.input<Commands[K]['input']>;
export type CommandOutput<K extends CommandName> = z.infer<Commands[K]['output']>;
export const COMMAND_NAMES = Object.keys(commands) as CommandName[];

export type CommandHandlers = {
  [K in CommandName]: (input: z.infer<Commands[K]['input']>) => Promise<CommandOutput<K>>;
};

export const events = {
  'sales:changed': saleSchema,
  'connection:changed': z.object({ state: connectionStateSchema, queued: z.number().int().nonnegative() }),
  'balance:changed': balanceSchema,
  'status:changed': appStatusSchema,
  'session:changed': sessionStateSchema,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<K extends EventName> = z.infer<Events[K]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isCommandName(name: unknown): name is CommandName {
  return typeof name === 'string' && Object.hasOwn(commands, name);
}
