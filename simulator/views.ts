import { dzd } from './envelope';
import type { OrderRecord, TransactionRecord } from './state';
import type { SimOrder } from './types';

/** An order as checkOrder and list send it: the fulfilment fields appear only once it is final. */
export function orderJson(o: OrderRecord): Record<string, unknown> {
  const base = {
    _id: o.id,
    status: o.status,
    quantity: o.quantity,
    product: o.productId,
    type: o.typeId,
    time: new Date(o.createdAtMs).toISOString(),
  };
  if (o.status === 'HANDLING') return base;
  return {
    ...base,
    fulfilled_quantity: o.delivered.length,
    fulfilled_amount: dzd(o.priceC * o.delivered.length),
    price_per_card: dzd(o.priceC),
    cards: o.delivered.map((c) => ({ value: c.value, serial: c.serial })),
  };
}

export function transactionJson(t: TransactionRecord): Record<string, unknown> {
  return {
    _id: t.id,
    type: t.type,
    operation: t.operation,
    amount: dzd(t.amountC),
    oldBalance: dzd(t.oldBalanceC),
    newBalance: dzd(t.newBalanceC),
    objid: t.objid,
    note: t.note,
    time: new Date(t.timeMs).toISOString(),
  };
}

/** The control API's view of an order (camelCase, for tests). */
export function simOrder(o: OrderRecord): SimOrder {
  return {
    id: o.id,
    productId: o.productId,
    typeId: o.typeId,
    quantity: o.quantity,
    status: o.status,
    createdAt: new Date(o.createdAtMs).toISOString(),
    key: o.key,
    cards: o.delivered.map((c) => ({ value: c.value, serial: c.serial })),
    pricePerCard: dzd(o.priceC),
    fulfilledQuantity: o.delivered.length,
    fulfilledAmount: dzd(o.priceC * o.delivered.length),
  };
}
