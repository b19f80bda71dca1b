import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { z } from 'zod';
import { SimControlError, balanceInputSchema, configInputSchema, directOrderInputSchema, offlineInputSchema, stockInputSchema } from './control';
import { faultSpecSchema } from './faults';
import { BodyTooLargeError, closeServer, listen, readBody, sendJson, trackSockets } from './http-util';
import type { SimFaultSpec, SimulatorControl } from './types';

type Handler = (body: unknown) => unknown;

/**
 * The control over JSON, on its own port, so that a till running in another process (e2e tests,
 * benchmarks) can inject faults. It stays up while the API port is offline.
 */
export class ControlServer {
  private readonly server = createServer((req, res) => {
    void this.handle(req, res);
  });
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
      'GET /requests': () => control.requestLog(),
      'DELETE /requests': () => {
        control.resetRequestLog();
        return { ok: true };
      },
    };
  }

  start(): Promise<number> {
    return listen(this.server, 0);
  }

  close(): Promise<void> {
    return closeServer(this.server, this.sockets);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const handler = this.routes[`${req.method ?? 'GET'} ${path}`];
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
