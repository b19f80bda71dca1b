import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { IP_BLOCKED_MESSAGE, type AuthGuard } from './auth';
import { failure, type ApiReply } from './envelope';
import type { FaultQueue } from './faults';
import { BodyTooLargeError, closeServer, destroyAll, listen, readBody, sendJson, sendRaw, trackSockets } from './http-util';
import type { RateLimiter } from './rate-limit';
import type { RequestLog } from './request-log';
import { matchRoute, type Route } from './routes';
import type { SimState } from './state';
import type { SimFaultSpec, SimKeyInfo } from './types';

export interface ApiServerDeps {
  state: SimState;
  auth: AuthGuard;
  limiter: RateLimiter;
  faults: FaultQueue;
  log: RequestLog;
  now: () => Date;
  /** Read on every request so setConfig takes effect immediately. */
  latencyMs: () => number;
  /** The account's routes and every product line's (routes.ts apiRoutes). */
  routes: readonly Route[];
}

/** Looks like a response that was cut mid-way by a broken proxy: JSON.parse must fail on it. */
const MALFORMED_BODY = '{"success":true,"data":{"orderId":"';

/**
 * The provider-facing listener: fault injection, latency, IP block, auth, rate limit, then the route.
 * Faults are taken synchronously on arrival so that concurrent requests consume them in order.
 */
export class ApiServer {
  // The training simulator runs inside the till's process: a request it cannot parse (`//[`) gets a
  // 400 instead of an unhandled rejection that would end the till.
  private readonly server = createServer((req, res) => {
    this.handle(req, res).catch(() => sendJson(res, 400, { error: { code: 'BAD_REQUEST', message: 'bad request' } }));
  });
  private readonly sockets = trackSockets(this.server);
  private boundPort = 0;
  private closed = false;
  // Serialises offline/online switches so that overlapping calls cannot interleave close and listen.
  private transition: Promise<void> = Promise.resolve();

  constructor(private readonly deps: ApiServerDeps) {
    this.server.keepAliveTimeout = 5_000;
  }

  get port(): number {
    return this.boundPort;
  }

  async start(port: number): Promise<number> {
    this.boundPort = await listen(this.server, port);
    return this.boundPort;
  }

  setOffline(offline: boolean): Promise<void> {
    const step = this.transition.then(async () => {
      if (this.closed) return;
      if (offline && this.server.listening) {
        // Kept-alive sockets would otherwise keep serving a client that should see the outage.
        await closeServer(this.server, this.sockets);
      } else if (!offline && !this.server.listening) {
        await listen(this.server, this.boundPort);
      }
    });
    this.transition = step.catch(() => undefined);
    return step;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.transition;
    await closeServer(this.server, this.sockets);
    destroyAll(this.sockets);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const { now, faults, log } = this.deps;
    const at = now().getTime();
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const match = matchRoute(this.deps.routes, method, url.pathname);
    const fault = faults.take(match?.route.endpoint ?? null, match?.route.line ?? null);
    const record = (status: number | 'dropped' | 'hung') => log.push({ method, path: url.pathname, at, status });

    if (fault?.kind === 'drop-before') {
      req.socket.destroy();
      record('dropped');
      return;
    }

    let body = '';
    let bodyTooLarge = false;
    if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
      try {
        body = await readBody(req);
      } catch (err) {
        if (!(err instanceof BodyTooLargeError)) {
          // The client went away while sending; there is nobody to answer.
          record('dropped');
          return;
        }
        bodyTooLarge = true;
      }
    }

    const latency = this.deps.latencyMs();
    if (latency > 0) await sleep(latency);
    if (fault?.kind === 'delay' && (fault.delayMs ?? 0) > 0) await sleep(fault.delayMs ?? 0);
    if (this.closed) return;

    const unprocessed = this.unprocessedReply(fault);
    if (unprocessed !== null) {
      if (typeof unprocessed === 'string') sendRaw(res, 200, unprocessed);
      else sendJson(res, unprocessed.status, unprocessed.body, unprocessed.headers);
      record(typeof unprocessed === 'string' ? 200 : unprocessed.status);
      return;
    }

    const reply = bodyTooLarge ? failure(now(), 413, 'ERR_VALIDATION', 'body is too large', { field: 'body' }) : this.process(req, url, match, body);

    switch (fault?.kind) {
      case 'drop-after':
        req.socket.destroy();
        record('dropped');
        return;
      case 'hang-after':
        // Never answered; the socket is destroyed when the simulator goes offline or closes.
        record('hung');
        return;
      case 'error-500-after': {
        const r = internalError(now());
        sendJson(res, r.status, r.body);
        record(r.status);
        return;
      }
      default:
        sendJson(res, reply.status, reply.body, reply.headers);
        record(reply.status);
    }
  }

  /** Faults that answer without touching state; a string is a raw (non-JSON) 200 body. */
  private unprocessedReply(fault: SimFaultSpec | null): ApiReply | string | null {
    const now = this.deps.now();
    switch (fault?.kind) {
      case 'error-500':
        return internalError(now);
      case 'rate-limit':
        return failure(
          now,
          429,
          'RATE_LIMITED',
          'Too many requests',
          undefined,
          fault.retryAfterSec === undefined ? undefined : { 'retry-after': String(fault.retryAfterSec) },
        );
      case 'malformed':
        return MALFORMED_BODY;
      default:
        return null;
    }
  }

  private process(req: IncomingMessage, url: URL, match: { route: Route; params: string[] } | null, body: string): ApiReply {
    const { state, auth, limiter } = this.deps;
    const now = this.deps.now();
    const ip = req.socket.remoteAddress ?? 'unknown';
    try {
      if (auth.isBlocked(ip)) return failure(now, 403, 'IP_BLOCKED', IP_BLOCKED_MESSAGE);
      if (!match) return failure(now, 404, 'NOT_FOUND', `Route ${req.method ?? 'GET'}:${url.pathname} not found`);

      let caller: { key: string; info: SimKeyInfo } | null = null;
      if (match.route.needsToken) {
        const header = req.headers['x-access-token'];
        const token = Array.isArray(header) ? header[0] : header;
        const a = auth.authenticate(ip, token);
        if (!a.ok) return failure(now, a.status, a.code, a.message, a.details);
        caller = { key: a.key, info: a.info };
        const rate = limiter.check(a.key);
        if (!rate.ok) {
          return failure(
            now,
            429,
            'RATE_LIMITED',
            'Too many requests',
            { retryAfter: rate.retryAfterSec },
            {
              'retry-after': String(rate.retryAfterSec),
            },
          );
        }
      }
      return match.route.handle({ state, now, caller, params: match.params, query: url.searchParams, body });
    } catch {
      return internalError(now);
    }
  }
}

function internalError(now: Date): ApiReply {
  return failure(now, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
}
