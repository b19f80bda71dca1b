import type { z } from 'zod';
import { dzdToCentimes, type Centimes } from '../../../../shared/money';
import { walkPages, type OneClickDzClient, type Page } from '../../provider/client';
import { ApiError } from '../../provider/errors';
import { paginationSchema } from '../../provider/schemas';
import type { LineCatalog, LineProduct } from '../product-line';
import { catalogDataSchema, orderDataSchema, orderListDataSchema, placeOrderDataSchema, productDataSchema } from './gift-card-schemas';

export type GiftCardOrderStatus = 'HANDLING' | 'FULFILLED' | 'PARTIALLY_FILLED' | 'REFUNDED';

/** A gift-card order as /v3/gift-cards/checkOrder and /list give it. */
export interface GiftCardOrder {
  orderId: string;
  status: GiftCardOrderStatus;
  quantity: number | null;
  deliveredQuantity: number;
  fulfilledAmountC: Centimes;
  pricePerCardC: Centimes | null;
  cards: { value: string; serial: string }[];
  productId: string | null;
  typeId: string | null;
  time: string | null;
}

/** The gift-card endpoints (/v3/gift-cards/*), over the client's shared key, gate and transport rules. */
export class GiftCardApi {
  constructor(private readonly api: OneClickDzClient) {}

  async catalog(): Promise<LineCatalog> {
    const data = this.api.parse(catalogDataSchema, await this.api.read('/v3/gift-cards/catalog'), 'catalog');
    return {
      categories: data.categories.map((c, i) => ({
        title: c.title ?? c.name ?? `#${i + 1}`,
        products: c.products.map((p) => ({
          id: (p.id ?? p._id) as string,
          title: p.title ?? p.name ?? '',
          enabled: p.enabled ?? true,
          region: p.region ?? null,
        })),
      })),
    };
  }

  async checkProduct(productId: string): Promise<LineProduct> {
    const data = this.api.parse(productDataSchema, await this.api.read(`/v3/gift-cards/checkProduct/${encodeURIComponent(productId)}`), 'checkProduct');
    return {
      productId: data.productId ?? data._id ?? productId,
      title: data.productTitle ?? data.title ?? '',
      types: data.types.map((t) => ({
        id: (t.id ?? t._id) as string,
        name: t.name,
        costC: dzdToCentimes(t.price),
        stock: Math.max(0, Math.floor(t.quantity)),
      })),
    };
  }

  /**
   * Sent once. Errors say whether the order certainly was not created (kind `unsent`) or may have
   * been (`unknown`). `turnTaken`: the caller already waited its turn with `waitTurn`.
   */
  async placeOrder(input: { productId: string; typeId: string; quantity: number }, opts: { turnTaken?: boolean } = {}): Promise<{ orderId: string }> {
    const raw = await this.api.sendOrder('/v3/gift-cards/placeOrder', { productId: input.productId, typeId: input.typeId, quantity: input.quantity }, opts);
    const parsed = placeOrderDataSchema.safeParse(raw);
    if (!parsed.success) {
      // The provider said "success" but we cannot read the order id: it may well exist.
      throw new ApiError('unknown', 'API_OUTCOME_UNKNOWN', 'The provider accepted the order but its answer was unreadable');
    }
    return { orderId: parsed.data.orderId };
  }

  async checkOrder(orderId: string): Promise<GiftCardOrder> {
    const data = this.api.parse(orderDataSchema, await this.api.read(`/v3/gift-cards/checkOrder/${encodeURIComponent(orderId)}`), 'checkOrder');
    return toOrder(data, orderId);
  }

  async listOrders(q: { page: number; pageSize: number; from: string; to: string }): Promise<Page<GiftCardOrder>> {
    const qs = new URLSearchParams({ page: String(q.page), pageSize: String(q.pageSize), from: q.from, to: q.to });
    const { data, meta } = await this.api.readList(`/v3/gift-cards/list?${qs}`);
    const parsed = this.api.parse(orderListDataSchema, data, 'list');
    const pagination = parsed.pagination ?? paginationSchema.safeParse(meta?.pagination).data;
    return {
      items: parsed.items.filter((o) => (o._id ?? o.id) !== undefined).map((o) => toOrder(o, '')),
      page: pagination?.page ?? q.page,
      totalPages: pagination?.totalPages ?? q.page,
    };
  }

  /** Every order in a time window, walking the pages (the provider returns at most 100 a page). */
  listAllOrders(from: number, to: number, maxPages = 200): Promise<GiftCardOrder[]> {
    return walkPages((range) => this.listOrders(range), from, to, maxPages);
  }
}

/** The gift-card endpoints of a client. */
export const giftCards = (api: OneClickDzClient) => new GiftCardApi(api);

function toOrder(o: z.infer<typeof orderDataSchema>, fallbackId: string): GiftCardOrder {
  const cards = (o.cards ?? []).map((c) => ({ value: c.value, serial: c.serial }));
  return {
    orderId: o._id ?? o.id ?? fallbackId,
    status: o.status,
    quantity: o.quantity ?? null,
    deliveredQuantity: o.fulfilled_quantity ?? (o.status === 'HANDLING' ? 0 : cards.length),
    fulfilledAmountC: o.fulfilled_amount !== undefined ? dzdToCentimes(o.fulfilled_amount) : 0,
    pricePerCardC: o.price_per_card !== undefined ? dzdToCentimes(o.price_per_card) : null,
    cards,
    productId: o.product ?? null,
    typeId: o.type ?? null,
    time: o.time ?? null,
  };
}
