import fs from 'node:fs';
import path from 'node:path';
import { findElectronRuntime, projectRoot } from '../../scripts/electron-runtime.mjs';

/**
 * Why the Electron e2e tests cannot run here, or null when they can. One answer for the spec (which
 * skips with it) and playwright.config.ts (which prints it once on the console, where a skipped test's
 * reason is otherwise only in the JSON report).
 */
export function electronSkipReason(root = projectRoot): string | null {
  const runtime = findElectronRuntime({ root });
  if (!runtime.ok) return `no Electron runtime: ${runtime.reason}`;
  for (const built of ['dist/electron/main.cjs', 'dist/renderer/index.html']) {
    if (!fs.existsSync(path.join(root, built))) return `not built: ${built} is missing (npm run build)`;
  }
  return null;
}
