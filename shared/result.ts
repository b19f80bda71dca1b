import { z } from 'zod';

/**
 * The closed set of error codes that may cross the contract. The renderer maps each code to a
 * message in the cashier's language, so adding a code means adding its translation too.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'NOT_FOUND',
  'NOT_ALLOWED',
  'NOT_SUPPORTED',
  'API_KEY_MISSING',
  'API_UNREACHABLE',
  'API_OUTCOME_UNKNOWN',
  'API_AUTH',
  'API_IP_BLOCKED',
  'API_IP_NOT_ALLOWED',
  'API_READ_ONLY',
  'API_RATE_LIMITED',
  'API_VALIDATION',
  'API_BAD_RESPONSE',
  'API_ERROR',
  'INSUFFICIENT_BALANCE',
  'OUT_OF_STOCK',
  'QUANTITY_LIMIT',
  'QUEUE_FULL',
  'PRICE_TOO_OLD',
  // Top-ups: a number the provider or the format refuses, an amount outside the plan's range, a
  // plan switched off by the provider, a number that belongs to another operator.
  'INVALID_NUMBER',
  'AMOUNT_OUT_OF_RANGE',
  'PLAN_DISABLED',
  'OPERATOR_MISMATCH',
  'INVALID_STATE',
  // Shop-wide views (issue 12): the shop's shared PostgreSQL ledger does not answer; never a partial answer.
  'SHOP_UNREACHABLE',
  'INTERNAL',
] as const;

export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** Details carry only non-secret facts (field names, amounts in centimes, counts, wait times). */
export const appErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type AppErrorShape = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: appErrorSchema })]);
}

/** An error the core throws on purpose; adapters turn it into `{ ok: false, error }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (details) this.details = details;
  }
  toShape(): AppErrorShape {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, details?: Record<string, unknown>): Result<never> {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}
