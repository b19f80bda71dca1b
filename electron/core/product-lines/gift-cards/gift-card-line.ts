import { z } from 'zod';
import { giftCards, type GiftCardOrder } from './gift-card-api';
import type { LineOrder, ProductLine } from '../product-line';
import { matchCandidates } from './order-match';
import { giftCardSection } from './receipt-section';

/** The first product line: OneClickDZ gift cards (/v3/gift-cards/*), sold by denomination and quantity. */
export const GIFT_CARDS_LINE = 'gift-cards';

const entrySchema = z.object({ productId: z.string().min(1), typeId: z.string().min(1), quantity: z.number().int().positive() });

function toLineOrder(o: GiftCardOrder): LineOrder {
  return {
    orderId: o.orderId,
    status: o.status,
    quantity: o.quantity,
    deliveredQuantity: o.deliveredQuantity,
    fulfilledAmountC: o.fulfilledAmountC,
    pricePerUnitC: o.pricePerCardC,
    items: o.cards,
    productId: o.productId,
    typeId: o.typeId,
    time: o.time,
  };
}

export const giftCardLine: ProductLine<z.infer<typeof entrySchema>> = {
  id: GIFT_CARDS_LINE,
  entrySchema,
  pricing: 'markup',
  deliversCodes: true,
  catalog: (api) => giftCards(api).catalog(),
  product: (api, productId) => giftCards(api).checkProduct(productId),
  placeOrder: (api, sale, opts) => giftCards(api).placeOrder({ productId: sale.productId, typeId: sale.typeId, quantity: sale.quantity }, opts),
  readOrder: async (api, orderId) => toLineOrder(await giftCards(api).checkOrder(orderId)),
  listOrders: async (api, from, to, maxPages) => (await giftCards(api).listAllOrders(from, to, maxPages)).map(toLineOrder),
  // A lost placeOrder is found in the provider's order list (the gift-card API has no client ref).
  recover: async (api, sale, search, isKnown) => matchCandidates(await giftCardLine.listOrders(api, search.from, search.to, 50), sale, search, isKnown),
  // The docs do not say which sign `amount` has, so reconciliation uses magnitudes.
  accountMoves: { debit: ['ORDER'], refund: ['REFUND-ORDER'] },
  receiptSection: giftCardSection,
};
