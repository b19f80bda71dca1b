import type { Sale } from '../../../shared/domain';
import type { Ledger, SaleRow } from '../ledger/ledger';
import { moneyFigures, type MoneyFigures } from './money-figures';
import { topUpFacts } from './top-up-facts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const mask = (last4: string) => `•••• ${last4}`;

/** The sale's money (money-figures.ts) from its ledger row. */
export function saleFigures(row: SaleRow): MoneyFigures {
  return moneyFigures({
    state: row.state,
    quantity: row.quantity,
    deliveredQuantity: row.delivered_quantity,
    unitRetailC: row.unit_retail_c,
    refundHandedC: row.refund_handed_c ?? 0,
  });
}

/** Money the cashier hands back: undelivered cards, or the whole sale when nothing will come. */
export function refundDue(row: SaleRow): number {
  return saleFigures(row).refundDueC;
}

/** The renderer's view of a sale: codes masked to their last four characters. */
export function toSaleDto(row: SaleRow, ledger: Pick<Ledger, 'maskedCards'>): Sale {
  return {
    id: row.id,
    state: row.state,
    productId: row.product_id,
    productTitle: row.product_title,
    typeId: row.type_id,
    typeName: row.type_name,
    quantity: row.quantity,
    unitCostC: row.unit_cost_c,
    unitRetailC: row.unit_retail_c,
    totalRetailC: row.unit_retail_c * row.quantity,
    cashier: row.cashier,
    mode: row.mode,
    createdAt: iso(row.created_at) as string,
    updatedAt: iso(row.updated_at) as string,
    sentAt: iso(row.sent_at),
    placedAt: iso(row.placed_at),
    finishedAt: iso(row.finished_at),
    expiresAt: iso(row.expires_at),
    orderId: row.order_id,
    deliveredQuantity: row.delivered_quantity,
    refundDueC: refundDue(row),
    money: { ...saleFigures(row), handedBackAt: iso(row.refund_handed_at ?? null), handedBackBy: row.refund_handed_by ?? null },
    reason: row.reason_code ? { code: row.reason_code, message: row.reason_message ?? '' } : null,
    cards: ['FULFILLED', 'PARTIALLY_FILLED'].includes(row.state)
      ? ledger.maskedCards(row.id).map((c) => ({ index: c.index, codeMasked: mask(c.codeLast4), serialMasked: mask(c.serialLast4) }))
      : [],
    line: row.line,
    recipient: row.recipient,
    topUp: topUpFacts(row),
  };
}
