import type http from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * The browser host reads everything a request carries through here. Any web page can make the
 * browser send a request to 127.0.0.1 (an `<img src>` needs no secret), so nothing in a request
 * line, header or body may throw past these functions: a bad request becomes an HTTP status.
 */

/** A request the host will not serve, with the status that says why. */
export class HttpRefusal extends Error {
  constructor(
    readonly status: 400 | 404 | 413 | 415,
    reason: string,
  ) {
    super(reason);
    this.name = 'HttpRefusal';
  }
}

export interface RequestTarget {
  /** Still percent-encoded: decode a segment with decodePath. */
  pathname: string;
  searchParams: URLSearchParams;
}

/**
 * Parses an origin-form request target (`/path?query`). Absolute and authority forms are refused,
 * and so is a target starting with `//` (`//[`, `//evil.example/x`), which a URL parser reads as a
 * host; the rest is parsed below a fixed origin, where it can only be a path.
 */
export function parseTarget(raw: string | undefined): RequestTarget | null {
  // `//x` is a path to Node but a host to a URL parser; the till never serves one.
  if (!raw || raw[0] !== '/' || raw[1] === '/' || raw[1] === '\\') return null;
  try {
    const url = new URL(`http://127.0.0.1${raw}`);
    if (url.host !== '127.0.0.1') return null;
    return { pathname: url.pathname, searchParams: url.searchParams };
  } catch {
    return null;
  }
}

/** Percent-decodes a path; null for a bad escape (`%E0%A4%A`) or a NUL byte, never a throw. */
export function decodePath(encoded: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    return null;
  }
  return decoded.includes('\0') ? null : decoded;
}

/**
 * Reads a body of at most `max` bytes. A declared length over the limit is refused before a byte is
 * read; a body that grows past it is refused as soon as it does (413), and the socket is closed
 * after the answer so the rest is never buffered.
 */
export function readBody(req: http.IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > max) return Promise.reject(new HttpRefusal(413, 'body too large'));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (err: Error | null) => {
      if (done) return;
      done = true;
      if (err) reject(err);
      else resolve(Buffer.concat(chunks));
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > max) {
        chunks.length = 0;
        finish(new HttpRefusal(413, 'body too large'));
      } else chunks.push(chunk);
    });
    req.on('end', () => finish(null));
    req.on('error', (e) => finish(e));
    req.on('close', () => finish(new Error('request closed before its body ended')));
  });
}

/** JSON or a refusal; an empty body is the empty object (commands without input). */
export function parseJsonBody(body: Buffer): { ok: true; value: unknown } | { ok: false } {
  if (body.length === 0) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * Node's parser refused the request before any handler saw it (bad request line, bad header,
 * bad Content-Length, headers too large…): answer it and close that one connection only.
 */
export function answerClientError(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? '431 Request Header Fields Too Large'
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? '408 Request Timeout'
        : '400 Bad Request';
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
