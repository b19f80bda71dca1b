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
let work: string;
let report: {
  setPath: Array<[string, string]>;
  sandboxEnabled: boolean;
  windows: Array<{ webPreferences: Record<string, unknown>; show: boolean; loadFile?: string }>;
  channels: string[];
  session: Record<string, unknown>;
  results: Record<string, { ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } }>;
  sent: Array<{ channel: string; payload: unknown }>;
  errors: string[];
  quit: { prevented?: number; code?: number };
};
let dataDir: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'till-main-wiring-'));
  execFileSync(process.execPath, [path.join(root, 'scripts/build-node.mjs'), '--outdir', work, 'electron/main/main.ts'], {
    cwd: root,
    stdio: 'pipe',
  });
  dataDir = path.join(work, 'data');
  const run = spawnSync(
    process.execPath,
    ['-r', path.join(__dirname, 'fixtures/fake-electron.cjs'), path.join(work, 'dist/electron/main.cjs')],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 30_000,
      env: {
        PATH: process.env.PATH,
        // The bundle lives outside the project: let it find better-sqlite3 (kept external).
        NODE_PATH: path.join(root, 'node_modules'),
        FAKE_USER_DATA: path.join(work, 'userData'),
        POS_DATA_DIR: dataDir,
      },
    },
  );
  const line = run.stdout.split('\n').find((l) => l.startsWith('FAKE_ELECTRON_REPORT '));
  if (!line) throw new Error(`no report (exit ${run.status}): ${run.stdout}\n${run.stderr}`);
  report = JSON.parse(line.slice('FAKE_ELECTRON_REPORT '.length));
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
    expect(win.loadFile).toBe(path.join(work, 'dist/renderer/index.html'));
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
