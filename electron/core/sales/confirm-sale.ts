import type { ProductDetail, Settings } from '../../../shared/domain';
import { AppError } from '../../../shared/result';
import type { CatalogService } from '../catalog/catalog-service';
import type { Ledger, SaleRow } from '../ledger/ledger';
import type { ProductLines } from '../product-lines/registry';
import type { OneClickDzClient } from '../provider/client';
import { costOfAmount, faceRetail } from '../../../shared/top-up-price';

type PricedDenomination = ProductDetail['denominations'][number];

/**
 * One unit's cost and price for this entry. Most denominations have one price; a top-up plan whose
 * amount the customer chooses is priced from that amount, which must be a whole number of dinars
 * inside the plan's range. Returns the face amount too, kept with the sale (what the provider is sent).
 */
function priceOf(d: PricedDenomination, entry: Record<string, unknown>): { costC: number; retailC: number; faceC: number | null } {
  if (!d.amountRange) return { costC: d.costC, retailC: d.retailC, faceC: d.faceC ?? null };
  const dzd = entry.amountDzd;
  const { minC, maxC } = d.amountRange;
  if (typeof dzd !== 'number' || !Number.isSafeInteger(dzd) || dzd * 100 < minC || dzd * 100 > maxC) {
    throw new AppError('AMOUNT_OUT_OF_RANGE', `The amount must be a whole number of dinars from ${minC / 100} to ${maxC / 100}`, { minC, maxC });
  }
  const amountC = dzd * 100;
  return { costC: costOfAmount(amountC, d.costPpm ?? null), retailC: faceRetail(amountC, d.feeC ?? 0), faceC: amountC };
}

export interface ConfirmInput {
  productId: string;
  typeId: string;
  quantity: number;
  expectedUnitRetailC: number;
  /** The product line sold; absent for gift cards (the renderer's sales so far). */
  line?: string;
  /** The line's own fields (a phone number...), checked by the line's entry schema. */
  entry?: Record<string, string | number>;
}

export interface ConfirmContext {
  ledger: Ledger;
  lines: ProductLines;
  catalog: CatalogService;
  settings: Settings;
  mode: 'training' | 'sandbox' | 'production';
  keyId: string;
  now: number;
  cashier: { id: number; name: string };
  shiftId: number;
  /** Last known provider balance in centimes, null if never read. */
  balanceC: () => Promise<number | null>;
  /** The provider, for a line's own check of the entry before the sale (internet: check-number). */
  client: () => OneClickDzClient;
  /** A fresh ref for a sale (made before anything is sent, reused on every resend). */
  newRef: () => string;
}

/** The line's entry without the fields the sale row has anyway, plus the face amount sent. */
function storedEntry(entry: Record<string, unknown>, faceC: number | null): Record<string, unknown> {
  const own = Object.fromEntries(Object.entries(entry).filter(([k]) => !['productId', 'typeId', 'quantity'].includes(k)));
  return faceC === null ? own : { ...own, amountDzd: faceC / 100 };
}

/** Cost of sales confirmed but not yet debited by the provider. */
export function committedCostC(ledger: Ledger): number {
  return ledger.byStates(['QUEUED', 'SENDING', 'UNKNOWN', 'EXPIRED', 'AWAITING_OWNER']).reduce((s, r) => s + r.unit_cost_c * r.quantity, 0);
}

/**
 * Offline, the price comes from the last check (kept warm in the background). Older than the
 * owner's limit, it may no longer be what the provider charges: refuse before anything is queued.
 */
function assertPriceYoungEnough(product: ProductDetail, settings: Settings, now: number): void {
  if (product.live) return;
  const checkedAt = Date.parse(product.checkedAt);
  const maxAgeMs = settings.maxOfflinePriceAgeHours * 3_600_000;
  const ageMs = Number.isNaN(checkedAt) ? Infinity : now - checkedAt;
  if (ageMs > maxAgeMs) {
    throw new AppError('PRICE_TOO_OLD', `The last known price is older than ${settings.maxOfflinePriceAgeHours} h; it cannot be sold offline`, {
      maxHours: settings.maxOfflinePriceAgeHours,
      ageMinutes: Number.isFinite(ageMs) ? Math.floor(ageMs / 60_000) : null,
    });
  }
}

/**
 * Checks a sale against live stock, price and balance right before it is written, then writes it
 * (QUEUED, committed) so that nothing is sent before the ledger holds it.
 */
export async function confirmSale(input: ConfirmInput, ctx: ConfirmContext): Promise<SaleRow> {
  const { settings, ledger } = ctx;
  if (input.quantity > settings.maxQuantityPerSale) {
    throw new AppError('QUANTITY_LIMIT', `At most ${settings.maxQuantityPerSale} cards per sale`, { max: settings.maxQuantityPerSale });
  }
  const line = ctx.lines.get(input.line);
  // The line says what a valid entry is (gift cards: product, denomination, quantity; top-ups add a number).
  const entry = line.entrySchema.safeParse({ ...(input.entry ?? {}), productId: input.productId, typeId: input.typeId, quantity: input.quantity });
  if (!entry.success) {
    const field = entry.error.issues[0]?.path.join('.') || 'entry';
    // A number of the wrong shape has its own message at the counter; nothing is written or sent.
    if (field === 'recipient') throw new AppError('INVALID_NUMBER', 'This number is not valid for this product', { field });
    throw new AppError('INVALID_INPUT', 'This sale is not complete', { field });
  }
  const markup = settings.markupOverridesBp[input.productId] ?? settings.markupBp;
  const feeOf = (typeId: string) => settings.topupFeeOverridesC[typeId] ?? settings.topupFeeC;
  const product: ProductDetail = await ctx.catalog.product(input.productId, markup, line.id, feeOf);
  assertPriceYoungEnough(product, settings, ctx.now);
  const denomination = product.denominations.find((d) => d.typeId === input.typeId);
  if (!denomination) throw new AppError('NOT_FOUND', 'This denomination is no longer offered', { field: 'typeId' });
  if (denomination.enabled === false) throw new AppError('PLAN_DISABLED', 'The provider switched this plan off for now; choose another', { field: 'typeId' });
  if (denomination.stock < input.quantity) {
    throw new AppError('OUT_OF_STOCK', `Only ${denomination.stock} in stock`, { available: denomination.stock });
  }
  const fields = entry.data as unknown as Record<string, unknown>;
  const price = priceOf(denomination, fields);
  if (price.retailC !== input.expectedUnitRetailC) {
    throw new AppError('INVALID_STATE', 'The price changed; check the new price with the customer', {
      reason: 'PRICE_CHANGED',
      currentUnitRetailC: price.retailC,
    });
  }
  // The line's own check with the provider (internet: is it a line?); offline, the format check above is all.
  if (product.live && line.checkEntry) await line.checkEntry(ctx.client(), entry.data);
  const queued = ledger.countByStates(['QUEUED', 'EXPIRED']);
  if (!product.live && queued >= settings.queueCap) {
    throw new AppError('QUEUE_FULL', `The offline queue is full (${settings.queueCap} sales)`, { cap: settings.queueCap });
  }
  const balance = product.live ? await ctx.balanceC() : null;
  const costC = price.costC * input.quantity;
  if (balance !== null) {
    const available = balance - committedCostC(ledger);
    if (available < costC) {
      throw new AppError('INSUFFICIENT_BALANCE', 'The OneClickDZ balance is too low for this sale', { requiredC: costC, availableC: available });
    }
  }
  return ledger.insertSale({
    product_id: input.productId,
    product_title: product.title,
    type_id: input.typeId,
    type_name: denomination.name,
    quantity: input.quantity,
    unit_cost_c: price.costC,
    unit_retail_c: price.retailC,
    cashier: ctx.cashier.name,
    cashier_id: ctx.cashier.id,
    shift_id: ctx.shiftId,
    mode: ctx.mode,
    key_id: ctx.keyId,
    expires_at: ctx.now + settings.queueExpiryMinutes * 60_000,
    line: line.id,
    // What the line checked (numbers normalised), with the face amount the provider will be sent.
    entry: input.entry ? JSON.stringify(storedEntry(fields, price.faceC)) : null,
    client_ref: ctx.newRef(),
    recipient: typeof fields.recipient === 'string' ? fields.recipient : null,
  });
}
