import { BrowserWindow, screen, type Session } from 'electron';
import type { Logger } from '../core/platform/ports';
import type { WindowStateStore } from './stores';
import { APP_INDEX_URL, clampWindowBounds, CONTENT_SECURITY_POLICY, isAllowedDownload, isAllowedNavigation, MIN_WINDOW_SIZE, type Rect } from './window-policy';

/**
 * The till's one window: sandboxed renderer, only its own page, no pop-ups, no permissions, and
 * bounds remembered between launches. The decisions live in window-policy.ts (unit-tested); this
 * file only wires them to Electron.
 */

export interface MainWindowOptions {
  /** The renderer's page on the app:// scheme (served by app-protocol.ts, registered by main.ts). */
  appUrl?: string;
  /** Absolute path of dist/electron/preload.cjs. */
  preloadPath: string;
  stateStore: WindowStateStore;
  title: string;
  devTools: boolean;
  logger?: Logger;
}

const hardenedSessions = new WeakSet<Session>();

/** Permission, CSP and download policy for a session; idempotent. */
export function hardenSession(session: Session): void {
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  session.on('will-download', (event, item) => {
    if (!isAllowedDownload(item.getURL())) event.preventDefault();
  });
}

function displayWorkAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((d) => d.id !== primary.id);
  return [primary.workArea, ...others.map((d) => d.workArea)];
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const appUrl = options.appUrl ?? APP_INDEX_URL;
  const placement = clampWindowBounds(options.stateStore.load(), displayWorkAreas());

  const win = new BrowserWindow({
    ...(placement.x !== undefined && placement.y !== undefined ? { x: placement.x, y: placement.y } : { center: true }),
    width: placement.width,
    height: placement.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: options.title,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: options.devTools,
    },
  });
  hardenSession(win.webContents.session);

  const contents = win.webContents;
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const guard = (event: { preventDefault(): void }, url: string) => {
    if (!isAllowedNavigation(url, appUrl)) {
      event.preventDefault();
      options.logger?.warn('navigation blocked', { scheme: url.split(':', 1)[0] });
    }
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());

  // A crashed renderer comes back by itself, but not in a tight loop.
  let recentReloads: number[] = [];
  contents.on('render-process-gone', (_event, details) => {
    options.logger?.error('renderer gone', { reason: details.reason, exitCode: details.exitCode });
    if (details.reason === 'clean-exit' || win.isDestroyed()) return;
    const now = Date.now();
    recentReloads = recentReloads.filter((t) => now - t < 60_000);
    if (recentReloads.length >= 3) return;
    recentReloads.push(now);
    void win.loadURL(appUrl).catch(() => undefined);
  });

  win.once('ready-to-show', () => {
    if (placement.maximized) win.maximize();
    win.show();
  });

  let saveTimer: NodeJS.Timeout | undefined;
  const saveBounds = () => {
    if (win.isDestroyed() || win.isMinimized() || win.isFullScreen()) return;
    options.stateStore.save({ ...win.getNormalBounds(), maximized: win.isMaximized() });
  };
  const saveSoon = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveBounds, 500);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);
  win.on('close', () => {
    clearTimeout(saveTimer);
    saveBounds();
  });

  void win.loadURL(appUrl).catch((error: unknown) => {
    options.logger?.error('could not load the renderer', { error: error instanceof Error ? error.name : 'unknown' });
  });
  return win;
}
