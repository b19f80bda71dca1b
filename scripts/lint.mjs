// `npm run lint`: ESLint (code rules and the architecture's boundaries: which folder may import
// which, no import cycles; see eslint.config.js), then Prettier's check. Fixes nothing: it only
// reports, and exits non-zero when either step found something. Both steps always run, so one
// run shows everything that is wrong. `npm test` runs it and counts it as one test.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNode22 } from './node22.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// npx is a .cmd file on Windows, which Node starts only through a shell.
const WINDOWS_SHELL = process.platform === 'win32';

export const LINT_STEPS = [
  { name: 'eslint (rules and boundaries)', args: ['eslint', '--max-warnings', '0', '--no-warn-ignored'] },
  { name: 'prettier --check', args: ['prettier', '--check', '--log-level', 'warn', '--ignore-unknown'] },
];

/**
 * The project's files (tracked, or new and not ignored) as git lists them; '.' outside a git
 * checkout. Walking the directory instead failed now and then when a test running meanwhile made
 * or removed a temporary folder under the tree (ESLint's walk then met a vanished entry).
 */
export function projectFiles(root = ROOT) {
  const r = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0 || !r.stdout) return ['.'];
  return r.stdout.split('\0').filter((f) => f !== '' && fs.existsSync(path.join(root, f)));
}

/** Runs every step; returns the names of those that failed. */
export function lint({ root = ROOT } = {}) {
  const failed = [];
  const files = projectFiles(root);
  for (const step of LINT_STEPS) {
    console.log(`lint: ${step.name}`);
    const r = spawnSync('npx', ['--no-install', ...step.args, ...files], { cwd: root, stdio: 'inherit', shell: WINDOWS_SHELL });
    if (r.status !== 0) failed.push(step.name);
  }
  return failed;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // The project's ESLint config needs Node 22 (module.registerHooks): run as `npm test` and
  // `npm start` do, under the project's Node 22 when the machine's is older.
  await ensureNode22();
  const failed = lint();
  console.log(failed.length === 0 ? 'lint: clean' : `lint failed: ${failed.join(', ')}`);
  process.exit(failed.length === 0 ? 0 : 1);
}
