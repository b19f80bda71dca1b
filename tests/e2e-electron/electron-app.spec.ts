import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { COMMAND_NAMES } from '../../shared/contract';
import { findElectronRuntime, projectRoot } from '../../scripts/electron-runtime.mjs';
import { electronSkipReason } from './skip-reason';

/**
 * The real Electron app, wherever an Electron runtime exists (a developer machine, a CI image with
 * the binary). On machines without one this file reports itself as skipped with the reason; it
 * never requires the `electron` package, which would try to download the binary.
 */
const runtime = findElectronRuntime();
const mainBundle = path.join(projectRoot, 'dist', 'electron', 'main.cjs');

const EXPECTED_COMMANDS = [...COMMAND_NAMES].sort();

test.describe('Electron app', () => {
  const reason = electronSkipReason();
  test.skip(reason !== null, reason ?? '');

  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  test.beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'till-electron-e2e-'));
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
    delete env.ELECTRON_RUN_AS_NODE; // would run main.cjs as plain Node
    delete env.ONECLICKDZ_API_KEY; // a fresh till with no key: training mode
    Object.assign(env, { NODE_ENV: 'test', POS_DATA_DIR: dataDir });
    if (!runtime.ok) throw new Error('unreachable: skipped above');
    app = await electron.launch({ executablePath: runtime.executablePath, args: [mainBundle], env, cwd: projectRoot });
    page = await app.firstWindow();
  });

  test.afterAll(async () => {
    await app?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('the page has no Node globals', async () => {
    const kinds = await page.evaluate(() => {
      const g = globalThis as Record<string, unknown>;
      return { require: typeof g.require, process: typeof g.process, module: typeof g.module };
    });
    expect(kinds).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined' });
  });

  test('the preload exposes only commands and subscribe under window.tillBridge', async () => {
    const shape = await page.evaluate(() => {
      const bridge = (window as unknown as { tillBridge: { commands: Record<string, unknown>; subscribe: unknown } }).tillBridge;
      return {
        keys: Object.keys(bridge).sort(),
        commands: Object.keys(bridge.commands).sort(),
        allFunctions: Object.values(bridge.commands).every((f) => typeof f === 'function'),
        subscribe: typeof bridge.subscribe,
        otherGlobals: Object.keys(window).filter((k) => /ipc|electron/i.test(k)),
      };
    });
    expect(shape).toEqual({
      keys: ['commands', 'subscribe'],
      commands: EXPECTED_COMMANDS,
      allFunctions: true,
      subscribe: 'function',
      otherGlobals: [],
    });
  });

  test('the catalog grid appears', async () => {
    await expect(page.getByRole('button', { name: 'PlayStation Network' }).first()).toBeVisible({ timeout: 30_000 });
  });

  test('the window stays on its own page and opens no pop-ups', async () => {
    const before = page.url();
    expect(before.startsWith('app://till/')).toBe(true); // served by app-protocol.ts, never file://
    const popup = await page.evaluate(() => window.open('https://example.com') === null);
    expect(popup).toBe(true);
    // Count will-navigate in the main process: once the attempt has reached the window's guard
    // (which prevents it), the page must still be ours. No sleep decides the outcome.
    await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents;
      const g = globalThis as { navigationAttempts?: number };
      g.navigationAttempts = 0;
      contents.on('will-navigate', () => {
        g.navigationAttempts = (g.navigationAttempts ?? 0) + 1;
      });
    });
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await expect.poll(() => app.evaluate(() => (globalThis as { navigationAttempts?: number }).navigationAttempts)).toBe(1);
    await expect(page.getByRole('button', { name: 'PlayStation Network' }).first()).toBeVisible();
    expect(page.url()).toBe(before);
  });
});
