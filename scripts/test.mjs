// `npm test`: sets up what is missing, type-checks, lints, builds, runs the unit tests (vitest) and
// the end-to-end tests (Playwright in Debian's Chromium), then prints one line the CI reads:
// `N passed, N failed`.
import fs from 'node:fs';
import path from 'node:path';
import { ensureNode22 } from './node22.mjs';

await ensureNode22();
const { ensurePackages, ensureTestTools, ROOT, run } = await import('./ensure-env.mjs');
const { buildIfNeeded } = await import('./build-if-needed.mjs');
const { electronSkipReasonFrom } = await import('./electron-skip-report.mjs');
const { lint } = await import('./lint.mjs');

ensurePackages();
ensureTestTools();

const reports = path.join(ROOT, '.reports');
fs.rmSync(reports, { recursive: true, force: true });
fs.mkdirSync(reports, { recursive: true });

let buildFailed = 0;
if (run('npm', ['run', '--silent', 'typecheck']) !== 0) buildFailed++;
// `npm run lint` (ESLint with the architecture's boundaries, then Prettier's check) fixes nothing
// and counts as one test; its output above says which file breaks which rule. It stops nothing.
const lintFailures = lint();
// Always build, unlike `npm start`: a test run must prove that these sources build, and on CI
// (a clean checkout) there is nothing to reuse. It leaves the stamp, so `npm start` won't rebuild.
if (buildIfNeeded({ force: true }) !== 0) buildFailed++;

run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${path.join(reports, 'unit.json')}`]);
if (buildFailed === 0) run('npx', ['playwright', 'test']);

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

let passed = lintFailures.length === 0 ? 1 : 0;
let failed = buildFailed + (lintFailures.length === 0 ? 0 : 1);
let skipped = 0;
const unit = readJson(path.join(reports, 'unit.json'));
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += (unit.numFailedTests ?? 0) + (unit.numFailedTestSuites && !unit.numFailedTests ? unit.numFailedTestSuites : 0);
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
} else {
  console.error('vitest wrote no report');
  failed++;
}
const e2e = readJson(path.join(reports, 'e2e.json'));
if (e2e) {
  passed += (e2e.stats?.expected ?? 0) + (e2e.stats?.flaky ?? 0);
  failed += e2e.stats?.unexpected ?? 0;
  skipped += e2e.stats?.skipped ?? 0;
  if ((e2e.errors ?? []).length > 0) failed++;
} else {
  console.error('playwright wrote no report');
  failed++;
}
// Playwright printed why the Electron tests were skipped before its long list; say it again here,
// where one reads the result. The summary stays the very last line.
const electronSkip = electronSkipReasonFrom(e2e);
if (electronSkip) console.log(`Electron e2e skipped: ${electronSkip}`);
if (lintFailures.length > 0) console.log(`Lint failed: ${lintFailures.join(', ')} (npm run lint shows where)`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
