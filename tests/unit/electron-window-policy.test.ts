import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_INDEX_URL,
  clampWindowBounds,
  CONTENT_SECURITY_POLICY,
  DEFAULT_WINDOW_SIZE,
  isAllowedNavigation,
  trustedSenderPredicate,
  type Rect,
} from '../../electron/main/window-policy';

const APP = APP_INDEX_URL;

describe('navigation policy (the renderer lives on app://till, design §5)', () => {
  it('loads the renderer from its own scheme, not file://', () => {
    expect(APP).toBe('app://till/index.html');
  });

  it.each([APP, `${APP}#/settings`, `${APP}?lang=ar`])('allows the app page itself: %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'http://127.0.0.1:5173/index.html',
    'https://api.oneclickdz.com/v3/account/balance',
    'file:///etc/passwd',
    'file:///opt/OneClickDZ%20Till/resources/app.asar/dist/renderer/index.html',
    'app://till/other.html',
    'app://till/',
    'app://evil/index.html',
    'app://till:8080/index.html',
    'app://user@till/index.html',
    'app://till/assets/../../keys/data-key.bin',
    'data:text/html,<h1>x</h1>',
    'javascript:alert(1)',
    'about:blank',
    'blob:app://till/1234',
    'not a url',
    '',
  ])('denies everything else: %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('trusted IPC sender', () => {
  const trusted = trustedSenderPredicate(APP);
  it('trusts the top frame showing the app page', () => {
    expect(trusted({ url: `${APP}#/sell`, parent: null })).toBe(true);
    expect(trusted({ url: APP })).toBe(true);
  });
  it('refuses a missing frame, a subframe, and foreign pages', () => {
    expect(trusted(null)).toBe(false);
    expect(trusted(undefined)).toBe(false);
    expect(trusted({ url: APP, parent: { url: APP } })).toBe(false);
    expect(trusted({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(trusted({ url: 'data:text/html,x', parent: null })).toBe(false);
    // Any local file used to share the page's file:// origin; it no longer passes.
    expect(trusted({ url: 'file:///opt/OneClickDZ%20Till/resources/app.asar/dist/renderer/index.html', parent: null })).toBe(false);
    expect(trusted({ url: 'app://evil/index.html', parent: null })).toBe(false);
  });
});

describe('content security policy', () => {
  it('matches the renderer meta policy: nothing remote', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self'; frame-src 'self' blob: data:; object-src 'none'; base-uri 'none'",
    );
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });

  it('is the same policy as the meta tag in renderer/index.html', () => {
    const html = fs.readFileSync(path.resolve(__dirname, '../../renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(meta?.[1]).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('window bounds', () => {
  const primary: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
  const right: Rect = { x: 1920, y: 0, width: 1280, height: 984 };

  it('opens at the default size, centred, with nothing saved', () => {
    expect(clampWindowBounds(null, [primary])).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: false });
  });

  it('restores bounds that are fully visible unchanged', () => {
    const saved = { x: 100, y: 50, width: 1200, height: 800, maximized: false };
    expect(clampWindowBounds(saved, [primary])).toEqual(saved);
  });

  it('keeps the maximized flag', () => {
    expect(clampWindowBounds({ x: 0, y: 0, width: 1200, height: 800, maximized: true }, [primary]).maximized).toBe(true);
  });

  it('restores onto a second display', () => {
    const saved = { x: 2000, y: 100, width: 1000, height: 700 };
    expect(clampWindowBounds(saved, [primary, right])).toEqual({ ...saved, maximized: false });
  });

  it('falls back to the default when the saved display is gone', () => {
    const result = clampWindowBounds({ x: 2000, y: 100, width: 1000, height: 700 }, [primary]);
    expect(result).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: false });
    expect(result.x).toBeUndefined();
  });

  it('falls back when barely a sliver is visible', () => {
    expect(clampWindowBounds({ x: 1900, y: 1000, width: 1000, height: 700 }, [primary]).x).toBeUndefined();
  });

  it('slides a partly off-screen window back inside the display', () => {
    expect(clampWindowBounds({ x: -300, y: 600, width: 1200, height: 800 }, [primary])).toEqual({
      x: 0,
      y: 240,
      width: 1200,
      height: 800,
      maximized: false,
    });
  });

  it('shrinks a window larger than its display', () => {
    expect(clampWindowBounds({ x: 10, y: 10, width: 4000, height: 3000 }, [primary])).toEqual({
      x: 0,
      y: 0,
      width: 1920,
      height: 1040,
      maximized: false,
    });
  });

  it('enforces the minimum size, unless the display is smaller still', () => {
    expect(clampWindowBounds({ x: 10, y: 10, width: 200, height: 100 }, [primary])).toMatchObject({ width: 800, height: 600 });
    const tiny: Rect = { x: 0, y: 0, width: 640, height: 480 };
    expect(clampWindowBounds(null, [tiny])).toMatchObject({ width: 640, height: 480 });
  });

  it('ignores garbage from a hand-edited store', () => {
    const garbage = [
      { x: Number.NaN, y: 0, width: 1000, height: 700 },
      { width: -5, height: 700 },
      { width: 'wide', height: 700 } as unknown as { width: number; height: number },
      { x: 10, y: 10, width: Number.POSITIVE_INFINITY, height: 700 },
    ];
    for (const saved of garbage) {
      const result = clampWindowBounds(saved, [primary]);
      expect(result.width).toBeGreaterThanOrEqual(800);
      expect(result.width).toBeLessThanOrEqual(1920);
      expect(Number.isFinite(result.height)).toBe(true);
    }
  });

  it('keeps a saved size without a position, centred', () => {
    expect(clampWindowBounds({ width: 1000, height: 700 }, [primary])).toEqual({ width: 1000, height: 700, maximized: false });
  });
});

describe('downloads', () => {
  it('allows only files the page built itself (blob: exports)', async () => {
    const { isAllowedDownload } = await import('../../electron/main/window-policy');
    expect(isAllowedDownload('blob:null/5c2b1f0e-aaaa-4bbb-8ccc-123456789abc')).toBe(true);
    expect(isAllowedDownload('https://evil.example/x.exe')).toBe(false);
    expect(isAllowedDownload('file:///etc/passwd')).toBe(false);
  });
});
