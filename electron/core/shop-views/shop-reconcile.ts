import type { ReconcileReport } from '../../../shared/shop';
import { AppError } from '../../../shared/result';
import type { SaleState } from '../../../shared/domain';
import { accountNetDebit, compareSales, missingOrderOf, readProviderDay } from '../reports/reconcile-day';
import type { ShopReconcileDeps, ShopScope } from './shop-scope';
import { tillNamer } from './shop-tills';

type ShopSaleRow = { till_id: string; id: number; state: SaleState; order_id: string | null; fulfilled_amount_c: number };

/**
 * The day of the whole shop (or of one till of it) against the account's orders at the provider
 * (issue 12). An order is the shop's when any till owns it: a claim in `order_owners`, a sale in
 * the shop's copy, or a sale of this till not pushed yet. What is left is an order no till has;
 * it is listed, never adopted here: adopting makes a sale, and a sale is one till's (the owner
 * adopts from the till that should hold it, whose own reconciliation claims the order first).
 *
 * Narrowed to one till, the provider's side is the orders that till owns (so its cost and the
 * provider's charge compare), the orders no till owns are still listed, and the account's
 * movements (which do not say which till) are left out.
 */
export async function reconcileShopDay(scope: ShopScope, s: ShopReconcileDeps, day: string): Promise<ReconcileReport> {
  // Training sells against the built-in simulator: its orders are not the shop's, nor its sales in the copy.
  if (s.keySession().effectiveMode === 'training') {
    throw new AppError('NOT_SUPPORTED', 'The shop-wide reconciliation compares real sales: leave training first', { reason: 'SHOP_RECONCILE_TRAINING' });
  }
  const { reader, tillId } = scope;
  const { from, to, orders, dayOrders } = await readProviderDay(s, day);
  const tillFilter = tillId === undefined ? '' : ' AND till_id = @tillId::uuid';
  const params: Record<string, unknown> = { from, to, ...(tillId === undefined ? {} : { tillId }) };

  const ref = await tillNamer(reader);

  const sales = await reader.select<ShopSaleRow>(
    `SELECT till_id::text AS till_id, id, state, order_id, fulfilled_amount_c FROM shop_sales
      WHERE created_at >= @from AND created_at < @to AND mode IS DISTINCT FROM 'training'${tillFilter}
      ORDER BY till_id, id`,
    params,
  );
  const ids = dayOrders.map((o) => o.orderId);
  const owners = new Map<string, string>();
  if (ids.length > 0) {
    // Both indexed by order id (order_owners' key, shop_sales_order); a sale of another day counts too.
    const rows = await reader.select<{ order_id: string; till_id: string }>(
      `SELECT order_id, till_id::text AS till_id FROM order_owners WHERE order_id = ANY(@ids::text[])
       UNION SELECT order_id, till_id::text AS till_id FROM shop_sales WHERE order_id = ANY(@ids::text[])`,
      { ids },
    );
    for (const r of rows) owners.set(r.order_id, r.till_id);
  }
  for (const id of ids) if (!owners.has(id) && s.isKnownHere(id)) owners.set(id, scope.ownTillId);

  const unowned = dayOrders.filter((o) => !owners.has(o.orderId));
  const counted = tillId === undefined ? dayOrders : dayOrders.filter((o) => owners.get(o.orderId) === tillId);
  const compared = compareSales(sales, new Map(orders.map((o) => [o.orderId, o])));
  return {
    day,
    scope: 'shop',
    ...(tillId === undefined ? {} : { till: ref(tillId) }),
    providerOrders: counted.length,
    ledgerSales: sales.length,
    missingInLedger: unowned.map((o) => missingOrderOf(o, null)),
    missingAtProvider: compared.missingAtProvider.map((m) => ({ saleId: m.sale.id, orderId: m.orderId, state: m.sale.state, till: ref(m.sale.till_id) })),
    amountDifferences: compared.amountDifferences.map((d) => ({
      saleId: d.sale.id,
      orderId: d.orderId,
      ledgerC: d.sale.fulfilled_amount_c,
      providerC: d.providerC,
      till: ref(d.sale.till_id),
    })),
    ledgerCostC: compared.ledgerCostC,
    providerChargedC: counted.reduce((sum, o) => sum + o.fulfilledAmountC, 0),
    accountNetDebitC: tillId === undefined ? await accountNetDebit(s, from, to) : null,
  };
}
