// Set-up shared by `npm start` and `npm test`, so that on a fresh machine those two commands are
// all a person needs: Node 22, the npm packages (without Electron's binary download, which is
// blocked on the shop's build machines), and for tests Debian's Chromium, poppler-utils and
// PostgreSQL server (the tests start their own servers: tests/unit/helpers/pg-server.ts).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePostgresTestUser, findPostgresBinDir, withoutDistributionCluster } from './postgres-for-tests.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// npm and npx are .cmd files on Windows, which Node starts only through a shell.
const WINDOWS_SHELL = process.platform === 'win32';

// Node 22 comes first, before anything that needs it: see node22.mjs.
export { ensureNode22 } from './node22.mjs';

export function ensurePackages() {
  const marker = path.join(ROOT, 'node_modules', '.package-lock.json');
  const lock = path.join(ROOT, 'package-lock.json');
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  const modules = path.join(ROOT, 'node_modules');
  if (fs.lstatSync(modules, { throwIfNoEntry: false })?.isSymbolicLink()) {
    // npm ci empties node_modules through the link, i.e. another project's packages: never.
    console.error(`node_modules is a link to ${fs.realpathSync(modules)}: not reinstalling the packages there; run npm ci in that project.`);
    process.exit(1);
  }
  console.log('Installing npm packages (npm ci)…');
  const r = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: ROOT,
    shell: WINDOWS_SHELL,
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function has(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Debian packages the tests need (the browser tests' Chromium, poppler-utils and fonts; the
 * shared-ledger tests' PostgreSQL server), installed only when missing and when we may; then,
 * as root, the unprivileged user the test servers run as.
 */
export function ensureTestTools() {
  const missing = [];
  if (!fs.existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) missing.push('chromium');
  if (!has('pdftotext')) missing.push('poppler-utils');
  // Receipts print Arabic and French: DejaVu Sans covers both, so PDFs read back the same everywhere.
  if (spawnSync('sh', ['-c', 'fc-list | grep -q "DejaVu Sans"'], { stdio: 'ignore' }).status !== 0) missing.push('fonts-dejavu-core');
  // Only Debian's own layout (/usr/lib/postgresql/<major>/bin) counts: see postgres-for-tests.mjs.
  if (findPostgresBinDir() === null) missing.push('postgresql');
  if (missing.length > 0) installWithApt(missing);
  try {
    const created = ensurePostgresTestUser();
    if (created) console.log(created);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}

function installWithApt(missing) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = root ? [] : has('sudo') ? ['sudo'] : null;
  if (sudo === null || !has('apt-get')) {
    console.error(`Missing: ${missing.join(', ')}. Install them (Debian: apt-get install ${missing.join(' ')}).`);
    process.exit(1);
  }
  const withPostgres = missing.includes('postgresql');
  console.log(`Installing ${missing.join(', ')} with apt-get${withPostgres ? " (PostgreSQL without the distribution's cluster or service)" : ''}…`);
  const install = `apt-get update -qq && env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')}`;
  const [cmd, ...args] = [...sudo, 'sh', '-c', withPostgres ? withoutDistributionCluster(install) : install];
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

export function run(cmd, args, extraEnv = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, shell: WINDOWS_SHELL, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
  return r.status ?? 1;
}
