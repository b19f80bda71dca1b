import { z } from 'zod';
import { idString, money, paginationSchema } from '../../provider/schemas';

/**
 * The gift-card API's answers (oneclickdz-api.md §3, §4). They accept the documented variants:
 * category `title`/`name`, type `id`/`_id`, and order fields that are absent while an order is
 * HANDLING. Unknown fields are ignored.
 */
const catalogProductSchema = z
  .looseObject({
    id: idString.optional(),
    _id: idString.optional(),
    title: z.string().optional(),
    name: z.string().optional(),
    enabled: z.boolean().optional(),
    region: z.string().nullable().optional(),
  })
  .refine((p) => (p.id ?? p._id) !== undefined, { message: 'product without id' });

export const catalogDataSchema = z.object({
  categories: z.array(
    z.looseObject({
      title: z.string().optional(),
      name: z.string().optional(),
      products: z.array(catalogProductSchema).default([]),
    }),
  ),
});

export const productDataSchema = z.looseObject({
  productId: idString.optional(),
  _id: idString.optional(),
  productTitle: z.string().optional(),
  title: z.string().optional(),
  types: z.array(
    z
      .looseObject({
        id: idString.optional(),
        _id: idString.optional(),
        name: z.string(),
        price: money,
        quantity: z.number().finite().min(0),
      })
      .refine((t) => (t.id ?? t._id) !== undefined, { message: 'type without id' }),
  ),
});

export const placeOrderDataSchema = z.looseObject({ orderId: idString });

export const ORDER_STATUSES = ['HANDLING', 'FULFILLED', 'PARTIALLY_FILLED', 'REFUNDED'] as const;

export const orderDataSchema = z.looseObject({
  _id: idString.optional(),
  id: idString.optional(),
  status: z.enum(ORDER_STATUSES),
  quantity: z.number().int().positive().optional(),
  fulfilled_quantity: z.number().int().min(0).optional(),
  fulfilled_amount: money.optional(),
  price_per_card: money.optional(),
  cards: z.array(z.looseObject({ value: z.string(), serial: z.string().default('') })).optional(),
  product: z.string().optional(),
  type: z.string().optional(),
  time: z.string().optional(),
});

export const orderListDataSchema = z.looseObject({
  items: z.array(orderDataSchema),
  pagination: paginationSchema.optional(),
});
