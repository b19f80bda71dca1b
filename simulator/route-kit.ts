/** What a simulator route is, and the helpers every route module (account, product lines) uses. */
import type { EndpointName } from './constants';
import { failure, type ApiReply } from './envelope';
import type { SimState } from './state';
import type { SimKeyInfo } from './types';
import type { ValidationProblem } from './validation';

export interface RouteContext {
  state: SimState;
  now: Date;
  /** Null only on routes that need no token. */
  caller: { key: string; info: SimKeyInfo } | null;
  params: string[];
  query: URLSearchParams;
  body: string;
}

export interface Route {
  endpoint: EndpointName;
  /** The product line the route belongs to, set by apiRoutes (a fault can aim at one line). */
  line?: string;
  method: 'GET' | 'POST';
  pattern: RegExp;
  needsToken: boolean;
  handle(ctx: RouteContext): ApiReply;
}

export function validationError(now: Date, p: ValidationProblem): ApiReply {
  const details: Record<string, unknown> = { field: p.field };
  if (p.value !== undefined) details.value = p.value;
  return failure(now, 400, 'ERR_VALIDATION', p.message, details);
}

export function caller(ctx: RouteContext): { key: string; info: SimKeyInfo } {
  // The pipeline authenticates before dispatching; reaching here without a caller is a wiring bug.
  if (!ctx.caller) throw new Error('route requires an authenticated caller');
  return ctx.caller;
}

/** One path segment (an id) of a route's pattern. */
export const ID = '([^/]+)';
