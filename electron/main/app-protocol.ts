import fs from 'node:fs';
import path from 'node:path';
import { APP_HOST, APP_SCHEME, CONTENT_SECURITY_POLICY } from './window-policy';

/**
 * Serves the built renderer (dist/renderer) on `app://till/…` through `protocol.handle`, instead
 * of loading it from file:// (Electron's security checklist §18): a file:// page can read other
 * local files, and every local file shares its origin. Here the page has its own origin, and the
 * handler hands out only regular files inside the renderer folder: no `..`, no encoded separators,
 * no symlink leading out, nothing but GET. Everything else is a 404 that names nothing.
 *
 * No `electron` import: main.ts registers `createAppProtocolHandler(dir)` with protocol.handle,
 * and the tests call it with plain `Request`s.
 */

/** What `protocol.registerSchemesAsPrivileged` needs, before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  // standard: a real origin (app://till) for 'self' in the CSP and relative URLs; secure: a
  // secure context like https. No bypassCSP, no CORS, no service workers.
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

function inside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' ? false : !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * The file a request names, or null. The URL parser has already folded literal `/../`; what is
 * left to refuse is what decoding could turn into a path step: `%2e%2e`, `%2f`, `%5c`, `\`, NUL.
 */
export function resolveAppFile(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  if (pathname.includes('\0') || pathname.includes('\\') || pathname.includes(':')) return null;
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments.length === 0 || segments.some((s) => s === '.' || s === '..')) return null;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, ...segments);
  return inside(root, file) ? file : null;
}

export function createAppProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const file = resolveAppFile(rendererDir, request.url);
    if (!file) return notFound();
    try {
      // A symlink planted in the folder must not lead out of it: compare real paths too.
      const [realRoot, realFile] = await Promise.all([fs.promises.realpath(rendererDir), fs.promises.realpath(file)]);
      if (!inside(realRoot, realFile)) return notFound();
      const stat = await fs.promises.stat(realFile);
      if (!stat.isFile()) return notFound();
      const body = request.method === 'HEAD' ? null : await fs.promises.readFile(realFile);
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': mimeTypeFor(realFile),
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-store',
        },
      });
    } catch {
      return notFound();
    }
  };
}
