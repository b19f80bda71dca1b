import { dzd, failure, success } from '../../envelope';
import { caller, ID, validationError, type Route } from '../../route-kit';
import { inWindow, paginate, parsePageQuery, parsePlaceOrderBody } from '../../validation';
import { orderJson } from '../../views';
import type { SimProductLine } from '../product-line';

/** The gift-card endpoints (/v3/gift-cards/*): catalogue, product check, order, status and list. */
const routes: readonly Route[] = [
  {
    endpoint: 'catalog',
    method: 'GET',
    pattern: /^\/v3\/gift-cards\/catalog$/,
    needsToken: true,
    handle: ({ now, state }) => {
      const categories = state.catalog.categories.map((c) => ({
        title: c.title,
        products: c.products.map((p) => ({
          id: p.id,
          title: p.title,
          enabled: p.enabled,
          ...(p.region === undefined ? {} : { region: p.region }),
        })),
      }));
      // The API reference puts the totals at the top level of the body (the guide says meta).
      return success(now, { categories }, { totalCategories: categories.length, totalProducts: state.catalog.products.size });
    },
  },
  {
    endpoint: 'checkProduct',
    method: 'GET',
    pattern: new RegExp(`^/v3/gift-cards/checkProduct/${ID}$`),
    needsToken: true,
    handle: ({ now, state, params }) => {
      const product = state.product(params[0] ?? '');
      if (!product) return failure(now, 404, 'NOT_FOUND', 'Product not found');
      return success(now, {
        productId: product.id,
        productTitle: product.title,
        types: product.types.map((t) => ({
          id: t.id,
          name: t.name,
          price: dzd(t.priceC),
          quantity: state.sellableStock(product, t.id),
        })),
      });
    },
  },
  {
    endpoint: 'placeOrder',
    method: 'POST',
    pattern: /^\/v3\/gift-cards\/placeOrder$/,
    needsToken: true,
    handle: (ctx) => {
      const { now, state } = ctx;
      const { key, info } = caller(ctx);
      if (info.scope !== 'READ-WRITE') return failure(now, 403, 'INSUFFICIENT_PERMISSIONS', 'This API key is read-only');
      const parsed = parsePlaceOrderBody(ctx.body);
      if (!parsed.ok) return validationError(now, parsed.problem);
      const result = state.placeOrder(key, parsed.body);
      if (result.ok) return success(now, { orderId: result.order.id });
      const f = result.failure;
      switch (f.code) {
        case 'PRODUCT_NOT_FOUND':
          return failure(now, 404, 'NOT_FOUND', 'Product not found');
        case 'TYPE_NOT_FOUND':
          return failure(now, 404, 'NOT_FOUND', 'Product type not found');
        case 'OUT_OF_STOCK':
          return failure(now, 400, 'OUT_OF_STOCK', 'Product out of stock', { available: f.available });
        case 'INSUFFICIENT_BALANCE':
          return failure(now, 403, 'INSUFFICIENT_BALANCE', 'Your balance is insufficient for this operation', {
            required: dzd(f.requiredC),
            available: dzd(f.availableC),
          });
      }
    },
  },
  {
    endpoint: 'checkOrder',
    method: 'GET',
    pattern: new RegExp(`^/v3/gift-cards/checkOrder/${ID}$`),
    needsToken: true,
    handle: (ctx) => {
      const { key } = caller(ctx);
      const order = ctx.state.order(ctx.params[0] ?? '');
      // Another key's order is indistinguishable from a missing one, as a multi-tenant API would do.
      if (!order || order.key !== key) return failure(ctx.now, 404, 'NOT_FOUND', 'Order not found');
      return success(ctx.now, orderJson(order));
    },
  },
  {
    endpoint: 'list',
    method: 'GET',
    pattern: /^\/v3\/gift-cards\/list$/,
    needsToken: true,
    handle: (ctx) => {
      const { key } = caller(ctx);
      const q = parsePageQuery(ctx.query);
      if (!q.ok) return validationError(ctx.now, q.problem);
      const mine = ctx.state
        .orders()
        .filter((o) => o.key === key && inWindow(o.createdAtMs, q.query))
        .reverse();
      const page = paginate(mine, q.query);
      return success(ctx.now, { items: page.items.map(orderJson), pagination: page.pagination });
    },
  },
];

export const giftCardSimLine: SimProductLine = { id: 'gift-cards', routes };
