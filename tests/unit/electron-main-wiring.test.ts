import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../shared/contract';
import { ipcCommandChannel } from '../../shared/api';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/window-policy';

/**
 * The Electron entry (electron/main/main.ts) end to end without Electron: bundle it exactly as the
 * build does, run the bundle under Node with `require('electron')` answered by a fake
 * (fixtures/fake-electron.cjs), and read the report the fake prints. This catches wiring and
 * bundling mistakes (electron-store in CJS, the core's start and close, IPC registration) that the
 * per-module tests cannot.
 */
const root = path.resolve(__dirname, '..', '..');
type Report = {
  setPath: Array<[string, string]>;
  sandboxEnabled: boolean;
  windows: Array<{ webPreferences: Record<string, unknown>; show: boolean; loadFile?: string; loadURL?: string }>;
  channels: string[];
  session: Record<string, unknown>;
  results: Record<string, { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } }>;
  sent: Array<{ channel: string; payload: unknown }>;
  errors: string[];
  quit: { prevented?: number; code?: number };
  privilegedSchemes: Array<{ scheme: string; privileges: Record<string, boolean> }>;
  protocolHandled: string[];
  protocolHandledBeforeReady: boolean;
  served: Record<string, { status: number | string; type?: string | null; csp?: string | null; bytes?: number; head?: string }>;
  requests: Array<{ url: string; token: boolean }>;
};
let work: string;
let report: Report;
let dataDir: string;

/** Traversal attempts on the renderer's scheme: every one must be a 404. */
const TRAVERSALS = [
  'app://till/../../keys/data-key.bin',
  'app://till/%2e%2e/%2e%2e/keys/data-key.bin',
  'app://till/..%2f..%2fkeys%2fdata-key.bin',
  'app://till/assets/..%2f..%2f..%2fpackage.json',
  'app://till/..%5c..%5cpackage.json',
  'app://till/%2fetc%2fpasswd',
];

/** Runs the bundled main under the fake electron with `env`, returns its report. */
function runFakeElectron(env: Record<string, string>): Report {
  const run = spawnSync(process.execPath, ['-r', path.join(__dirname, 'fixtures/fake-electron.cjs'), path.join(work, 'dist/electron/main.cjs')], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
    env: {
      PATH: process.env.PATH,
      // The bundle lives outside the project: let it find better-sqlite3 (kept external).
      NODE_PATH: path.join(root, 'node_modules'),
      ...env,
    },
  });
  const line = run.stdout.split('\n').find((l) => l.startsWith('FAKE_ELECTRON_REPORT '));
  if (!line) throw new Error(`no report (exit ${run.status}): ${run.stdout}\n${run.stderr}`);
  return JSON.parse(line.slice('FAKE_ELECTRON_REPORT '.length)) as Report;
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'till-main-wiring-'));
  execFileSync(process.execPath, [path.join(root, 'scripts/build-node.mjs'), '--outdir', work, 'electron/main/main.ts'], {
    cwd: root,
    stdio: 'pipe',
  });
  // The renderer the scheme serves: a stand-in page, and a secret beside (outside) the folder.
  fs.mkdirSync(path.join(work, 'dist/renderer/assets'), { recursive: true });
  fs.writeFileSync(path.join(work, 'dist/renderer/index.html'), '<!doctype html><title>till</title>');
  fs.writeFileSync(path.join(work, 'dist/renderer/assets/app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(work, 'package.json'), '{"secret":"outside the renderer"}');
  dataDir = path.join(work, 'data');
  report = runFakeElectron({
    FAKE_USER_DATA: path.join(work, 'userData'),
    POS_DATA_DIR: dataDir,
    FAKE_PROTOCOL_PROBES: JSON.stringify(['app://till/index.html', 'app://till/assets/app.js', 'app://till/missing.js', ...TRAVERSALS]),
  });
}, 60_000);

afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

describe('electron main wiring (fake electron)', () => {
  it('starts and quits cleanly, closing the core before exit', () => {
    expect(report.errors).toEqual([]);
    expect(report.quit).toEqual({ prevented: 1, code: 0 });
  });

  it('honours POS_DATA_DIR in development, for the core and for Electron userData', () => {
    expect(report.setPath).toEqual([['userData', dataDir]]);
    expect(fs.existsSync(path.join(dataDir, 'ledger.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'window-state.json'))).toBe(true);
    expect(fs.existsSync(path.join(work, 'userData'))).toBe(false);
  });

  it('enables the sandbox everywhere and opens a locked-down window on the built renderer', () => {
    expect(report.sandboxEnabled).toBe(true);
    expect(report.windows).toHaveLength(1);
    const win = report.windows[0]!;
    expect(win.show).toBe(false);
    expect(win.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(win.webPreferences.preload).toBe(path.join(work, 'dist/electron/preload.cjs'));
    expect(win.loadURL).toBe('app://till/index.html');
    expect(win.loadFile).toBeUndefined();
  });

  it('denies permissions and adds the CSP header', () => {
    expect(report.session).toMatchObject({ permissionRequestGranted: false, permissionCheck: false, devicePermission: false });
    expect(report.session.headers).toMatchObject({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('registers one IPC channel per command', () => {
    expect([...report.channels].sort()).toEqual(COMMAND_NAMES.map(ipcCommandChannel).sort());
  });

  it('answers commands from the app page through the real core, and refuses others', () => {
    expect(report.results.status).toMatchObject({ ok: true, value: { version: '0.1.0-test', printing: 'native', keyStorageEncrypted: false } });
    expect(report.results.settings?.ok).toBe(true);
    expect(report.results.untrusted).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(report.results.fileSender).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    // Backups to a chosen file go through the main process's dialog (the fake's is cancelled).
    expect(report.results.backupChoose).toEqual({ ok: true, value: null });
    expect(report.results.invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(report.results.invalid?.error?.message).toContain('saleId');
  });

  it('keeps settings in the electron-store file settings.json (the format conf reads in the browser host)', () => {
    expect(report.results.update).toMatchObject({ ok: true, value: { cashierName: 'Caisse 2' } });
    const file = JSON.parse(fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8'));
    expect(JSON.stringify(file)).toContain('Caisse 2');
  });

  it('forwards core events to the window on till-event:<name>', () => {
    const status = report.sent.find((s) => s.channel === 'till-event:status:changed');
    expect(status?.payload).toMatchObject({ version: '0.1.0-test' });
    for (const s of report.sent) expect(s.channel).toMatch(/^till-event:(sales|connection|balance|status|session):changed$/);
  });
});

describe('the renderer on app://till (protocol.handle, not file://)', () => {
  it('declares the scheme privileged before ready and handles it after', () => {
    expect(report.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(report.protocolHandled).toEqual(['app']);
    expect(report.protocolHandledBeforeReady).toBe(false);
  });

  it('serves the page and its assets with their MIME type and the CSP', () => {
    expect(report.served['app://till/index.html']).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', csp: CONTENT_SECURITY_POLICY });
    expect(report.served['app://till/index.html']?.head).toContain('<title>till</title>');
    expect(report.served['app://till/assets/app.js']).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(report.served['app://till/missing.js']).toMatchObject({ status: 404 });
  });

  it.each(TRAVERSALS)('refuses a way out of the renderer folder: %s', (url) => {
    expect(report.served[url]).toMatchObject({ status: 404 });
    expect(report.served[url]?.head).not.toContain('secret');
  });
});

describe('a packaged build ignores test switches, whatever NODE_ENV says', () => {
  let packaged: Report;
  let userData: string;
  beforeAll(() => {
    userData = path.join(work, 'packaged-userData');
    packaged = runFakeElectron({
      FAKE_PACKAGED: '1',
      FAKE_RECORD_NETWORK: '1',
      FAKE_USER_DATA: userData,
      NODE_ENV: 'test',
      ONECLICKDZ_API_URL: 'http://evil.example',
      ONECLICKDZ_API_KEY: 'sk_fake_key_for_the_test',
      POS_DATA_DIR: path.join(work, 'packaged-elsewhere'),
      POS_TRAINING_API_URL: 'http://127.0.0.1:9',
      POS_TIMING: '{"firstPollMs":0}',
    });
  }, 60_000);

  it('sends the key only to the default provider, never to the URL from the environment', () => {
    expect(packaged.errors).toEqual([]);
    expect(packaged.requests.length).toBeGreaterThan(0);
    for (const r of packaged.requests) expect(r.url.startsWith('https://api.oneclickdz.com/')).toBe(true);
    expect(packaged.requests.some((r) => r.url.includes('evil.example'))).toBe(false);
  });

  it('keeps its data in userData (POS_DATA_DIR ignored)', () => {
    expect(packaged.setPath).toEqual([]);
    expect(fs.existsSync(path.join(userData, 'ledger.sqlite'))).toBe(true);
    expect(fs.existsSync(path.join(work, 'packaged-elsewhere'))).toBe(false);
  });
});
