import { AppError, type ErrorCode } from '../../../shared/result';

/**
 * How a failed call bears on a sale:
 * - unsent: the provider certainly did not receive the request (safe to send again later);
 * - unknown: it may have been processed (never resend a placeOrder; reconcile instead);
 * - rejected: the provider refused it (validation, balance, stock, permissions);
 * - auth: the key is wrong or the IP is blocked (stop all calls, never retry automatically);
 * - rate_limited: not accepted, try again after `retryAfterMs`;
 * - bad_response: a GET answered with something we cannot read.
 */
export type ApiErrorKind = 'unsent' | 'unknown' | 'rejected' | 'auth' | 'rate_limited' | 'bad_response' | 'not_found' | 'server';

export class ApiError extends AppError {
  constructor(
    readonly kind: ApiErrorKind,
    code: ErrorCode,
    message: string,
    details?: Record<string, unknown>,
    readonly retryAfterMs?: number,
  ) {
    super(code, message, details);
    this.name = 'ApiError';
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
