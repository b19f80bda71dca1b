import type { z } from 'zod';
import { dzdToCentimes } from '../../../shared/money';
import type { ErrorCode } from '../../../shared/result';
import { ApiError } from './errors';
import type { envelopeSchema } from './schemas';

type Envelope = z.infer<typeof envelopeSchema>;

/** Provider text may echo request fields; keep it short and single-line, it never holds the key. */
function providerText(env: Envelope | null): string {
  const raw = env?.error?.message ?? env?.message ?? '';
  return raw.replace(/\s+/g, ' ').slice(0, 200);
}

function retryAfterMs(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const secs = Number(header);
  if (Number.isFinite(secs) && secs >= 0) return Math.round(secs * 1000);
  const at = Date.parse(header);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

function amountDetails(details: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  const required = details?.required;
  const available = details?.available;
  if (typeof required === 'number' && Number.isFinite(required)) out.requiredC = dzdToCentimes(required);
  if (typeof available === 'number' && Number.isFinite(available)) out.availableC = dzdToCentimes(available);
  return Object.keys(out).length ? out : undefined;
}

/**
 * Maps a non-success HTTP answer to a typed error. `isOrder` marks placeOrder, for which a 5xx
 * means "may have been created" rather than "try again".
 */
export function classifyHttpError(status: number, env: Envelope | null, headers: Record<string, string | undefined>, isOrder: boolean): ApiError {
  const code = (env?.error?.code ?? '').toUpperCase();
  const text = providerText(env);
  const suffix = text ? `: ${text}` : '';
  const details = env?.error?.details;
  const requestId = env?.requestId ?? env?.meta?.requestId;
  const withRequest = (extra?: Record<string, unknown>) => {
    const d = { ...(extra ?? {}), ...(requestId ? { requestId } : {}), providerCode: code || undefined, httpStatus: status };
    return Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined));
  };
  const rejected = (c: ErrorCode, message: string, extra?: Record<string, unknown>) => new ApiError('rejected', c, message, withRequest(extra));

  if (status === 429) {
    const wait = retryAfterMs(headers['retry-after']);
    return new ApiError(
      'rate_limited',
      'API_RATE_LIMITED',
      'The provider asked us to slow down',
      withRequest(wait !== undefined ? { retryAfterMs: wait } : undefined),
      wait,
    );
  }
  if (code === 'IP_BLOCKED') {
    return new ApiError('auth', 'API_IP_BLOCKED', "This shop's IP address is blocked for 15 minutes after invalid key attempts", withRequest());
  }
  if (status === 401 || code === 'INVALID_ACCESS_TOKEN' || code === 'ERR_AUTH' || code === 'MISSING_ACCESS_TOKEN') {
    const attemptsLeft = typeof details?.attemptsLeft === 'number' ? details.attemptsLeft : undefined;
    return new ApiError('auth', 'API_AUTH', 'The API key was refused by the provider', withRequest(attemptsLeft !== undefined ? { attemptsLeft } : undefined));
  }
  if (code === 'INSUFFICIENT_BALANCE' || code === 'NO_BALANCE' || /balance/i.test(text)) {
    return rejected('INSUFFICIENT_BALANCE', 'The OneClickDZ balance is too low for this order', amountDetails(details));
  }
  if (code.includes('STOCK') || /stock/i.test(text)) {
    return rejected('OUT_OF_STOCK', 'This denomination is out of stock at the provider');
  }
  if (code === 'IP_NOT_ALLOWED' || /whitelist|not allowed/i.test(text)) {
    return new ApiError('auth', 'API_IP_NOT_ALLOWED', "This shop's IP address is not on the key's allowed list", withRequest());
  }
  if (code.includes('PERMISSION') || code.includes('READ_ONLY') || /read[- ]only|permission/i.test(text)) {
    return rejected('API_READ_ONLY', 'This API key is read-only and cannot place orders');
  }
  if (status === 404 || code === 'NOT_FOUND') {
    return new ApiError('not_found', 'NOT_FOUND', `Not found at the provider${suffix}`, withRequest());
  }
  if (status >= 500) {
    return isOrder
      ? new ApiError('unknown', 'API_OUTCOME_UNKNOWN', `The provider failed while handling the order (HTTP ${status}); it may have been created`, withRequest())
      : new ApiError('server', 'API_ERROR', `The provider is failing (HTTP ${status})`, withRequest());
  }
  if (status === 400 || code === 'ERR_VALIDATION') {
    const field = typeof details?.field === 'string' ? details.field : undefined;
    return rejected('API_VALIDATION', `The provider refused the request${suffix}`, field ? { field } : undefined);
  }
  return rejected('API_ERROR', `The provider refused the request (HTTP ${status})${suffix}`);
}
