import { defineConfig } from '@playwright/test';
import { electronSkipReason } from './tests/e2e-electron/skip-reason';

// Say once, on the console, why the Electron tests will be skipped: Playwright's list reporter
// shows only that they were. Workers load this file too (they have TEST_WORKER_INDEX): not there.
if (!process.env.TEST_WORKER_INDEX) {
  const electronSkipped = electronSkipReason();
  if (electronSkipped) console.log(`Electron e2e skipped: ${electronSkipped}`);
}

/**
 * End-to-end tests drive the browser host in Debian's Chromium, as a cashier would: by role and
 * label. Each test starts its own simulator and till (tests/e2e/fixtures.ts), so one worker per
 * core is the most this 2-core machine carries without flaking.
 */
export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'e2e-electron/**/*.spec.ts'],
  timeout: 45_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '.reports/e2e.json' }]],
  use: {
    viewport: { width: 1280, height: 800 },
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
