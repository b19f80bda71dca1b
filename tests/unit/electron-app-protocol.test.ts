import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, mimeTypeFor, resolveAppFile } from '../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/window-policy';

/**
 * The app:// scheme handler against a real folder laid out like a data dir beside the renderer:
 * a cashier's machine where an attacker page (or a link) asks for files outside dist/renderer.
 */
let base: string;
let renderer: string;
let handler: (request: Request) => Promise<Response>;
const KEY = 'the data key: must never be served';

beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'till-app-protocol-'));
  renderer = path.join(base, 'dist', 'renderer');
  fs.mkdirSync(path.join(renderer, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>till</title>');
  fs.writeFileSync(path.join(renderer, 'assets', 'index-abc.js'), 'export {}');
  fs.writeFileSync(path.join(renderer, 'assets', 'index-abc.css'), 'body{}');
  fs.mkdirSync(path.join(base, 'keys'));
  fs.writeFileSync(path.join(base, 'keys', 'data-key.bin'), KEY);
  // A symlink planted inside the renderer folder that leads to the key.
  fs.symlinkSync(path.join(base, 'keys', 'data-key.bin'), path.join(renderer, 'assets', 'link.js'));
  fs.symlinkSync(path.join(base, 'keys'), path.join(renderer, 'keysdir'));
  handler = createAppProtocolHandler(renderer);
}, 10_000);

afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

async function get(url: string, method = 'GET') {
  const res = await handler(new Request(url, { method }));
  return { status: res.status, type: res.headers.get('content-type'), csp: res.headers.get('content-security-policy'), body: await res.text() };
}

describe('app:// serves the renderer folder and nothing else', () => {
  it('serves index.html (also for app://till/) with its MIME type, the CSP and nosniff', async () => {
    for (const url of ['app://till/index.html', 'app://till/', 'app://till/index.html?lang=ar#/sell']) {
      const r = await get(url);
      expect(r).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', csp: CONTENT_SECURITY_POLICY });
      expect(r.body).toContain('<title>till</title>');
    }
  });

  it('serves assets with the right MIME types', async () => {
    expect(await get('app://till/assets/index-abc.js')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8', body: 'export {}' });
    expect(await get('app://till/assets/index-abc.css')).toMatchObject({ status: 200, type: 'text/css; charset=utf-8' });
    expect(mimeTypeFor('a.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });

  it.each([
    'app://till/../../keys/data-key.bin',
    'app://till/../../../keys/data-key.bin',
    'app://till/%2e%2e/%2e%2e/keys/data-key.bin',
    'app://till/%2E%2E/%2E%2E/keys/data-key.bin',
    'app://till/..%2f..%2fkeys%2fdata-key.bin',
    'app://till/assets/..%2f..%2f..%2fkeys%2fdata-key.bin',
    'app://till/..%5c..%5ckeys%5cdata-key.bin',
    'app://till/%252e%252e/%252e%252e/keys/data-key.bin',
    'app://till/%2fetc%2fpasswd',
    'app://till/assets/link.js',
    'app://till/keysdir/data-key.bin',
    'app://till/assets',
    'app://till/index.html%00.js',
    'app://till/%ff',
    'app://evil/index.html',
    'app://till:1/index.html',
  ])('answers 404 to %s', async (url) => {
    const r = await get(url);
    expect(r.status).toBe(404);
    expect(r.body).not.toContain(KEY);
  });

  it('answers only GET and HEAD', async () => {
    expect((await get('app://till/index.html', 'POST')).status).toBe(405);
    expect(await get('app://till/index.html', 'HEAD')).toMatchObject({ status: 200, body: '' });
  });

  it('never resolves a file outside the folder, whatever the URL', () => {
    // The URL parser itself folds `..` and `%2e%2e` segments back to the root: those stay inside.
    for (const url of ['app://till/%2e%2e/x', 'app://till/a/%2e%2e/%2e%2e/%2e%2e/x', 'app://till/../../x']) {
      expect(resolveAppFile(renderer, url)).toBe(path.join(renderer, 'x'));
    }
    for (const url of ['app://till/C:%5cWindows', 'app://till/a%2f..%2f..%2fx', 'file:///etc/passwd']) {
      expect(resolveAppFile(renderer, url)).toBeNull();
    }
    expect(resolveAppFile(renderer, 'app://till/assets/index-abc.js')).toBe(path.join(renderer, 'assets', 'index-abc.js'));
  });
});
