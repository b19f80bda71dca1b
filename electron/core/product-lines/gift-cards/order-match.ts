import type { LineOrder, SentSale } from '../product-line';

/**
 * Which provider orders could be the one a lost placeOrder created: same product, type and
 * quantity, created in the window around the send time, and not already owned by another sale.
 */
export function matchCandidates(
  orders: readonly LineOrder[],
  sale: Pick<SentSale, 'productId' | 'typeId' | 'quantity' | 'sentAt'>,
  window: { beforeMs: number; afterMs: number },
  isKnown: (orderId: string) => boolean,
): LineOrder[] {
  const from = sale.sentAt - window.beforeMs;
  const to = sale.sentAt + window.afterMs;
  const seen = new Set<string>();
  return orders.filter((o) => {
    if (seen.has(o.orderId)) return false;
    seen.add(o.orderId);
    if (o.productId !== sale.productId || o.typeId !== sale.typeId) return false;
    if (o.quantity !== null && o.quantity !== sale.quantity) return false;
    const t = o.time ? Date.parse(o.time) : NaN;
    if (!Number.isFinite(t) || t < from || t > to) return false;
    return !isKnown(o.orderId);
  });
}
