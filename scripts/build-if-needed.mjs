// Builds dist/ only when what it is built from changed, so `npm start` is quick after the first
// time. The inputs' content hash is written to dist/.build-stamp.json after a successful build;
// an equal hash and every output present means dist/ is up to date. Content, not mtimes: a
// checkout or copy that touches files without changing them does not force a rebuild.
// Run directly (`node scripts/build-if-needed.mjs [--force]`) or imported by start.mjs.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Everything `npm run build` reads besides node_modules (which package-lock.json stands for). */
export const BUILD_INPUTS = [
  'renderer',
  'shared',
  'electron',
  'simulator',
  'scripts/build-node.mjs',
  'vite.config.ts',
  'tsconfig.json',
  'tsconfig.base.json',
  'tsconfig.node.json',
  'tsconfig.web.json',
  'package.json',
  'package-lock.json',
];

/** What `npm run build` makes; a missing one means building again whatever the stamp says. */
export const BUILD_OUTPUTS = ['dist/renderer/index.html', 'dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/host/serve.js', 'dist/simulator/cli.js'];

export const STAMP = 'dist/.build-stamp.json';

function listFiles(root, relative, out) {
  const full = path.join(root, relative);
  let stat;
  try {
    stat = fs.statSync(full);
  } catch {
    return; // an input that does not exist (yet) is simply absent from the hash
  }
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(full).sort()) listFiles(root, path.join(relative, name), out);
  } else if (stat.isFile()) {
    out.push(relative);
  }
}

/** sha256 over each input file's path and content, in a fixed order. */
export function inputsHash(root = projectRoot, inputs = BUILD_INPUTS) {
  const files = [];
  for (const input of inputs) listFiles(root, input, files);
  const hash = createHash('sha256');
  for (const file of files) {
    const content = fs.readFileSync(path.join(root, file));
    hash.update(`${file.split(path.sep).join('/')}\0${content.length}\0`);
    hash.update(content);
  }
  return hash.digest('hex');
}

function readStamp(root) {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, STAMP), 'utf8'));
  } catch {
    return null;
  }
}

/** Why dist/ must be built again, or null when it is up to date. */
export function staleReason(root, hash, outputs = BUILD_OUTPUTS) {
  const missing = outputs.find((o) => !fs.existsSync(path.join(root, o)));
  if (missing) return `${missing} is missing`;
  const stamp = readStamp(root);
  if (!stamp) return `no ${STAMP} from an earlier build`;
  if (stamp.inputs !== hash) return 'sources changed since the last build';
  return null;
}

/**
 * Runs `npm run build` when needed (always with force) and prints one line saying which.
 * @returns {number} 0, or the failed build's exit status
 */
export function buildIfNeeded({ root = projectRoot, force = false, outputs = BUILD_OUTPUTS, log = console.log } = {}) {
  const hash = inputsHash(root);
  const reason = force ? 'asked to' : staleReason(root, hash, outputs);
  if (!reason) {
    log('Build is up to date (nothing changed since the last build): not rebuilding.');
    return 0;
  }
  log(`Building (${reason})…`);
  // A build that fails half-way must not leave an old stamp vouching for a changed dist/.
  fs.rmSync(path.join(root, STAMP), { force: true });
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  const status = result.status ?? 1;
  if (status !== 0) return status;
  writeStamp(root, hash);
  return 0;
}

/** Records that dist/ is the build of the inputs whose hash is given. */
export function writeStamp(root, hash = inputsHash(root)) {
  fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(root, STAMP), `${JSON.stringify({ inputs: hash, builtAt: new Date().toISOString() })}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { ensureNode22 } = await import('./node22.mjs');
  await ensureNode22();
  const { ensurePackages } = await import('./ensure-env.mjs');
  ensurePackages();
  const status = buildIfNeeded({ force: process.argv.includes('--force') });
  if (status !== 0) process.exit(status);
}
