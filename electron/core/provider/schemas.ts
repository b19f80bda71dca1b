import { z } from 'zod';

/**
 * Provider response schemas. They accept the documented variants (oneclickdz-api.md §3, §4):
 * category `title`/`name`, type `id`/`_id`, pagination under `data` or `meta`, and order fields
 * that are absent while an order is HANDLING. Unknown fields are ignored.
 */
const idString = z.string().min(1).max(200);
const money = z.number().finite().nonnegative();

export const envelopeSchema = z.looseObject({
  success: z.boolean(),
  data: z.unknown().optional(),
  error: z
    .looseObject({
      code: z.string().optional(),
      message: z.string().optional(),
      details: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
  message: z.string().optional(),
  requestId: z.string().optional(),
  meta: z.looseObject({ timestamp: z.string().optional(), pagination: z.unknown().optional(), requestId: z.string().optional() }).optional(),
});

export const validateDataSchema = z.object({
  username: z.string(),
  apiKey: z.looseObject({
    isEnabled: z.boolean().optional(),
    type: z.enum(['SANDBOX', 'PRODUCTION']),
    scope: z.enum(['READ-WRITE', 'READ-ONLY']),
  }),
});

export const balanceDataSchema = z.object({ balance: money });

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

export const paginationSchema = z.looseObject({
  page: z.number().int(),
  pageSize: z.number().int().optional(),
  totalPages: z.number().int(),
  totalResults: z.number().int().optional(),
});

export const orderListDataSchema = z.looseObject({
  items: z.array(orderDataSchema),
  pagination: paginationSchema.optional(),
});

export const transactionSchema = z.looseObject({
  _id: z.string().optional(),
  type: z.string(),
  operation: z.string().optional(),
  amount: z.number().finite(),
  oldBalance: z.number().finite().optional(),
  newBalance: z.number().finite().optional(),
  objid: z.string().nullable().optional(),
  note: z.string().nullable().optional(),
  time: z.string(),
});

export const transactionListDataSchema = z.looseObject({
  items: z.array(transactionSchema),
  pagination: paginationSchema.optional(),
});
