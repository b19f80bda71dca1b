import { timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { EVENT_NAMES, type CommandHandlers } from '../../shared/contract';
import { HTTP_COMMAND_PREFIX, HTTP_EVENTS_PATH, HTTP_SECRET_HEADER } from '../../shared/api';
import { dispatchByName } from '../core/dispatch';
import type { Logger, TillCore } from '../core/ports';

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

  const server = http.createServer((req, res) => {
    const port = (server.address() as { port: number } | null)?.port;
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return send(res, 421, '{"error":"wrong host"}');
    const url = new URL(req.url ?? '/', `http://${host}`);

    if (req.method === 'POST' && url.pathname.startsWith(HTTP_COMMAND_PREFIX)) {
      const origin = req.headers.origin;
      if (origin && origin !== `http://${host}`) return send(res, 403, '{"error":"wrong origin"}');
      if (!sameSecret(req.headers[HTTP_SECRET_HEADER] as string | undefined, o.secret)) {
        return send(res, 401, JSON.stringify({ ok: false, error: { code: 'NOT_ALLOWED', message: 'This page is not the till' } }));
      }
      const name = decodeURIComponent(url.pathname.slice(HTTP_COMMAND_PREFIX.length));
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY) req.destroy();
        else chunks.push(c);
      });
      req.on('end', async () => {
        let input: unknown;
        try {
          input = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
        } catch {
          return send(res, 200, JSON.stringify({ ok: false, error: { code: 'INVALID_INPUT', message: 'body: not JSON', details: { field: 'body' } } }));
        }
        const result = await dispatchByName(handlers, name, input, o.logger);
        send(res, 200, JSON.stringify(result));
      });
      return;
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
  });
  server.on('close', () => {
    for (const s of streams) s.end();
  });
  return server;
}

function serveStatic(pathname: string, res: http.ServerResponse, root: string): void {
  const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  const file = path.resolve(root, rel);
  if (!file.startsWith(path.resolve(root) + path.sep)) return send(res, 404, 'not found', 'text/plain');
  fs.readFile(file, (err, data) => {
    if (err) return send(res, 404, 'not found', 'text/plain');
    res.writeHead(200, {
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    });
    res.end(data);
  });
}
