import { timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { EVENT_NAMES, type CommandHandlers } from '../../shared/contract';
import { HTTP_COMMAND_PREFIX, HTTP_EVENTS_PATH, HTTP_SECRET_HEADER } from '../../shared/api';
import { dispatchByName } from '../core/commands/dispatch';
import { answerClientError, decodePath, HttpRefusal, parseJsonBody, parseTarget, readBody } from './http-request';
import type { Logger, TillCore } from '../core/platform/ports';

export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "connect-src 'self'; frame-src 'self' blob: data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};
const MAX_BODY = 64 * 1024;

function sameSecret(a: string | null | undefined, secret: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(secret);
  return x.length === y.length && timingSafeEqual(x, y);
}

function send(res: http.ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8'): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}

export interface HttpAdapterOptions {
  core: TillCore;
  rendererDir: string;
  secret: string;
  logger: Logger;
}

/**
 * The browser host's transport: the built renderer and the contract over HTTP, for 127.0.0.1 only.
 * Every command needs the per-launch secret; requests naming another host are refused, which
 * stops DNS-rebinding pages from reaching the till.
 */
export function createHttpAdapter(o: HttpAdapterOptions): http.Server {
  const handlers: CommandHandlers = o.core.handlers;
  const streams = new Set<http.ServerResponse>();
  o.core.onEvent((name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const s of streams) s.write(frame);
  });

  const route = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const port = (server.address() as { port: number } | null)?.port;
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 421, '{"error":"wrong host"}');
    const url = parseTarget(req.url);
    if (!url) return send(res, 400, '{"error":"bad request target"}');

    if (req.method === 'POST' && url.pathname.startsWith(HTTP_COMMAND_PREFIX)) {
      const origin = req.headers.origin;
      if (origin && origin !== `http://${host}`) return send(res, 403, '{"error":"wrong origin"}');
      if (!sameSecret(req.headers[HTTP_SECRET_HEADER] as string | undefined, o.secret)) {
        return send(res, 401, JSON.stringify({ ok: false, error: { code: 'NOT_ALLOWED', message: 'This page is not the till' } }));
      }
      const name = decodePath(url.pathname.slice(HTTP_COMMAND_PREFIX.length));
      if (name === null) return send(res, 400, '{"error":"bad command name"}');
      const body = parseJsonBody(await readBody(req, MAX_BODY));
      if (!body.ok) {
        return send(res, 200, JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: 'body: not JSON', details: { field: 'body' } } }));
      }
      const result = await dispatchByName(handlers, name, body.value, o.logger);
      return send(res, 200, JSON.stringify(result));
    }

    if (req.method === 'GET' && url.pathname === HTTP_EVENTS_PATH) {
      if (!sameSecret(url.searchParams.get('secret'), o.secret)) return send(res, 401, '{"error":"secret"}');
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(`: events ${EVENT_NAMES.join(' ')}\n\n`);
      streams.add(res);
      const keepAlive = setInterval(() => res.write(': ping\n\n'), 15_000);
      req.on('close', () => {
        clearInterval(keepAlive);
        streams.delete(res);
      });
      return;
    }

    if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(url.pathname, res, o.rendererDir);
    send(res, 405, '{"error":"method"}');
  };

  // One guard for every request: whatever a request makes a handler throw, that request gets a
  // status and the host keeps serving the till's own tab.
  const server = http.createServer((req, res) => {
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    route(req, res).catch((err: unknown) => {
      if (err instanceof HttpRefusal) {
        res.setHeader('Connection', 'close');
        return send(res, err.status, JSON.stringify({ error: err.message }));
      }
      o.logger.error('http request failed', { error: err instanceof Error ? err.name : typeof err });
      if (res.headersSent) res.destroy();
      else send(res, 500, '{"error":"internal"}');
    });
  });
  server.on('clientError', answerClientError);
  server.on('close', () => {
    for (const s of streams) s.end();
  });
  return server;
}

async function serveStatic(pathname: string, res: http.ServerResponse, root: string): Promise<void> {
  const decoded = pathname === '/' ? 'index.html' : decodePath(pathname);
  if (decoded === null) return send(res, 400, 'bad path', 'text/plain; charset=utf-8');
  const file = path.resolve(root, decoded.replace(/^\/+/, ''));
  if (!file.startsWith(path.resolve(root) + path.sep)) return send(res, 404, 'not found', 'text/plain; charset=utf-8');
  let data: Buffer;
  try {
    data = await fs.promises.readFile(file);
  } catch {
    return send(res, 404, 'not found', 'text/plain; charset=utf-8');
  }
  res.writeHead(200, {
    'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  });
  res.end(data);
}
