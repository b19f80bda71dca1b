// The reason the Electron e2e tests were skipped, for the last lines of `npm test`.
import { findElectronRuntime } from './electron-runtime.mjs';

/**
 * The skip reason Playwright recorded for tests/e2e-electron in its JSON report; without a report,
 * what findElectronRuntime says; null when those tests ran.
 * @param {unknown} report  the parsed .reports/e2e.json, or null
 * @returns {string | null}
 */
export function electronSkipReasonFrom(report, find = findElectronRuntime) {
  const reasons = new Set();
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) {
      if (!String(spec.file ?? '').includes('e2e-electron')) continue;
      for (const t of spec.tests ?? []) {
        if (t.status !== 'skipped') continue;
        for (const a of t.annotations ?? []) if (a.type === 'skip' && a.description) reasons.add(a.description);
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report?.suites ?? []) walk(suite);
  if (reasons.size > 0) return [...reasons].join('; ');
  if (report) return null;
  const runtime = find();
  return runtime.ok ? null : `no Electron runtime: ${runtime.reason}`;
}
