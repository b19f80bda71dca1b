/**
 * The window's security and placement decisions as plain functions (no `electron` import), so they
 * can be unit-tested under node. `window.ts` applies them to a real BrowserWindow.
 */

/** Same policy as the renderer's `<meta http-equiv="Content-Security-Policy">`: no remote anything. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

/**
 * The renderer's own origin. It is served by `protocol.handle` (app-protocol.ts), never from
 * file://, so no other local file shares its origin and the grantFileProtocolExtraPrivileges
 * fuse can be off.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'till';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` is the app's own page (`app://till/index.html`), whatever its query or hash (the
 * renderer may route with either). Everything else (http, https, file:, other app:// paths or
 * hosts, data:, javascript:, about:, blob:) is foreign.
 */
export function isAppPageUrl(url: string, appIndexUrl: string = APP_INDEX_URL): boolean {
  const target = parseUrl(url);
  const app = parseUrl(appIndexUrl);
  if (!target || !app) return false;
  if (target.protocol !== `${APP_SCHEME}:` || app.protocol !== `${APP_SCHEME}:`) return false;
  if (target.username || target.password || target.port) return false;
  return target.host === app.host && target.pathname === app.pathname;
}

/** `will-navigate` policy: the window may only (re)load its own page. */
export function isAllowedNavigation(url: string, appIndexUrl: string = APP_INDEX_URL): boolean {
  return isAppPageUrl(url, appIndexUrl);
}

/** The part of an IPC sender frame the adapter looks at (Electron's WebFrameMain fits). */
export interface SenderFrameLike {
  readonly url: string;
  /** null for the top frame; a subframe (e.g. a receipt preview iframe) is never trusted. */
  readonly parent?: unknown;
}

/** Builds the `isTrustedSender` predicate the IPC adapter needs: the app page's top frame only. */
export function trustedSenderPredicate(appIndexUrl: string = APP_INDEX_URL) {
  return (frame: SenderFrameLike | null | undefined): boolean => {
    if (!frame) return false; // the frame navigated away or was destroyed mid-call
    if (frame.parent != null) return false;
    return isAppPageUrl(frame.url, appIndexUrl);
  };
}

// ---------------------------------------------------------------------------------------------
// Window bounds

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SavedWindowState {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  maximized?: boolean;
}

/** What to hand BrowserWindow: x/y absent means "let Electron centre it". */
export interface WindowPlacement {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/**
 * Downloads the page may start: only files it built itself (CSV exports as blob: URLs), which
 * Electron saves through its own "Save as" dialog. Anything fetched from elsewhere is refused.
 */
export function isAllowedDownload(url: string): boolean {
  return url.startsWith('blob:');
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const;
export const MIN_WINDOW_SIZE = { width: 800, height: 600 } as const;
/** How much of a saved window must overlap a display for it to count as visible there. */
const MIN_VISIBLE_PX = 100;

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function clampInt(value: number, min: number, max: number): number {
  return Math.round(Math.min(Math.max(value, min), Math.max(min, max)));
}

/**
 * Restores saved bounds so the window is fully on a display that still exists: picks the display
 * the saved rectangle overlaps most, shrinks the size to its work area, and slides the window
 * inside it. A window saved on a monitor that has since been unplugged (or with garbage in the
 * store) opens at the default size, centred on the primary display.
 *
 * `workAreas[0]` is the primary display.
 */
export function clampWindowBounds(saved: SavedWindowState | null | undefined, workAreas: readonly Rect[]): WindowPlacement {
  const maximized = saved?.maximized === true;
  const primary = workAreas[0];
  const fitTo = (area: Rect | undefined, width: number, height: number) => ({
    width: area ? clampInt(width, Math.min(MIN_WINDOW_SIZE.width, area.width), area.width) : Math.round(width),
    height: area ? clampInt(height, Math.min(MIN_WINDOW_SIZE.height, area.height), area.height) : Math.round(height),
  });
  const centred = (): WindowPlacement => ({
    ...fitTo(primary, DEFAULT_WINDOW_SIZE.width, DEFAULT_WINDOW_SIZE.height),
    maximized,
  });

  if (!saved || !finite(saved.width) || !finite(saved.height) || saved.width <= 0 || saved.height <= 0) return centred();
  if (!finite(saved.x) || !finite(saved.y)) {
    return { ...fitTo(primary, saved.width, saved.height), maximized };
  }

  const rect: Rect = { x: saved.x, y: saved.y, width: saved.width, height: saved.height };
  let best: Rect | undefined;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = overlapArea(rect, area);
    if (overlap > bestArea) {
      best = area;
      bestArea = overlap;
    }
  }
  if (!best || bestArea < MIN_VISIBLE_PX * MIN_VISIBLE_PX) return centred();

  const size = fitTo(best, rect.width, rect.height);
  return {
    x: clampInt(rect.x, best.x, best.x + best.width - size.width),
    y: clampInt(rect.y, best.y, best.y + best.height - size.height),
    ...size,
    maximized,
  };
}
