import type { CommandHandlers } from '../../../shared/contract';
import type { SaleState } from '../../../shared/domain';
import type { ReconcileReport } from '../../../shared/shop';
import type { CatalogService } from '../catalog/catalog-service';
import type { Ledger, SaleRow } from '../ledger/ledger';
import type { LineOrder } from '../product-lines/product-line';
import type { ProductLines } from '../product-lines/registry';
import type { KeySession } from '../provider/key-session';
import { localDayBounds } from './day-report';
import { SALE_STATE_OF_ORDER } from '../sales/order-state';
import type { SaleMoves } from '../sales/sale-moves';
import type { SenderGuard } from '../sales/sender-guard';
import { ordersAwaitingReview } from '../sales/review-candidates';

export interface ReconcileDeps {
  ledger: Ledger;
  /** Every line's orders are compared, each read through its own module. */
  lines: ProductLines;
  catalog: Pick<CatalogService, 'productTitle' | 'typeName'>;
  keySession: () => KeySession;
  moves: Pick<SaleMoves, 'changed'>;
  /** Adopted orders still handling are polled by the sale engine: wake it. */
  kickEngine: () => void;
  /**
   * Tills sharing a key (issue 12): orders another till owns are its sales, neither missing here nor
   * adoptable; an order is claimed before it is adopted. Absent: a till alone, as before.
   */
  guard?: Pick<SenderGuard, 'owned' | 'claim' | 'flaggedElsewhere'>;
}

const HOUR = 3_600_000;
const PLACED_STATES: readonly SaleState[] = ['PLACED', 'FULFILLED', 'PARTIALLY_FILLED', 'REFUNDED', 'NEEDS_REVIEW', 'TO_VERIFY'];

/**
 * The day's money for what the till sells, as the account saw it: each line names its movements
 * (gift cards: ORDER out, REFUND-ORDER back). The docs do not say which sign `amount` has, so
 * magnitudes are used.
 */
export async function accountNetDebit(s: Pick<ReconcileDeps, 'lines' | 'keySession'>, from: number, to: number): Promise<number | null> {
  const debit = new Set(s.lines.all().flatMap((l) => l.accountMoves.debit));
  const refund = new Set(s.lines.all().flatMap((l) => l.accountMoves.refund));
  try {
    const moves = await s.keySession().client.listAllTransactions(from, to);
    let net = 0;
    for (const m of moves) {
      if (debit.has(m.type)) net += Math.abs(m.amountC);
      else if (refund.has(m.type)) net -= Math.abs(m.amountC);
    }
    return net;
  } catch {
    return null;
  }
}

/** A provider order of the day, tagged with the product line that read it. */
export type ProviderOrder = LineOrder & { line: string };

/** The provider's side of a day: every line's orders, an hour either side, and the day's own. */
export interface ProviderDay {
  from: number;
  to: number;
  orders: ProviderOrder[];
  dayOrders: ProviderOrder[];
}

/**
 * Reads a day at the provider. An hour either side of the day is read so that a sale confirmed
 * just before midnight is not reported missing.
 */
export async function readProviderDay(s: Pick<ReconcileDeps, 'lines' | 'keySession'>, day: string): Promise<ProviderDay> {
  const { from, to } = localDayBounds(day);
  const client = s.keySession().client;
  const orders: ProviderOrder[] = [];
  for (const line of s.lines.all()) {
    for (const o of await line.listOrders(client, from - HOUR, to + HOUR, 200)) orders.push({ ...o, line: line.id });
  }
  const inDay = (o: LineOrder) => {
    const t = o.time ? Date.parse(o.time) : NaN;
    return t >= from && t < to;
  };
  return { from, to, orders, dayOrders: orders.filter(inDay) };
}

/** What the comparison needs of a sale, whichever ledger it comes from (this till's, or the shop's copy). */
export type ComparedSale = Pick<SaleRow, 'id' | 'state' | 'order_id' | 'fulfilled_amount_c'>;

/**
 * The ledger's side against the provider's, as a pure rule: placed sales whose order the provider
 * does not list, amounts that differ (once both sides are final), and the cost the ledger counts.
 */
export function compareSales<S extends ComparedSale>(
  sales: readonly S[],
  byId: ReadonlyMap<string, LineOrder>,
): { missingAtProvider: { sale: S; orderId: string }[]; amountDifferences: { sale: S; orderId: string; providerC: number }[]; ledgerCostC: number } {
  const missingAtProvider: { sale: S; orderId: string }[] = [];
  const amountDifferences: { sale: S; orderId: string; providerC: number }[] = [];
  let ledgerCostC = 0;
  for (const r of sales) {
    if (!r.order_id || !PLACED_STATES.includes(r.state)) continue;
    ledgerCostC += r.fulfilled_amount_c;
    const o = byId.get(r.order_id);
    if (!o) missingAtProvider.push({ sale: r, orderId: r.order_id });
    else if (o.status !== 'HANDLING' && r.state !== 'PLACED' && o.fulfilledAmountC !== r.fulfilled_amount_c) {
      amountDifferences.push({ sale: r, orderId: r.order_id, providerC: o.fulfilledAmountC });
    }
  }
  return { missingAtProvider, amountDifferences, ledgerCostC };
}

/** How an unknown provider order is listed in a report. */
export function missingOrderOf(o: LineOrder, adoptedSaleId: number | null): ReconcileReport['missingInLedger'][number] {
  return {
    orderId: o.orderId,
    productId: o.productId,
    typeId: o.typeId,
    quantity: o.quantity,
    status: o.status,
    time: o.time,
    amountC: o.fulfilledAmountC,
    adoptedSaleId,
  };
}

/**
 * Compares a day of the ledger with the provider's own order list: orders the till does not know
 * (optionally adopted as "found at provider", with their cards), sales the provider does not
 * list, and amounts that differ.
 */
export async function reconcileDay(s: ReconcileDeps, day: string, adopt: boolean): Promise<ReconcileReport> {
  const { from, to, orders, dayOrders } = await readProviderDay(s, day);
  const byId = new Map(orders.map((o) => [o.orderId, o]));
  const rows = s.ledger.select<SaleRow>('SELECT * FROM sales WHERE created_at >= @from AND created_at < @to ORDER BY id', { from, to });
  const session = s.keySession();

  const missingInLedger: ReconcileReport['missingInLedger'] = [];
  const unknownHere = dayOrders.filter((o) => !s.ledger.isKnownOrderId(o.orderId));
  // 'unreachable' is never read as "free": nothing is adopted then, and the report says so.
  const ownedElsewhere = s.guard && unknownHere.length > 0 ? await s.guard.owned(unknownHere.map((o) => o.orderId)) : new Set<string>();
  let adoptionWaiting = false;
  // A flagged sale's candidates (this till's, or another till's as pushed) may be that sale's own
  // order: adopted as "found" it would be taken from the sale, whose customer would then be
  // refunded for a card the shop holds. The owner's review decides; while nobody can say which
  // orders wait for one, nothing is adopted.
  const here = ordersAwaitingReview(s.ledger);
  const elsewhere = s.guard && unknownHere.length > 0 ? await s.guard.flaggedElsewhere() : { orders: new Map(), unreadable: 0 };
  const reviewUnknown = here.unreadable > 0 || elsewhere === 'unreachable' || elsewhere.unreadable > 0;
  for (const o of unknownHere) {
    if (ownedElsewhere !== 'unreachable' && ownedElsewhere.has(o.orderId)) continue; // another till's sale
    // This till's engine may have recovered it while the server was asked (the awaits above and a
    // claim below): it is a sale here now, and a second row would break the one-order-one-sale index.
    if (s.ledger.isKnownOrderId(o.orderId)) continue;
    const reviewSaleId = here.orders.get(o.orderId);
    const reviewAt = elsewhere === 'unreachable' ? undefined : elsewhere.orders.get(o.orderId);
    if (reviewSaleId !== undefined || reviewAt !== undefined) {
      missingInLedger.push({
        ...missingOrderOf(o, null),
        ...(reviewSaleId !== undefined ? { reviewSaleId } : { reviewSaleId: reviewAt!.saleId, reviewTill: reviewAt!.till }),
      });
      continue;
    }
    let adoptedSaleId: number | null = null;
    if (adopt && o.productId && o.typeId && (ownedElsewhere === 'unreachable' || reviewUnknown)) adoptionWaiting = true;
    else if (adopt && o.productId && o.typeId) {
      const quantity = o.quantity ?? Math.max(1, o.items.length);
      const row = s.ledger.insertFound(
        {
          product_id: o.productId,
          product_title: s.catalog.productTitle(o.productId) ?? o.productId,
          type_id: o.typeId,
          type_name: s.catalog.typeName(o.productId, o.typeId) ?? o.typeId,
          quantity,
          unit_cost_c: o.pricePerUnitC ?? 0,
          // Not sold at this counter: nobody collected money for it.
          unit_retail_c: 0,
          cashier: 'OneClickDZ',
          mode: session.effectiveMode,
          key_id: session.keyId,
          expires_at: null,
          state: SALE_STATE_OF_ORDER[o.status],
          order_id: o.orderId,
          delivered_quantity: o.status === 'REFUNDED' ? 0 : o.deliveredQuantity,
          fulfilled_amount_c: o.fulfilledAmountC,
          created_at: o.time ? Date.parse(o.time) : from,
          line: o.line,
        },
        o.status === 'HANDLING' ? [] : o.items,
      );
      // The claim names the local sale, so it follows the insert; a refused claim takes the row back.
      const claimed = s.guard ? await s.guard.claim(o.orderId, row.id, o.line).catch(() => 'unreachable' as const) : 'ours';
      if (claimed !== 'ours') {
        s.ledger.forgetFound(row.id);
        if (claimed === 'other') continue; // another till adopted it at the same moment: its sale
        adoptionWaiting = true;
      } else {
        adoptedSaleId = row.id;
        s.moves.changed(row);
      }
    }
    missingInLedger.push(missingOrderOf(o, adoptedSaleId));
  }
  if (adopt) s.kickEngine();

  const compared = compareSales(rows, byId);
  return {
    accountNetDebitC: await accountNetDebit(s, from, to),
    day,
    providerOrders: dayOrders.length,
    ledgerSales: rows.length,
    missingInLedger,
    missingAtProvider: compared.missingAtProvider.map((m) => ({ saleId: m.sale.id, orderId: m.orderId, state: m.sale.state })),
    amountDifferences: compared.amountDifferences.map((d) => ({
      saleId: d.sale.id,
      orderId: d.orderId,
      ledgerC: d.sale.fulfilled_amount_c,
      providerC: d.providerC,
    })),
    ledgerCostC: compared.ledgerCostC,
    providerChargedC: dayOrders.reduce((sum, o) => sum + o.fulfilledAmountC, 0),
    ...(adoptionWaiting ? { adoptionWaiting } : {}),
  };
}

/** The owner's comparison of a day with the provider, optionally adopting what the till missed. */
export function reconcileHandlers(s: ReconcileDeps): Pick<CommandHandlers, 'reconcile:day'> {
  return { 'reconcile:day': async ({ day, adopt }) => reconcileDay(s, day, adopt ?? false) };
}
