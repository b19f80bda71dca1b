// Electron entry (bundled to dist/electron/main.cjs). Thin glue only: build the host ports, start
// the Electron-free core, wire IPC and events, open the window, close the core on quit.
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { ipcEventChannel } from '../../shared/api';
import { events, type EventName } from '../../shared/contract';
import { createCore } from '../core';
import { createLogger } from '../core/platform/log';
import type { TillCore } from '../core/platform/ports';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { createBackupDialogs } from './backup-dialogs';
import { registerIpcHandlers } from './ipc-adapter';
import { resolveLaunchConfig } from './launch-config';
import { createElectronReceiptPrinter, type PrinterDeps } from './printer';
import { readShopPassphraseFile } from '../core/shared-ledger/shop-passphrase-file';
import { createSafeStorageKeyProtector, createSafeStorageSecretStore } from './safe-storage';
import { createSettingsBackend, createWindowStateStore } from './stores';
import { createMainWindow } from './window';
import { APP_INDEX_URL, APP_SCHEME, trustedSenderPredicate } from './window-policy';

// The core's logger: one JSON line per entry, fields that could hold a secret dropped.
const logger = createLogger();

// dist/electron/main.cjs sits beside preload.cjs; the renderer build is dist/renderer/, served
// on app://till/ (app-protocol.ts), never loaded from file://.
const RENDERER_DIR = path.join(__dirname, '..', 'renderer');
const PRELOAD = path.join(__dirname, 'preload.cjs');
const CLOSE_TIMEOUT_MS = 10_000;

const config = resolveLaunchConfig({
  env: process.env,
  isPackaged: app.isPackaged,
  userDataPath: app.getPath('userData'),
});
if (config.ignored.length > 0) {
  logger.warn('environment switches ignored (test-only in a packaged build, or malformed)', { ignored: config.ignored });
}
// A test data dir also holds Chromium's own profile, and scopes the single-instance lock to it,
// so parallel test runs with different data dirs do not block each other.
if (config.dataDirOverridden) app.setPath('userData', config.dataDir);

// Every renderer sandboxed, including the hidden print windows.
app.enableSandbox();
// A privileged scheme must be declared before the app is ready.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

let mainWindow: BrowserWindow | null = null;
let core: TillCore | null = null;

function openWindow(): void {
  mainWindow = createMainWindow({
    appUrl: APP_INDEX_URL,
    preloadPath: PRELOAD,
    stateStore: createWindowStateStore(config.dataDir),
    title: 'OneClickDZ Till',
    devTools: !app.isPackaged,
    logger,
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

function focusWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

/** Core events go to the window on `till-event:<name>`, checked against the contract first. */
function forwardEvent(name: EventName, payload: unknown): void {
  const checked = events[name].safeParse(payload);
  if (!checked.success) {
    logger.error('core emitted an invalid event', { event: name });
    return;
  }
  const contents = mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents : null;
  if (contents && !contents.isDestroyed()) contents.send(ipcEventChannel(name), checked.data);
}

async function start(): Promise<void> {
  await app.whenReady();
  protocol.handle(APP_SCHEME, createAppProtocolHandler(RENDERER_DIR));
  const { dataDir } = config;
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });

  // Dialogs are modal to the till window when it is open.
  const showSaveDialog = (options: SaveDialogOptions) =>
    mainWindow && !mainWindow.isDestroyed() ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options);
  const showOpenDialog = (options: OpenDialogOptions) =>
    mainWindow && !mainWindow.isDestroyed() ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options);
  const printerDeps: PrinterDeps = { createWindow: (options) => new BrowserWindow(options), showSaveDialog, logger };

  const till: TillCore = await createCore({
    dataDir,
    apiUrl: config.apiUrl,
    trainingApiUrl: config.trainingApiUrl,
    trainingHandlingMs: config.trainingHandlingMs,
    // The simulator is read only when the till trains (no key configured).
    trainingSimulator: async () => (await import('../../simulator/training')).trainingProvider,
    timing: config.timing,
    envApiKey: config.envApiKey,
    sharedLedgerUrl: config.sharedLedgerUrl,
    shopPassphrase: readShopPassphraseFile(process.env),
    secretStore: createSafeStorageSecretStore({ safeStorage, dataDir }),
    keyProtector: createSafeStorageKeyProtector({ safeStorage }),
    settingsBackend: createSettingsBackend(dataDir),
    printer: createElectronReceiptPrinter(printerDeps),
    backupDialogs: createBackupDialogs({ showSaveDialog, showOpenDialog, startDir: app.getPath('documents') }),
    logger,
    version: app.getVersion(),
  });

  core = till;
  registerIpcHandlers(ipcMain, till.handlers, trustedSenderPredicate(APP_INDEX_URL), { logger });
  till.onEvent((name, payload) => forwardEvent(name, payload));
  openWindow();
}

function failStartup(error: unknown): void {
  logger.error('start-up failed', { error: error instanceof Error ? error.name : typeof error });
  const detail = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('OneClickDZ Till could not start', detail);
  app.exit(1);
}

if (!app.requestSingleInstanceLock()) {
  // Another till is already running on this data dir: it gets focus (below), we leave.
  app.quit();
} else {
  app.on('second-instance', focusWindow);

  // Defence in depth for every web contents, including the print windows.
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });

  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  // Close the core (ledger, pollers) before the process goes: hold the quit until it is done.
  let closed = false;
  let closing = false;
  app.on('will-quit', (event) => {
    if (!core || closed) return;
    event.preventDefault();
    if (closing) return;
    closing = true;
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS).unref());
    Promise.race([core.close(), timeout])
      .catch((error: unknown) => logger.error('core close failed', { error: error instanceof Error ? error.name : typeof error }))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  start().catch(failStartup);
}
