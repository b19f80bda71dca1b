import { z } from 'zod';

/**
 * Provider response schemas shared by every product line: the envelope, the key, the balance,
 * pagination (under `data` or `meta`) and account movements. Each line keeps its own order and
 * catalogue schemas (product-lines/<line>/). Unknown fields are ignored.
 */
export const idString = z.string().min(1).max(200);
export const money = z.number().finite().nonnegative();

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

export const paginationSchema = z.looseObject({
  page: z.number().int(),
  pageSize: z.number().int().optional(),
  totalPages: z.number().int(),
  totalResults: z.number().int().optional(),
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
