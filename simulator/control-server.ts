import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { CONTROL_TOKEN_HEADER } from './constants';
import {
  SimControlError,
  balanceInputSchema,
  configInputSchema,
  directOrderInputSchema,
  internetAvailableInputSchema,
  offlineInputSchema,
  planEnabledInputSchema,
  resolveTopupInputSchema,
  stockInputSchema,
} from './control';
import { faultSpecSchema } from './faults';
import { BodyTooLargeError, closeServer, listen, readBody, sendJson, trackSockets } from './http-util';
import type { SimFaultSpec, SimulatorControl } from './types';

type Handler = (body: unknown) => unknown;

function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `application/json`, with or without parameters: a form or `text/plain` POST from a web page is not. */
function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/**
 * The control over JSON, on its own port, so that a till running in another process (e2e tests,
 * benchmarks) can inject faults. It stays up while the API port is offline.
 *
 * It can empty the balance, read every card code and take the API offline, so it is opened only when
 * a test asks for it, and then any web page the machine visits must not reach it: every request
 * needs the per-launch token, a Host naming this listener (no DNS rebinding) and, with a body,
 * a JSON content type (a cross-origin form or `text/plain` POST needs no preflight, so it is refused).
 */
export class ControlServer {
  private readonly server = createServer((req, res) => {
    this.handle(req, res).catch(() => sendJson(res, 500, { error: { code: 'INTERNAL', message: 'control operation failed' } }));
  });
  /** Per launch; handed to the test that started the simulator, never printed elsewhere. */
  readonly token = randomBytes(24).toString('base64url');
  private port = 0;
  private readonly sockets = trackSockets(this.server);
  private readonly routes: Record<string, Handler>;

  constructor(control: SimulatorControl) {
    this.routes = {
      'POST /faults': (b) => {
        control.addFault(faultSpecSchema.parse(b) as SimFaultSpec);
        return { ok: true };
      },
      'DELETE /faults': () => {
        control.clearFaults();
        return { ok: true };
      },
      'POST /offline': async (b) => {
        await control.setOffline(offlineInputSchema.parse(b).offline);
        return { ok: true };
      },
      'POST /balance': (b) => {
        control.setBalance(balanceInputSchema.parse(b).dzd);
        return { ok: true };
      },
      'GET /balance': () => ({ dzd: control.getBalance() }),
      'POST /stock': (b) => {
        const s = stockInputSchema.parse(b);
        control.setStock(s.productId, s.typeId, s.qty);
        return { ok: true };
      },
      'POST /config': (b) => {
        control.setConfig(configInputSchema.parse(b));
        return { ok: true };
      },
      'GET /orders': () => control.orders(),
      'POST /orders': (b) => control.placeOrderDirect(directOrderInputSchema.parse(b)),
      'GET /topups': () => control.topups(),
      'POST /topups/resolve': (b) => {
        const r = resolveTopupInputSchema.parse(b);
        return control.resolveTopup(r.id, r.status);
      },
      'POST /mobile/plan-enabled': (b) => {
        const p = planEnabledInputSchema.parse(b);
        control.setPlanEnabled(p.code, p.enabled);
        return { ok: true };
      },
      'POST /internet/available': (b) => {
        const a = internetAvailableInputSchema.parse(b);
        control.setInternetAvailable(a.type, a.value, a.available);
        return { ok: true };
      },
      'GET /requests': () => control.requestLog(),
      'DELETE /requests': () => {
        control.resetRequestLog();
        return { ok: true };
      },
    };
  }

  async start(): Promise<number> {
    this.port = await listen(this.server, 0);
    return this.port;
  }

  close(): Promise<void> {
    return closeServer(this.server, this.sockets);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host;
    if (host !== `127.0.0.1:${this.port}` && host !== `localhost:${this.port}`) {
      sendJson(res, 403, { error: { code: 'FORBIDDEN', message: 'wrong host' } });
      return;
    }
    if (!sameToken(req.headers[CONTROL_TOKEN_HEADER], this.token)) {
      sendJson(res, 401, { error: { code: 'UNAUTHORIZED', message: 'control token missing or wrong' } });
      return;
    }
    if (req.method === 'POST' && !isJson(req.headers['content-type'])) {
      sendJson(res, 415, { error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'body must be application/json' } });
      return;
    }
    const target = req.url ?? '';
    const path = target.startsWith('/') ? target.split('?')[0] : '';
    const handler = Object.hasOwn(this.routes, `${req.method} ${path}`) ? this.routes[`${req.method} ${path}`] : undefined;
    if (!handler) {
      sendJson(res, 404, { error: { code: 'NOT_FOUND', message: 'no such control route' } });
      return;
    }
    try {
      let body: unknown = undefined;
      if (req.method === 'POST') {
        const text = await readBody(req);
        try {
          body = text === '' ? {} : JSON.parse(text);
        } catch {
          sendJson(res, 400, { error: { code: 'BAD_REQUEST', message: 'body must be JSON' } });
          return;
        }
      }
      sendJson(res, 200, await handler(body));
    } catch (err) {
      if (err instanceof z.ZodError) {
        sendJson(res, 400, { error: { code: 'BAD_REQUEST', message: 'invalid input', issues: err.issues } });
      } else if (err instanceof SimControlError) {
        sendJson(res, err.status, { error: { code: err.code, message: err.message } });
      } else if (err instanceof BodyTooLargeError) {
        sendJson(res, 413, { error: { code: 'BAD_REQUEST', message: 'body too large' } });
      } else {
        sendJson(res, 500, { error: { code: 'INTERNAL', message: 'control operation failed' } });
      }
    }
  }
}
