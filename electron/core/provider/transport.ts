import http from 'node:http';
import https from 'node:https';

/**
 * A single HTTP exchange. Built on node:http rather than fetch because a point of sale must know
 * whether a failed placeOrder could have reached the provider: an error before the request body was
 * fully handed to the socket means the server cannot have parsed it (`phase: 'unsent'`); any later
 * failure leaves the outcome unknown (`phase: 'sent'`).
 */
export interface TransportRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** A fresh connection, so a stale keep-alive socket can never turn a send into an unknown. */
  freshConnection?: boolean;
}

export interface TransportResponse {
  status: number;
  headers: Record<string, string | undefined>;
  bodyText: string;
}

export class TransportError extends Error {
  constructor(
    readonly phase: 'unsent' | 'sent',
    readonly reason: 'refused' | 'dns' | 'offline' | 'timeout' | 'reset' | 'too_large' | 'other',
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export type Transport = (req: TransportRequest) => Promise<TransportResponse>;

const MAX_BODY_BYTES = 8 * 1024 * 1024;
const UNSENT_CODES: Record<string, TransportError['reason']> = {
  ECONNREFUSED: 'refused',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  ENETUNREACH: 'offline',
  EHOSTUNREACH: 'offline',
  ENETDOWN: 'offline',
  EADDRNOTAVAIL: 'offline',
};

const keepAliveHttp = new http.Agent({ keepAlive: true, maxSockets: 4 });
const keepAliveHttps = new https.Agent({ keepAlive: true, maxSockets: 4 });

export const nodeTransport: Transport = (req) =>
  new Promise<TransportResponse>((resolve, reject) => {
    const url = new URL(req.url);
    const secure = url.protocol === 'https:';
    const lib = secure ? https : http;
    const agent = req.freshConnection ? false : secure ? keepAliveHttps : keepAliveHttp;
    let bodyFlushed = false;
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const failWith = (reason: TransportError['reason'], code: string | undefined) => {
      const phase = UNSENT_CODES[code ?? ''] || !bodyFlushed ? 'unsent' : 'sent';
      finish(() => reject(new TransportError(phase, reason, `network ${reason}${code ? ` (${code})` : ''}`)));
    };

    const request = lib.request(url, { method: req.method, headers: req.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          request.destroy();
          failWith('too_large', undefined);
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        const headers: Record<string, string | undefined> = {};
        for (const [k, v] of Object.entries(res.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
        finish(() => resolve({ status: res.statusCode ?? 0, headers, bodyText: Buffer.concat(chunks).toString('utf8') }));
      });
      res.on('error', (err: NodeJS.ErrnoException) => failWith('reset', err.code));
      res.on('aborted', () => failWith('reset', undefined));
    });
    request.on('finish', () => {
      bodyFlushed = true;
    });
    request.on('error', (err: NodeJS.ErrnoException) => {
      const reason = UNSENT_CODES[err.code ?? ''] ?? (err.code === 'ECONNRESET' ? 'reset' : 'other');
      failWith(reason, err.code);
    });
    const timer = setTimeout(() => {
      failWith('timeout', undefined);
      request.destroy();
    }, req.timeoutMs);
    if (req.body !== undefined) request.end(req.body);
    else request.end();
  });
