import { randomBytes } from 'node:crypto';

/** A response the pipeline will write (or, under a fault, withhold). */
export interface ApiReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** `req_<unix seconds>_<random>` as in the provider's examples. */
export function requestId(now: Date): string {
  return `req_${Math.floor(now.getTime() / 1000)}_${randomBytes(6)
    .toString('base64url')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')}`;
}

/** `extraMeta` joins the timestamp in `meta` (the internet list puts its pagination there). */
export function success(now: Date, data: unknown, extraTopLevel?: Record<string, unknown>, extraMeta?: Record<string, unknown>): ApiReply {
  return {
    status: 200,
    body: { success: true, data, ...extraTopLevel, meta: { ...extraMeta, timestamp: now.toISOString() }, requestId: requestId(now) },
  };
}

export function failure(
  now: Date,
  status: number,
  code: string,
  message: string,
  details?: Record<string, unknown>,
  headers?: Record<string, string>,
): ApiReply {
  const error = details === undefined ? { code, message } : { code, message, details };
  const reply: ApiReply = { status, body: { success: false, error, requestId: requestId(now) } };
  if (headers) reply.headers = headers;
  return reply;
}

/** Money leaves the simulator as DZD numbers (may be fractional), like the provider's JSON. */
export function dzd(centimes: number): number {
  return centimes / 100;
}
