// Finds an Electron runtime WITHOUT triggering a download. electron >= 45 downloads its binary
// lazily the first time `require('electron')` runs (node_modules/electron/index.js), which these
// machines cannot do, so we never require it here: we look for the files it would use.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The executable's path inside Electron's dist folder, as node_modules/electron/install.js names it. */
export function platformExecutable(platform = process.env.ELECTRON_INSTALL_PLATFORM || os.platform()) {
  switch (platform) {
    case 'mas':
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    case 'linux':
    case 'freebsd':
    case 'openbsd':
      return 'electron';
    default:
      return null;
  }
}

/**
 * @returns {{ ok: true, executablePath: string } | { ok: false, reason: string }}
 */
export function findElectronRuntime({ root = projectRoot, env = process.env, platform = os.platform() } = {}) {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  let relative = null;
  try {
    relative = fs.readFileSync(pathFile, 'utf8').trim() || null;
  } catch {
    relative = null;
  }
  relative ??= platformExecutable(platform);
  if (!relative) return { ok: false, reason: `Electron has no build for platform ${platform}` };

  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const executablePath = override ? path.join(override, relative) : path.join(pkgDir, 'dist', relative);
  if (!fs.existsSync(executablePath)) {
    const shown = path.relative(root, executablePath).startsWith('..') ? executablePath : path.relative(root, executablePath);
    const hint = override ? 'ELECTRON_OVERRIDE_DIST_PATH' : 'the binary was never downloaded';
    return { ok: false, reason: `no Electron binary at ${shown}, ${hint}` };
  }
  if (platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) {
    return { ok: false, reason: 'no display: neither DISPLAY nor WAYLAND_DISPLAY is set' };
  }
  return { ok: true, executablePath };
}
